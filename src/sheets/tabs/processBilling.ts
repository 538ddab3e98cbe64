// The Process Billing tab: a header area (billing date, batch, status), one row per client with the
// amount to debit (editable) and an Include tick, a totals row, then Manual clients as reminders.
// Billing regenerates it; people edit Amount to Debit and Include before the debit file is made.
import type { IsoDate } from '../../core/calendar';
import type { Cents } from '../../core/money';
import { encode, readBool, readMoney, readText, parseDateText } from '../cells';
import { cellError } from '../errors';
import { isSheetDate, type CellValue, type CellWrite, type TabContent } from '../port';
import { BILLING_METHODS, TABS, type BillingMethod } from '../schema';
import { normaliseHeader, readTable, type Table } from '../table';

export const BATCH_STATUSES = ['Draft', 'Sent', 'Processed', 'Marked paid'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface BillingRow {
  row?: number;
  clientId: string;
  name: string;
  billingMethod: BillingMethod;
  invoiceIds: string[];
  amountDue: Cents;
  amountToDebit: Cents;
  include: boolean;
}

/** A held invoice (declined past the Retry Limit, or by a rule that waits for a person): one line each. */
export interface HeldLine {
  clientId: string;
  name: string;
  billingMethod: BillingMethod;
  invoiceId: string;
  amount: Cents;
  reason: string;
}

/** A client with money due who is not debited: Inactive, DD stopped, or bank details to fix. */
export interface SkippedLine {
  clientId: string;
  name: string;
  billingMethod: BillingMethod;
  invoiceIds: string[];
  amount: Cents;
  reason: string;
}

export interface BillingSheet {
  billingDate: IsoDate | null;
  batchId: string;
  status: BatchStatus | null;
  /** Clients to debit (every method but Manual). */
  rows: BillingRow[];
  /** Manual clients: listed as reminders, never debited. */
  reminders: BillingRow[];
  /** Held invoices, listed for a person to release. */
  held?: HeldLine[];
  /** Clients not debited, with why. */
  skipped?: SkippedLine[];
}

const EMPTY: BillingSheet = { billingDate: null, batchId: '', status: null, rows: [], reminders: [] };
export const HELD_TITLE = 'Held: not debited until a person releases them';
export const SKIPPED_TITLE = 'Not debited: client status';
const MANUAL_TITLE = 'Manual billing: reminders, not debited';
const HEADERS = TABS.processBilling.columns.map((c) => c.header);
const HEADER_ROW = 3;

function labelValue(values: CellValue[][], label: string): CellValue {
  for (const row of values.slice(0, HEADER_ROW - 1)) {
    const i = row.findIndex((v) => normaliseHeader(v) === normaliseHeader(label));
    if (i >= 0) return row[i + 1] ?? '';
  }
  return '';
}

export function readBillingSheet(table: Table): BillingSheet {
  const values = table.snapshot.values;
  if (table.headerRow === 1 && !table.rows.length) return EMPTY;
  const dateCell = labelValue(values, 'Billing Date');
  const billingDate = isSheetDate(dateCell) ? dateCell.date : parseDateText(String(dateCell));
  const statusText = String(labelValue(values, 'Status')).trim();
  const status = BATCH_STATUSES.find((s) => s.toLowerCase() === statusText.toLowerCase()) ?? null;
  const out: BillingSheet = {
    billingDate,
    batchId: String(labelValue(values, 'Batch ID')).trim(),
    status,
    rows: [],
    reminders: [],
  };
  // The sections below the debit rows are told apart by their title rows.
  let section: 'debits' | 'held' | 'skipped' = 'debits';
  for (const r of table.rows) {
    const clientId = readText(table, r, 'Client ID');
    if (clientId === HELD_TITLE) section = 'held';
    else if (clientId === SKIPPED_TITLE) section = 'skipped';
    else if (clientId === MANUAL_TITLE) section = 'debits';
    const methodText = readText(table, r, 'Billing Method');
    const method = BILLING_METHODS.find((m) => m.toLowerCase() === methodText.toLowerCase());
    // Totals and section rows have no billing method.
    if (!clientId || !method) continue;
    const name = readText(table, r, 'Name');
    const invoiceIds = readText(table, r, 'Invoice IDs')
      .split(/[\s,]+/)
      .filter(Boolean);
    const amountDue = readMoney(table, r, 'Amount Due') ?? 0;
    if (section !== 'debits') {
      const reason = readText(table, r, 'Reason');
      if (section === 'held')
        (out.held ??= []).push({
          clientId,
          name,
          billingMethod: method,
          invoiceId: invoiceIds[0] ?? '',
          amount: amountDue,
          reason,
        });
      else
        (out.skipped ??= []).push({
          clientId,
          name,
          billingMethod: method,
          invoiceIds,
          amount: amountDue,
          reason,
        });
      continue;
    }
    const amountToDebit = readMoney(table, r, 'Amount to Debit') ?? 0;
    if (amountToDebit < 0)
      throw cellError(table.spec.name, r.rowNumber, 'Amount to Debit', 'cannot be negative');
    const row: BillingRow = {
      row: r.rowNumber,
      clientId,
      name,
      billingMethod: method,
      invoiceIds,
      amountDue,
      amountToDebit,
      include: readBool(table, r, 'Include'),
    };
    (method === 'Manual' ? out.reminders : out.rows).push(row);
  }
  return out;
}

export function readBillingTab(snapshot: Parameters<typeof readTable>[1]): BillingSheet {
  return readBillingSheet(readTable(TABS.processBilling, snapshot));
}

/** The tab's whole content for a billing sheet. */
export function renderBillingSheet(s: BillingSheet): TabContent {
  const values: CellWrite[][] = [];
  values.push([
    'Billing Date',
    encode.date(s.billingDate),
    'Batch ID',
    encode.text(s.batchId),
    'Status',
    encode.text(s.status ?? ''),
    '',
  ]);
  values.push([
    s.status === 'Draft'
      ? 'Change Amount to Debit or untick Include, then create the debit file (or mark the list paid).'
      : '',
  ]);
  values.push([...HEADERS]);
  const line = (r: BillingRow): CellWrite[] => [
    encode.text(r.clientId),
    encode.text(r.name),
    encode.text(r.billingMethod),
    encode.text(r.invoiceIds.join(' ')),
    encode.money(r.amountDue),
    r.billingMethod === 'Manual' ? '' : encode.money(r.amountToDebit),
    r.billingMethod === 'Manual' ? '' : r.include,
  ];
  const first = values.length + 1;
  for (const r of s.rows) values.push(line(r));
  const last = values.length;
  const totalRow = values.length + 1;
  const due = s.rows.reduce((sum, r) => sum + r.amountDue, 0);
  values.push([
    'Total',
    `${s.rows.length} client${s.rows.length === 1 ? '' : 's'}`,
    '',
    '',
    encode.money(due),
    s.rows.length ? { formula: `=SUMIF(G${first}:G${last},TRUE,F${first}:F${last})` } : 0,
    '',
  ]);
  const boldRows = [1, HEADER_ROW, totalRow];
  let reminderFirst = 0;
  if (s.reminders.length) {
    values.push([]);
    values.push([MANUAL_TITLE]);
    boldRows.push(values.length);
    reminderFirst = values.length + 1;
    for (const r of s.reminders) values.push(line(r));
  }
  // Held invoices and clients not debited: for a person, never in the debit file. Reason goes in column H.
  const moneyRows: { row: number; numRows: number }[] = [];
  const section = (title: string, lines: CellWrite[][]) => {
    if (!lines.length) return;
    values.push([]);
    values.push([title]);
    boldRows.push(values.length);
    moneyRows.push({ row: values.length + 1, numRows: lines.length });
    for (const l of lines) values.push(l);
  };
  section(
    HELD_TITLE,
    (s.held ?? []).map((h) => [
      encode.text(h.clientId),
      encode.text(h.name),
      encode.text(h.billingMethod),
      encode.text(h.invoiceId),
      encode.money(h.amount),
      '',
      '',
      encode.text(h.reason),
    ]),
  );
  section(
    SKIPPED_TITLE,
    (s.skipped ?? []).map((k) => [
      encode.text(k.clientId),
      encode.text(k.name),
      encode.text(k.billingMethod),
      encode.text(k.invoiceIds.join(' ')),
      encode.money(k.amount),
      '',
      '',
      encode.text(k.reason),
    ]),
  );
  const n = s.rows.length;
  return {
    values,
    formats: [
      { row: 1, column: 2, numRows: 1, format: { kind: 'date' } },
      { row: first, column: 5, numRows: n + 1, format: { kind: 'money' } },
      { row: first, column: 6, numRows: n + 1, format: { kind: 'money' } },
      { row: first, column: 7, numRows: n, format: { kind: 'checkbox' } },
      ...(reminderFirst
        ? [{ row: reminderFirst, column: 5, numRows: s.reminders.length, format: { kind: 'money' as const } }]
        : []),
      ...moneyRows.map((m) => ({
        row: m.row,
        column: 5,
        numRows: m.numRows,
        format: { kind: 'money' as const },
      })),
    ],
    boldRows,
    frozenRows: HEADER_ROW,
  };
}
