// The Settings tab: one row per setting (Setting, Value). Missing rows fall back to defaults.
import type { BillingCycle } from '../../core/billingCycle';
import { FREQUENCIES, parseFrequency, type Frequency } from '../../core/frequency';
import type { IsoDate } from '../../core/calendar';
import { MoneyError, formatMoney, parseMoney, amountToCents, type Cents } from '../../core/money';
import { encode, parseDateText } from '../cells';
import type { RowCells } from '../changes';
import { cellError } from '../errors';
import { isSheetDate, type CellValue, type ColumnFormat } from '../port';
import { SETTING_KEYS, TABS, type SettingKey } from '../schema';
import { cellOf, normaliseHeader, type Table, type TableRow } from '../table';

export interface Settings {
  businessName: string;
  timeZone: string;
  billingFrequency: Frequency;
  billingDay: IsoDate;
  dishonourFee: Cents | null;
  /** How many declines an invoice may have and still be debited again (then it is held for a person). */
  retryLimit: number;
  abaBank: string;
  abaUserName: string;
  abaUserId: string;
  abaDescription: string;
  studioBsb: string;
  studioAccountNumber: string;
  studioAccountName: string;
  /** Add a balancing credit to the studio's own account at the end of an ABA file (some banks want one). */
  abaBalancing: boolean;
  /** DD reports write 16/09/2016 (day first, Australian) unless Settings says Month first. */
  reportDayFirst: boolean;
  /** Rows present in the tab (by key), with their sheet row, so set-up only adds what is missing. */
  present: ReadonlyMap<SettingKey, number>;
}

export function defaultSettings(today: IsoDate, timeZone: string): Record<SettingKey, CellValue> {
  return {
    'Business Name': 'My Studio',
    'Time Zone': timeZone,
    'Billing Frequency': 'Fortnightly',
    'Billing Day': { date: today },
    'Dishonour Fee': '',
    'Retry Limit': DEFAULT_RETRY_LIMIT,
    'ABA Bank': '',
    'ABA User Name': '',
    'ABA User ID': '',
    'ABA Description': 'DEBITS',
    'Studio BSB': '',
    'Studio Account Number': '',
    'Studio Account Name': '',
    'ABA Balancing Record': 'No',
    'Report Date Order': 'Day first',
  };
}

export const DEFAULT_RETRY_LIMIT = 2;

const TEXT: ColumnFormat = { kind: 'text' };

/**
 * How each Value cell is formatted, by what it holds: account numbers and the user ID as plain text so
 * a leading zero survives, the fee as currency, the billing day as a date, choices as drop-downs.
 */
export const SETTING_FORMATS: Readonly<Record<SettingKey, ColumnFormat>> = {
  'Business Name': TEXT,
  'Time Zone': TEXT,
  'Billing Frequency': { kind: 'list', values: FREQUENCIES },
  'Billing Day': { kind: 'date' },
  'Dishonour Fee': { kind: 'money' },
  'Retry Limit': { kind: 'integer' },
  'ABA Bank': TEXT,
  'ABA User Name': TEXT,
  'ABA User ID': TEXT,
  'ABA Description': TEXT,
  'Studio BSB': TEXT,
  'Studio Account Number': TEXT,
  'Studio Account Name': TEXT,
  'ABA Balancing Record': { kind: 'list', values: ['Yes', 'No'] },
  'Report Date Order': { kind: 'list', values: ['Day first', 'Month first'] },
};

/** The setting a row is for, matched as readSettings matches it. */
export function settingKeyOf(name: CellValue): SettingKey | undefined {
  return SETTING_KEYS.find((k) => normaliseHeader(k) === normaliseHeader(name));
}

function text(v: CellValue): string {
  return isSheetDate(v) ? v.date : String(v).trim();
}

export function readSettings(t: Table, today: IsoDate, timeZone: string): Settings {
  const defaults = defaultSettings(today, timeZone);
  const found = new Map<SettingKey, { row: TableRow; value: CellValue }>();
  for (const row of t.rows) {
    const key = settingKeyOf(cellOf(t, row, 'Setting'));
    if (key && !found.has(key)) found.set(key, { row, value: cellOf(t, row, 'Value') });
  }
  const get = (k: SettingKey): CellValue => {
    const v = found.get(k)?.value;
    return v === undefined || v === '' ? defaults[k] : v;
  };
  const fail = (k: SettingKey, why: string) =>
    cellError(t.spec.name, found.get(k)?.row.rowNumber ?? 0, 'Value', `${k} ${why}`);

  let billingFrequency: Frequency;
  try {
    billingFrequency = parseFrequency(text(get('Billing Frequency')));
  } catch {
    throw fail(
      'Billing Frequency',
      `"${text(get('Billing Frequency'))}" is not Weekly, Fortnightly, Four-weekly or Monthly`,
    );
  }
  const dayCell = get('Billing Day');
  const billingDay = isSheetDate(dayCell) ? dayCell.date : parseDateText(text(dayCell));
  if (!billingDay) throw fail('Billing Day', `"${text(dayCell)}" is not a date`);

  const feeCell = get('Dishonour Fee');
  let dishonourFee: Cents | null = null;
  try {
    if (typeof feeCell === 'number') dishonourFee = amountToCents(feeCell);
    else if (text(feeCell)) dishonourFee = parseMoney(text(feeCell), { allowNegative: true });
  } catch (e) {
    throw fail('Dishonour Fee', e instanceof MoneyError ? e.message : 'is not an amount');
  }
  // A negative fee would credit the client for bouncing a debit.
  if (dishonourFee !== null && dishonourFee < 0)
    throw fail('Dishonour Fee', `${formatMoney(dishonourFee)} is negative: it must be zero or more`);
  if (dishonourFee === 0) dishonourFee = null;

  const limitCell = get('Retry Limit');
  const retryLimit = Number(text(limitCell));
  if (!/^\d+$/.test(text(limitCell)) || retryLimit > 9)
    throw fail('Retry Limit', `"${text(limitCell)}" is not a whole number from 0 to 9`);

  return {
    businessName: text(get('Business Name')),
    timeZone: text(get('Time Zone')) || timeZone,
    billingFrequency,
    billingDay,
    dishonourFee,
    retryLimit,
    abaBank: text(get('ABA Bank')),
    abaUserName: text(get('ABA User Name')),
    abaUserId: text(get('ABA User ID')),
    abaDescription: text(get('ABA Description')),
    studioBsb: text(get('Studio BSB')),
    studioAccountNumber: text(get('Studio Account Number')),
    studioAccountName: text(get('Studio Account Name')),
    abaBalancing: /^(yes|y|true|1)$/i.test(text(get('ABA Balancing Record'))),
    reportDayFirst: !/^month/i.test(text(get('Report Date Order'))),
    present: new Map([...found].map(([k, v]) => [k, v.row.rowNumber])),
  };
}

export function billingCycle(s: Settings): BillingCycle {
  return { billingDay: s.billingDay, frequency: s.billingFrequency };
}

/**
 * The format of every Value cell: rows already there (matched by their Setting) and the rows about to
 * be appended for `appended`, which land after the last row as the writes put them.
 */
export function settingValueFormats(
  t: Table,
  appended: readonly SettingKey[],
): { row: number; column: number; format: ColumnFormat }[] {
  const value = t.columns.get('Value');
  if (value === undefined) return [];
  const column = value + 1;
  const out: { row: number; column: number; format: ColumnFormat }[] = [];
  for (const row of t.rows) {
    const key = settingKeyOf(cellOf(t, row, 'Setting'));
    if (key) out.push({ row: row.rowNumber, column, format: SETTING_FORMATS[key] });
  }
  appended.forEach((key, i) => out.push({ row: t.lastRow + 1 + i, column, format: SETTING_FORMATS[key] }));
  return out;
}

export function settingCells(key: SettingKey, value: CellValue): RowCells {
  const v = isSheetDate(value) ? value : typeof value === 'string' ? encode.text(value) : value;
  return { Setting: encode.text(key), Value: v };
}

export const SETTINGS = TABS.settings;
