// The lines of a client's statement: every invoice, payment, refund, reversal, fee, credit and write-off,
// each with what it adds to the balance. The lines add up to the balance by construction: an invoice not
// Cancelled adds its amount, a write-off takes off what was left to pay, every Payments row takes off its
// amount (a negative row, a reversal or a refund, adds it back). Spending credit moves money, so its pair
// is one line that changes nothing.
import { compareDates, type IsoDate } from '../calendar';
import { isWrittenOff } from '../lifecycle/outstanding';
import { formatMoney, type Cents } from '../money';
import type { Invoice, Payment } from './records';

/** What the statement reads of an invoice: the write-off fields may be absent on older records. */
export type StatementInvoice = Pick<
  Invoice,
  'id' | 'clientId' | 'description' | 'dueDate' | 'amount' | 'paid' | 'status' | 'batchId'
> & {
  created?: IsoDate | null;
  sentAmount?: Cents | null;
  writeOffReason?: string;
  writeOffDate?: IsoDate | null;
};

export type StatementPayment = Pick<
  Payment,
  'id' | 'date' | 'clientId' | 'invoiceId' | 'amount' | 'method' | 'reference'
> & { receiptId?: string; refundOf?: string; reason?: string };

export const LINE_KINDS = [
  'Invoice',
  'Fee',
  'Cancelled',
  'Payment',
  'Credit',
  'Recovered',
  'Credit spent',
  'Reversal',
  'Refund',
  'Written off',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface StatementLine {
  date: IsoDate;
  kind: LineKind;
  /** The Invoice ID, or the Payment ID (the receipt's ID when the row has one). */
  ref: string;
  description: string;
  /** An invoice's due date (charges and write-offs). */
  dueDate?: IsoDate;
  /** What the line adds to the balance: a charge is positive, money received negative. */
  amount: Cents;
  /** The running balance after this line. */
  balance: Cents;
}

const FEE = /\bfee\b/i;

/** A charge's line says when it is due (a write-off's Due Date is for the tab's column only). */
export function showsDue(l: Pick<StatementLine, 'kind' | 'dueDate'>): boolean {
  return !!l.dueDate && (l.kind === 'Invoice' || l.kind === 'Fee');
}

/** What an invoice had been paid on `asOf`: its Payments rows dated by then, or its Paid column if it has none. */
export function paidOn(
  inv: Pick<StatementInvoice, 'id' | 'paid'>,
  rowsByInvoice: ReadonlyMap<string, readonly StatementPayment[]>,
  asOf: IsoDate,
): Cents {
  const rows = rowsByInvoice.get(inv.id);
  if (!rows) return inv.paid;
  return rows.reduce((s, p) => (compareDates(p.date, asOf) <= 0 ? s + p.amount : s), 0);
}

export function rowsByInvoice(payments: readonly StatementPayment[]): Map<string, StatementPayment[]> {
  const m = new Map<string, StatementPayment[]>();
  for (const p of payments) {
    if (!p.invoiceId) continue;
    const list = m.get(p.invoiceId);
    if (list) list.push(p);
    else m.set(p.invoiceId, [p]);
  }
  return m;
}

/** What a write-off took off the balance by `asOf`: what was left to pay on the invoice. */
export function writtenOffAmount(
  inv: StatementInvoice,
  rows: ReadonlyMap<string, readonly StatementPayment[]>,
  asOf: IsoDate,
): Cents {
  return isWrittenOff(inv, asOf) ? inv.amount - paidOn(inv, rows, asOf) : 0;
}

type Draft = Omit<StatementLine, 'balance'>;

function invoiceLines(inv: StatementInvoice, asOf: IsoDate, writtenOff: Cents): Draft[] {
  const date = inv.created ?? inv.dueDate;
  const base = { date, ref: inv.id, dueDate: inv.dueDate };
  if (inv.status === 'Cancelled')
    return [
      {
        ...base,
        kind: 'Cancelled',
        amount: 0,
        description: `${inv.description}: ${formatMoney(inv.amount)} cancelled`,
      },
    ];
  const out: Draft[] = [
    {
      ...base,
      kind: FEE.test(inv.description) ? 'Fee' : 'Invoice',
      amount: inv.amount,
      description: inv.description,
    },
  ];
  if (isWrittenOff(inv, asOf)) {
    const reason = inv.writeOffReason?.trim();
    out.push({
      date: inv.writeOffDate ?? inv.dueDate,
      kind: 'Written off',
      ref: inv.id,
      dueDate: inv.dueDate,
      amount: 0 - writtenOff,
      description: `${inv.description}: ${formatMoney(writtenOff)} written off${reason ? ` (${reason})` : ''}`,
    });
  }
  return out;
}

function via(p: StatementPayment): string {
  return [p.method, p.reference]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
}

function paymentLine(p: StatementPayment): Draft {
  const base = { date: p.date, ref: p.receiptId || p.id, amount: 0 - p.amount };
  const how = via(p);
  const reason = p.reason?.trim();
  const why = reason ? `: ${reason}` : '';
  if (p.amount < 0 && p.refundOf)
    return {
      ...base,
      ref: p.id,
      kind: 'Refund',
      description: `Refund of ${p.refundOf} (${p.invoiceId ? `from ${p.invoiceId}` : 'from credit'})${why}`,
    };
  if (p.amount < 0)
    return {
      ...base,
      ref: p.id,
      kind: 'Reversal',
      description: `Reversed on ${p.invoiceId || 'credit'}${how ? ` (${how})` : ''}${why}`,
    };
  if (!p.invoiceId) {
    if (p.refundOf)
      return {
        ...base,
        ref: p.id,
        kind: 'Credit',
        description: `Refund of ${p.refundOf} kept as credit${why}`,
      };
    const recovered = /recover/i.test(`${p.reference} ${reason ?? ''}`);
    return {
      ...base,
      kind: recovered ? 'Recovered' : 'Credit',
      description: `${how || 'Received'}: kept as credit${reason ? ` (${reason})` : ''}`,
    };
  }
  return { ...base, kind: 'Payment', description: `${how || 'Received'} on ${p.invoiceId}` };
}

/** A credit spend's rows (-X with no invoice, +X on it, Method Credit, the same day and reference) as one line. */
function creditSpentLines(rows: readonly StatementPayment[]): Draft[] {
  const groups = new Map<string, StatementPayment[]>();
  for (const p of rows) {
    const key = `${p.date}\u0000${p.reference}\u0000${p.receiptId ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((g) => {
    const spent = g.filter((p) => p.invoiceId && p.amount > 0);
    const on = [...new Set(spent.map((p) => p.invoiceId))].join(' ');
    const total = spent.reduce((s, p) => s + p.amount, 0);
    return {
      date: g[0]!.date,
      kind: 'Credit spent' as const,
      ref: g[0]!.receiptId || g[0]!.id,
      amount: 0 - g.reduce((s, p) => s + p.amount, 0),
      description: on ? `${formatMoney(total)} of credit spent on ${on}` : g[0]!.reference || 'Credit moved',
    };
  });
}

const RANK = new Map<LineKind, number>(LINE_KINDS.map((k, i) => [k, i]));

/**
 * Every line of one client's records, in date order with the running balance. `payments` are the rows
 * that count (dated by the statement's day); an invoice's write-off is what it still wanted on `asOf`.
 */
export function statementLines(
  invoices: readonly StatementInvoice[],
  payments: readonly StatementPayment[],
  asOf: IsoDate,
  allRows: ReadonlyMap<string, readonly StatementPayment[]> = rowsByInvoice(payments),
): StatementLine[] {
  const drafts: Draft[] = [];
  for (const inv of invoices) drafts.push(...invoiceLines(inv, asOf, writtenOffAmount(inv, allRows, asOf)));
  const credit = payments.filter((p) => p.method.trim().toLowerCase() === 'credit');
  for (const p of payments) if (!credit.includes(p)) drafts.push(paymentLine(p));
  drafts.push(...creditSpentLines(credit));
  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) => compareDates(a.d.date, b.d.date) || RANK.get(a.d.kind)! - RANK.get(b.d.kind)! || a.i - b.i,
    );
  let balance = 0;
  return ordered.map(({ d }) => ({ ...d, balance: (balance += d.amount) }));
}
