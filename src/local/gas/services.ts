// LockService, PropertiesService, Session, Utilities, ScriptApp and Logger.
import { createHash, randomUUID } from 'node:crypto';
import {
  AuthMode,
  Charset,
  DigestAlgorithm,
  EventType,
  TriggerSource,
  Weekday,
  type EventTypeName,
} from './enums';
import { enumMember, Env, gas, isDateValue } from './env';
import { formatJavaDate } from './time';

// ---- LockService ------------------------------------------------------------------------------

export type LockScope = 'document' | 'script' | 'user';

interface ExternalHolder {
  /** A waiter with a timeout at least this long gets the lock (the other process finishes in time). */
  releaseAfterMs?: number;
}

/** Who holds each lock: an emulated Lock object, or a simulated other execution. */
export class LockTable {
  readonly holders = new Map<string, object>();

  /** Simulates another execution holding the lock; returns the function that releases it. */
  holdExternally(key: string, opts: ExternalHolder = {}): () => void {
    if (this.holders.has(key)) throw new Error(`The ${key} lock is already held`);
    const token: ExternalHolder = { ...opts };
    this.holders.set(key, token);
    return () => {
      if (this.holders.get(key) === token) this.holders.delete(key);
    };
  }

  /** Releases locks held by emulated Lock objects, as Apps Script does when an execution ends. */
  releaseAll(): void {
    for (const [key, holder] of [...this.holders])
      if (holder instanceof EmulatedLock) this.holders.delete(key);
  }
}

class EmulatedLock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'
> {
  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  hasLock(): boolean {
    return this.table.holders.get(this.key) === this;
  }
  releaseLock(): void {
    if (this.table.holders.get(this.key) !== this) return;
    // Writes not yet flushed when the lock goes may be missed by the next holder's reads.
    this.env.noteRelease();
    this.table.holders.delete(this.key);
  }
  /**
   * Node is single-threaded: a lock held by another Lock object is never released while we wait. A
   * negative (or non-numeric) timeout gets nothing, as in Apps Script, even when the lock is free.
   */
  tryLock(timeoutInMillis: number): boolean {
    const ms = Number(timeoutInMillis);
    if (!(ms >= 0)) return false;
    const holder = this.table.holders.get(this.key);
    if (holder === undefined || holder === this) {
      this.table.holders.set(this.key, this);
      return true;
    }
    const external = holder instanceof EmulatedLock ? undefined : (holder as ExternalHolder);
    if (external && external.releaseAfterMs !== undefined && ms >= external.releaseAfterMs) {
      this.table.holders.set(this.key, this);
      return true;
    }
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw this.env.exception('Lock timeout: another process was holding the lock for too long.');
    }
  }
}

export class EmulatedLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly user: string,
  ) {}

  private _lock(key: string): GoogleAppsScript.Lock.Lock {
    return gas(this.env.wrap(new EmulatedLock(this.env, this.table, key), 'Lock'));
  }
  /** A new Lock object on each call, as in Apps Script; two of them contend. */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('document');
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('script');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`user:${this.user}`);
  }
}

// ---- PropertiesService ------------------------------------------------------------------------

/** Apps Script's quotas: 9 KB per value, 500 KB per property store. */
const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

class EmulatedProperties implements Pick<
  GoogleAppsScript.Properties.Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  constructor(
    private readonly env: Env,
    readonly map: Map<string, string>,
  ) {}

  private _self(): GoogleAppsScript.Properties.Properties {
    return gas(this.env.wrap(this, 'Properties'));
  }
  private _key(key: unknown): string {
    if (key === null || key === undefined) throw this.env.exception('Invalid argument: key');
    return String(key);
  }
  private _value(value: unknown): string {
    const v = String(value);
    if (bytes(v) > PROPERTY_VALUE_LIMIT) throw this.env.exception('Argument too large: value');
    return v;
  }
  /** Applies `entries` (after deleting all others, if asked) only if the store stays within its quota. */
  private _commit(entries: [string, string][], deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.map);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw this.env.exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.map.clear();
    return this._self();
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.map.delete(this._key(key));
    return this._self();
  }
  getKeys(): string[] {
    return this.env.list([...this.map.keys()]);
  }
  getProperties(): Record<string, string> {
    const out = this.env.record();
    for (const [k, v] of this.map) out[k] = v;
    return out;
  }
  getProperty(key: string): string | null {
    return this.map.get(this._key(key)) ?? null;
  }
  setProperties(
    properties: Record<string, string>,
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    if (properties === null || typeof properties !== 'object') {
      throw this.env.exception('Invalid argument: properties');
    }
    const entries = Object.keys(properties).map((k): [string, string] => [k, this._value(properties[k])]);
    this._commit(entries, Boolean(deleteAllOthers));
    return this._self();
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this._commit([[this._key(key), this._value(value)]], false);
    return this._self();
  }
}

export class EmulatedPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  constructor(
    private readonly env: Env,
    private readonly stores: {
      document: Map<string, string>;
      script: Map<string, string>;
      user: Map<string, string>;
    },
  ) {}

  private _props(map: Map<string, string>): GoogleAppsScript.Properties.Properties {
    return gas(this.env.wrap(new EmulatedProperties(this.env, map), 'Properties'));
  }
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return this._props(this.stores.document);
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return this._props(this.stores.script);
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return this._props(this.stores.user);
  }
}

// ---- Session ----------------------------------------------------------------------------------

export class EmulatedSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly env: Env,
    private readonly user: string,
    private readonly scriptTimeZone: string,
    private readonly locale: string,
  ) {}

  private _user(): GoogleAppsScript.Base.User {
    const email = this.user;
    return gas(this.env.wrap({ getEmail: (): string => email }, 'User'));
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return this._user();
  }
  getActiveUserLocale(): string {
    return this.locale.split('_')[0] ?? this.locale;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this._user();
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(this.user).digest('base64url').slice(0, 32);
  }
}

// ---- Utilities --------------------------------------------------------------------------------

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Java bytes are signed: -128..127. */
function signedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const text = String(value);
  return String(charset) === 'US_ASCII' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}

export class EmulatedUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'base64Decode'
  | 'base64Encode'
  | 'computeDigest'
  | 'formatDate'
  | 'getUuid'
  | 'sleep'
> {
  readonly Charset = gas<typeof GoogleAppsScript.Utilities.Charset>(Charset);
  readonly DigestAlgorithm = gas<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(DigestAlgorithm);

  constructor(private readonly env: Env) {}

  base64Decode(encoded: string): number[] {
    return this.env.list(signedBytes(Buffer.from(String(encoded), 'base64')));
  }
  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64');
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const member = enumMember(DigestAlgorithm, algorithm);
    const alg = member ? DIGESTS[member.name()] : undefined;
    if (!alg) throw this.env.exception('Invalid argument: algorithm');
    return this.env.list(signedBytes(createHash(alg).update(toBuffer(value, charset)).digest()));
  }
  /** Java SimpleDateFormat patterns; an unknown time zone id means GMT, as in Java. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateValue(date)) {
      throw this.env.exception(
        `The parameters (${typeof date},${typeof timeZone},${typeof format}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw this.env.exception('Invalid argument: date');
    try {
      return formatJavaDate(ms, String(timeZone), String(format));
    } catch (e) {
      throw this.env.exception(`Invalid argument: ${(e as Error).message}`);
    }
  }
  getUuid(): string {
    return randomUUID();
  }
  /** No waiting in the emulation; the milliseconds are recorded in Utilities.slept. */
  sleep(milliseconds: number): void {
    this.slept += Number(milliseconds) || 0;
  }
  slept = 0;
}

// ---- ScriptApp --------------------------------------------------------------------------------

/** A trigger as the emulation keeps it (plain data; Trigger objects read it). */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** Clock triggers: what the builder was given. */
  schedule?: {
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    atHour?: number;
    nearMinute?: number;
    onWeekDay?: string;
    onMonthDay?: number;
    at?: Date;
    after?: number;
    timeZone?: string;
  };
  /** Spreadsheet triggers: the spreadsheet id. */
  sourceId?: string;
}

/** Apps Script allows 20 triggers per user per script. */
const MAX_TRIGGERS = 20;

type Trigger = GoogleAppsScript.Script.Trigger;

class EmulatedTrigger implements Pick<
  Trigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  constructor(readonly record: TriggerRecord) {}

  getEventType(): GoogleAppsScript.Script.EventType {
    return gas(EventType[this.record.eventType]);
  }
  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return gas(TriggerSource[this.record.source]);
  }
  getTriggerSourceId(): string {
    return this.record.sourceId ?? '';
  }
  getUniqueId(): string {
    return this.record.id;
  }
}

class TriggerFactory {
  private next = 1;
  /**
   * The document each trigger was made in (the active spreadsheet then): getUserTriggers(ss) lists only
   * that document's. A record put in by hand is another document's, which getProjectTriggers still sees.
   */
  readonly documents = new WeakMap<TriggerRecord, string>();
  constructor(
    readonly env: Env,
    readonly triggers: TriggerRecord[],
    readonly documentId: () => string,
  ) {}

  create(partial: Omit<TriggerRecord, 'id'>): Trigger {
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw this.env.exception(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const record: TriggerRecord = { id: String(1_000_000 + this.next++), ...partial };
    this.documents.set(record, this.documentId());
    this.triggers.push(record);
    return this.wrap(record);
  }

  wrap(record: TriggerRecord): Trigger {
    return gas(this.env.wrap(new EmulatedTrigger(record), 'Trigger'));
  }
}

type ClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

class EmulatedClockTriggerBuilder implements Pick<
  ClockBuilder,
  | 'after'
  | 'at'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay'
> {
  private schedule: NonNullable<TriggerRecord['schedule']> = {};

  constructor(
    private readonly factory: TriggerFactory,
    private readonly handler: string,
  ) {}

  private _self(): ClockBuilder {
    return gas(this.factory.env.wrap(this, 'ClockTriggerBuilder'));
  }
  private _int(v: unknown): number {
    const n = Number(v);
    if (!Number.isInteger(n)) throw this.factory.env.exception(`Cannot convert '${String(v)}' to int.`);
    return n;
  }

  after(durationMilliseconds: number): ClockBuilder {
    this.schedule.after = this._int(durationMilliseconds);
    return this._self();
  }
  at(date: GoogleAppsScript.Base.Date): ClockBuilder {
    if (!isDateValue(date)) throw this.factory.env.exception('Invalid argument: date');
    this.schedule.at = new Date(date.getTime());
    return this._self();
  }
  atHour(hour: number): ClockBuilder {
    const h = this._int(hour);
    if (h < 0 || h > 23) throw this.factory.env.exception('Invalid argument: hour');
    this.schedule.atHour = h;
    return this._self();
  }
  create(): Trigger {
    const s = this.schedule;
    const periodic = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter((x) => x !== undefined);
    if (periodic.length === 0 && s.at === undefined && s.after === undefined) {
      throw this.factory.env.exception('The trigger has no schedule.');
    }
    return this.factory.create({
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      schedule: { ...s },
    });
  }
  everyDays(n: number): ClockBuilder {
    this.schedule.everyDays = this._int(n);
    return this._self();
  }
  everyHours(n: number): ClockBuilder {
    this.schedule.everyHours = this._int(n);
    return this._self();
  }
  everyMinutes(n: number): ClockBuilder {
    const m = this._int(n);
    if (![1, 5, 10, 15, 30].includes(m)) {
      throw this.factory.env.exception('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    }
    this.schedule.everyMinutes = m;
    return this._self();
  }
  everyWeeks(n: number): ClockBuilder {
    this.schedule.everyWeeks = this._int(n);
    return this._self();
  }
  inTimezone(timezone: string): ClockBuilder {
    this.schedule.timeZone = String(timezone);
    return this._self();
  }
  nearMinute(minute: number): ClockBuilder {
    this.schedule.nearMinute = this._int(minute);
    return this._self();
  }
  onMonthDay(day: number): ClockBuilder {
    this.schedule.onMonthDay = this._int(day);
    return this._self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockBuilder {
    const member = enumMember(Weekday, day);
    if (!member) throw this.factory.env.exception('Invalid argument: day');
    this.schedule.onWeekDay = member.name();
    return this._self();
  }
}

type SheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

class EmulatedSpreadsheetTriggerBuilder implements Pick<
  SheetTriggerBuilder,
  'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen'
> {
  private eventType: EventTypeName | undefined;

  constructor(
    private readonly factory: TriggerFactory,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  private _on(type: EventTypeName): SheetTriggerBuilder {
    this.eventType = type;
    return gas(this.factory.env.wrap(this, 'SpreadsheetTriggerBuilder'));
  }
  create(): Trigger {
    if (!this.eventType) throw this.factory.env.exception('The trigger has no event type.');
    return this.factory.create({
      handlerFunction: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
    });
  }
  onChange(): SheetTriggerBuilder {
    return this._on('ON_CHANGE');
  }
  onEdit(): SheetTriggerBuilder {
    return this._on('ON_EDIT');
  }
  onFormSubmit(): SheetTriggerBuilder {
    return this._on('ON_FORM_SUBMIT');
  }
  onOpen(): SheetTriggerBuilder {
    return this._on('ON_OPEN');
  }
}

class EmulatedTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'forSpreadsheet' | 'timeBased'
> {
  constructor(
    private readonly factory: TriggerFactory,
    private readonly handler: string,
  ) {}

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    const builder = new EmulatedSpreadsheetTriggerBuilder(this.factory, this.handler, id);
    return gas(this.factory.env.wrap(builder, 'SpreadsheetTriggerBuilder'));
  }
  timeBased(): ClockBuilder {
    return gas(
      this.factory.env.wrap(
        new EmulatedClockTriggerBuilder(this.factory, this.handler),
        'ClockTriggerBuilder',
      ),
    );
  }
}

export class EmulatedScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'deleteTrigger'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getUserTriggers'
  | 'newTrigger'
> {
  readonly AuthMode = gas<typeof GoogleAppsScript.Script.AuthMode>(AuthMode);
  readonly EventType = gas<typeof GoogleAppsScript.Script.EventType>(EventType);
  readonly TriggerSource = gas<typeof GoogleAppsScript.Script.TriggerSource>(TriggerSource);
  readonly WeekDay = gas<typeof GoogleAppsScript.Base.Weekday>(Weekday);
  private readonly factory: TriggerFactory;

  constructor(
    private readonly env: Env,
    private readonly triggers: TriggerRecord[],
    private readonly scriptId: string,
    documentId: () => string = () => '',
  ) {
    this.factory = new TriggerFactory(env, triggers, documentId);
  }

  deleteTrigger(trigger: Trigger): void {
    const id = trigger instanceof EmulatedTrigger ? trigger.record.id : undefined;
    const i = this.triggers.findIndex((t) => t.id === id);
    if (i < 0) throw this.env.exception('Invalid argument: trigger');
    this.triggers.splice(i, 1);
  }
  getProjectTriggers(): Trigger[] {
    return this.env.list(this.triggers.map((t) => this.factory.wrap(t)));
  }
  getScriptId(): string {
    return this.scriptId;
  }
  /** The user's triggers of this script made in `document` (not other documents'). */
  getUserTriggers(document: { getId(): string }): Trigger[] {
    const id = document.getId();
    const mine = this.triggers.filter((t) => this.factory.documents.get(t) === id);
    return this.env.list(mine.map((t) => this.factory.wrap(t)));
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return gas(
      this.env.wrap(new EmulatedTriggerBuilder(this.factory, String(functionName)), 'TriggerBuilder'),
    );
  }
}

// ---- Logger -----------------------------------------------------------------------------------

/** Logger.log(format, ...values) substitutes %s, %d, %f and %%; other arguments are appended. */
function formatLog(data: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof data !== 'string') {
    return typeof data === 'string'
      ? data
      : data !== null && typeof data === 'object' && !isDateValue(data)
        ? JSON.stringify(data)
        : String(data);
  }
  let i = 0;
  return data.replace(/%[sdf%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= values.length) return m;
    const v = values[i++];
    return m === '%s' ? String(v) : String(Number(v));
  });
}

export class EmulatedLogger implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  constructor(
    private readonly env: Env,
    readonly lines: string[],
  ) {}

  clear(): void {
    this.lines.length = 0;
  }
  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.lines.push(formatLog(data, values));
    return gas(this.env.wrap(this, 'Logger'));
  }
}
