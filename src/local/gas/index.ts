// An in-memory emulation of the Apps Script services Studio Ledger uses, so the real bundle
// (dist/Code.js) runs in a Node vm context with no Google account, and tests can count service calls.
//
//   const emu = createAppsScript({ timeZone: 'Australia/Sydney' });
//   const ctx = emu.createContext();            // or vm.createContext({ ...emu.globals })
//   new vm.Script(code).runInContext(ctx);
//   ctx.onOpen({ authMode: emu.globals.ScriptApp.AuthMode.FULL });
//   emu.calls.byMethod();                       // { 'SpreadsheetApp.getUi': 1, 'Ui.createAddonMenu': 1, ... }
import { types } from 'node:util';
import vm from 'node:vm';
import { AuthMode, Button, ButtonSet, DataValidationCriteria, type AuthModeName } from './enums';
import { Env, gas, type CallCounter } from './env';
import {
  EmulatedLockService,
  EmulatedLogger,
  EmulatedPropertiesService,
  EmulatedScriptApp,
  EmulatedSession,
  EmulatedUtilities,
  LockTable,
  type LockScope,
  type TriggerRecord,
} from './services';
import { EmulatedSpreadsheet } from './spreadsheet';
import { EmulatedSpreadsheetApp } from './spreadsheetApp';
import { createUiRecorder, EmulatedHtmlService, EmulatedUi, type UiRecorder } from './ui';

export type { CallCounter, RangeRead } from './env';
export type { CellModel, SheetModel, ValidationModel } from './model';
export type {
  AlertRecord,
  ButtonAnswer,
  DialogRecord,
  HtmlRecord,
  MenuEntry,
  MenuItemRecord,
  MenuRecord,
  PromptRecord,
  ToastRecord,
  UiRecorder,
} from './ui';
export type { LockScope, TriggerRecord } from './services';
export type { EmulatedSpreadsheet } from './spreadsheet';
export { instantToWallClock, wallClockToInstant, zonedMidnight } from './time';
export { DEFAULT_NUMBER_FORMAT } from './cells';

/** Apps Script's enums, for tests: the same objects the emulated services hand out. */
export const Enums = {
  AuthMode: gas<typeof GoogleAppsScript.Script.AuthMode>(AuthMode),
  Button: gas<typeof GoogleAppsScript.Base.Button>(Button),
  ButtonSet: gas<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSet),
  DataValidationCriteria:
    gas<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(DataValidationCriteria),
};

export interface AppsScriptOptions {
  /** The spreadsheet's time zone (default 'Australia/Sydney'). */
  timeZone?: string;
  /** Session.getScriptTimeZone() (default: timeZone). */
  scriptTimeZone?: string;
  /** Where createHtmlOutputFromFile(name) reads `${name}.html` (default 'dist'). */
  htmlDir?: string;
  /**
   * The clock: when given, `new Date()` and `Date.now()` in code using `globals.Date` (the bundle in
   * a vm context) return this instead of the real time.
   */
  today?: () => Date;
  /** Session.getActiveUser().getEmail() (default 'owner@example.com'). */
  user?: string;
  /** Spreadsheet locale (default 'en_AU'). */
  locale?: string;
  spreadsheetId?: string;
  spreadsheetName?: string;
  scriptId?: string;
  /** The title recorded for createAddonMenu() menus (default 'Untitled project', as Apps Script). */
  addonName?: string;
  /** What `console` is in the globals (default: the real console). */
  console?: Console;
}

export interface AppsScriptGlobals {
  SpreadsheetApp: EmulatedSpreadsheetApp;
  HtmlService: EmulatedHtmlService;
  LockService: EmulatedLockService;
  PropertiesService: EmulatedPropertiesService;
  Session: EmulatedSession;
  Utilities: EmulatedUtilities;
  ScriptApp: EmulatedScriptApp;
  Logger: EmulatedLogger;
  console: Console;
  /** This realm's Date (or the `today` clock): Dates from the services pass `instanceof Date` in a vm. */
  Date: DateConstructor;
}

export interface AppsScriptEmulation {
  /** A plain object to pass to vm.createContext (copy it with {...globals} per execution if you like). */
  globals: AppsScriptGlobals;
  /** The active spreadsheet: SpreadsheetApp.getActive() and getActiveSpreadsheet() return this object. */
  spreadsheet: EmulatedSpreadsheet;
  calls: CallCounter;
  ui: UiRecorder;
  properties: { document: Map<string, string>; script: Map<string, string>; user: Map<string, string> };
  /** Lines written with Logger.log. */
  logs: string[];
  /** Installed triggers (ScriptApp.newTrigger(...).create() adds, deleteTrigger removes). */
  triggers: TriggerRecord[];
  /**
   * Simulates another execution holding the document lock: waitLock then throws and tryLock returns
   * false, unless the waiter's timeout is at least `releaseAfterMs`. Returns the release function.
   */
  holdDocumentLock(opts?: { releaseAfterMs?: number }): () => void;
  holdLock(scope: LockScope, opts?: { releaseAfterMs?: number }): () => void;
  /** What Apps Script does when an execution ends: applies pending writes, releases its locks. */
  endExecution(): void;
  /**
   * How many times a lock was released while spreadsheet writes were still pending (no
   * SpreadsheetApp.flush() since them): the next execution to take the lock could read a stale tab.
   */
  readonly unflushedReleases: number;
  /**
   * A vm context with the globals, whose Array and Error also recognise this realm's arrays and errors
   * in `instanceof` (so `e instanceof Error` in the bundle holds for the services' exceptions).
   */
  createContext(extraGlobals?: Record<string, unknown>): vm.Context;
  /** The event object Apps Script passes to onOpen / onInstall. */
  openEvent(authMode?: AuthModeName): {
    authMode: GoogleAppsScript.Script.AuthMode;
    source: GoogleAppsScript.Spreadsheet.Spreadsheet;
    user: GoogleAppsScript.Base.User;
  };
}

/** A Date constructor whose `new Date()` / `Date.now()` read the given clock. */
function clockDate(now: () => Date): DateConstructor {
  const Real = Date;
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Real(now().getTime()).toString();
    return Reflect.construct(Real, args.length ? args : [now().getTime()], new.target);
  }
  ClockDate.prototype = Real.prototype;
  ClockDate.now = (): number => now().getTime();
  ClockDate.parse = Real.parse;
  ClockDate.UTC = Real.UTC;
  return ClockDate as unknown as DateConstructor;
}

const REALM_PATCH = `(function (isError) {
  var hasInstance = Function.prototype[Symbol.hasInstance];
  var A = Array, E = Error;
  Object.defineProperty(A, Symbol.hasInstance, { configurable: true, value: function (v) {
    return this === A ? Array.isArray(v) : hasInstance.call(this, v);
  } });
  Object.defineProperty(E, Symbol.hasInstance, { configurable: true, value: function (v) {
    return this === E ? isError(v) || hasInstance.call(this, v) : hasInstance.call(this, v);
  } });
})`;

export function createAppsScript(opts: AppsScriptOptions = {}): AppsScriptEmulation {
  const timeZone = opts.timeZone ?? 'Australia/Sydney';
  const today = opts.today;
  const now = today ?? ((): Date => new Date());
  const user = opts.user ?? 'owner@example.com';
  const locale = opts.locale ?? 'en_AU';
  const env = new Env(now);
  const ui = createUiRecorder();
  const properties = {
    document: new Map<string, string>(),
    script: new Map<string, string>(),
    user: new Map<string, string>(),
  };
  const logs: string[] = [];
  const triggers: TriggerRecord[] = [];
  const locks = new LockTable();

  const spreadsheet = EmulatedSpreadsheet.create(env, {
    id: opts.spreadsheetId ?? '1StudioLedgerLocalSpreadsheet000000000000000',
    name: opts.spreadsheetName ?? 'Studio Ledger',
    timeZone,
    locale,
    toast: (message, title, timeoutSeconds) => {
      const record: UiRecorder['toasts'][number] = { message };
      if (title !== undefined) record.title = title;
      if (timeoutSeconds !== undefined) record.timeoutSeconds = timeoutSeconds;
      ui.toasts.push(record);
    },
  });
  const uiObject = env.wrap(new EmulatedUi(env, ui, opts.addonName ?? 'Untitled project'), 'Ui');
  const session = env.wrap(
    new EmulatedSession(env, user, opts.scriptTimeZone ?? timeZone, locale),
    'Session',
  );

  const globals: AppsScriptGlobals = {
    SpreadsheetApp: env.wrap(
      new EmulatedSpreadsheetApp(env, spreadsheet, () => gas(uiObject)),
      'SpreadsheetApp',
    ),
    HtmlService: env.wrap(new EmulatedHtmlService(env, opts.htmlDir ?? 'dist'), 'HtmlService'),
    LockService: env.wrap(new EmulatedLockService(env, locks, user), 'LockService'),
    PropertiesService: env.wrap(new EmulatedPropertiesService(env, properties), 'PropertiesService'),
    Session: session,
    Utilities: env.wrap(new EmulatedUtilities(env), 'Utilities'),
    ScriptApp: env.wrap(
      new EmulatedScriptApp(env, triggers, opts.scriptId ?? 'local-script-id', () => spreadsheet.getId()),
      'ScriptApp',
    ),
    Logger: env.wrap(new EmulatedLogger(env, logs), 'Logger'),
    console: opts.console ?? console,
    Date: today ? clockDate(today) : Date,
  };

  const holdLock = (scope: LockScope, o?: { releaseAfterMs?: number }): (() => void) =>
    locks.holdExternally(scope === 'user' ? `user:${user}` : scope, o);

  return {
    globals,
    spreadsheet,
    calls: env.calls,
    ui,
    properties,
    logs,
    triggers,
    holdDocumentLock: (o) => holdLock('document', o),
    holdLock,
    endExecution: () => {
      env.flushed();
      locks.releaseAll();
    },
    get unflushedReleases() {
      return env.unflushedReleases;
    },
    createContext(extraGlobals = {}) {
      const ctx = vm.createContext({ ...globals, ...extraGlobals });
      const patch = vm.runInContext(REALM_PATCH, ctx) as (isError: (v: unknown) => boolean) => void;
      patch((v) => types.isNativeError(v));
      return ctx;
    },
    openEvent(authMode = 'LIMITED') {
      const email = user;
      return {
        authMode: gas<GoogleAppsScript.Script.AuthMode>(AuthMode[authMode]),
        source: gas<GoogleAppsScript.Spreadsheet.Spreadsheet>(spreadsheet),
        user: gas<GoogleAppsScript.Base.User>({ getEmail: () => email }),
      };
    },
  };
}
