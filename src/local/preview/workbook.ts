// The workbook behind the preview: one loaded emulation kept in memory, every server call run through
// the real bundle (dist/Code.js) one at a time, and the file saved (atomically) only after a call that
// succeeded and changed something. A call that fails, throws or cannot be saved leaves the file as it
// was and drops the in-memory copy, so the next call starts again from the file. A file changed by
// someone else (the CLI, a spreadsheet program) is read again before the next call.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAppsScript, instantToWallClock, wallClockToInstant, type AppsScriptEmulation } from '../gas';
import { startAddin } from '../runtime';
import { DEFAULT_TIME_ZONE, loadIntoEmulation, saveFromEmulation } from '../xlsx';

/** Menu handlers and triggers: they need the spreadsheet's UI, not a sidebar. */
export function isUiOnly(fn: string): boolean {
  return (
    fn === 'onOpen' || fn === 'onInstall' || fn === 'onEdit' || /^show[A-Z]/.test(fn) || /Menu$/.test(fn)
  );
}

/** The top-level functions of Code.js (build.mjs writes one unindented `function name() {` per export). */
export function topLevelFunctions(code: string): string[] {
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]!).sort();
}

/** Read-only service calls; anything else may have changed the workbook. */
const READS =
  /^(get|is|has|can)[A-Z]|^(Lock\.|LockService\.|Session\.|Utilities\.|Logger\.|PropertiesService\.)/;
function wroteSomething(emu: AppsScriptEmulation): boolean {
  return Object.keys(emu.calls.byMethod()).some((key) => {
    const method = key.slice(key.indexOf('.') + 1);
    return !READS.test(method) && !READS.test(key);
  });
}

export class CallRefused extends Error {}

export interface CallOutcome {
  result: unknown;
  saved: boolean;
  ms: number;
}

export interface WorkbookHostOptions {
  /** The .xlsx file. */
  workbook: string;
  /** Where Code.js and the sidebar HTML files are (default dist). */
  dist: string;
  /** YYYY-MM-DD: the date the add-in counts as today (default: the real date). */
  today?: string;
}

export class WorkbookHost {
  readonly functions: ReadonlySet<string>;
  private emu: AppsScriptEmulation | undefined;
  private stamp = '';
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: WorkbookHostOptions) {
    const code = readFileSync(this.codePath, 'utf8');
    this.functions = new Set(topLevelFunctions(code).filter((f) => !isUiOnly(f)));
  }

  get codePath(): string {
    return join(this.opts.dist, 'Code.js');
  }

  /** Runs jobs one at a time, in order. */
  serial<T>(job: () => Promise<T>): Promise<T> {
    const p = this.tail.then(job);
    this.tail = p.catch(() => undefined);
    return p;
  }

  /** Waits for the calls in flight. */
  idle(): Promise<unknown> {
    return this.tail;
  }

  private fileStamp(): string {
    const s = statSync(this.opts.workbook);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  /** The clock the bundle sees: the real time of day, on --today's date when one is given. */
  private clock(zone: () => string): (() => Date) | undefined {
    const today = this.opts.today;
    if (!today) return undefined;
    return () => {
      const wall = instantToWallClock(new Date(), zone());
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      wall.setUTCFullYear(y, m - 1, d);
      return wallClockToInstant(wall, zone());
    };
  }

  /** The workbook loaded in the emulation (read again when the file changed since). Not serialised. */
  private async load(): Promise<AppsScriptEmulation> {
    const stamp = this.fileStamp();
    if (this.emu && stamp === this.stamp) return this.emu;
    const box: { emu?: AppsScriptEmulation } = {};
    const zone = (): string => box.emu?.spreadsheet.timeZone ?? DEFAULT_TIME_ZONE;
    const emu = createAppsScript({
      timeZone: DEFAULT_TIME_ZONE,
      htmlDir: this.opts.dist,
      today: this.clock(zone),
    });
    box.emu = emu;
    await loadIntoEmulation(this.opts.workbook, emu);
    this.emu = emu;
    this.stamp = stamp;
    return emu;
  }

  /** Reads the workbook as it is now, after the calls in flight. */
  read<T>(reader: (emu: AppsScriptEmulation) => T): Promise<T> {
    return this.serial(async () => reader(await this.load()));
  }

  /** Calls a server function as google.script.run would; saves the workbook when it succeeded. */
  call(fn: string, args: unknown[]): Promise<CallOutcome> {
    if (!this.functions.has(fn)) {
      const why = isUiOnly(fn)
        ? `${fn} opens spreadsheet UI (a menu, sidebar or alert); the preview serves the sidebars as pages instead.`
        : `Code.js has no server function ${JSON.stringify(fn)}.`;
      return Promise.reject(new CallRefused(why));
    }
    return this.serial(async () => {
      const started = Date.now();
      const emu = await this.load();
      emu.calls.reset();
      let result: unknown;
      try {
        result = startAddin({ emu, codePath: this.codePath }).call(fn, ...args);
      } catch (e) {
        this.emu = undefined; // it may have written half of something: start again from the file
        throw e;
      } finally {
        emu.endExecution();
      }
      const ok = !(result !== null && typeof result === 'object' && 'ok' in result && result.ok !== true);
      const changed = wroteSomething(emu);
      if (!ok) {
        if (changed) this.emu = undefined;
        return { result, saved: false, ms: Date.now() - started };
      }
      if (!changed) return { result, saved: false, ms: Date.now() - started };
      try {
        await saveFromEmulation(this.opts.workbook, emu);
        this.stamp = this.fileStamp();
      } catch (e) {
        this.emu = undefined;
        throw new Error(`Could not save ${this.opts.workbook}: ${(e as Error).message}`, { cause: e });
      }
      return { result, saved: true, ms: Date.now() - started };
    });
  }
}
