// Process Billing: roll recurring packages forward to the billing date, collect every due invoice, and
// list one debit per client on the Process Billing tab. Running it again changes nothing twice.
import { debitLines } from '../../core/billing/dueInvoices';
import { nextBillingDay } from '../../core/billingCycle';
import type { IsoDate } from '../../core/calendar';
import type { Cents } from '../../core/money';
import { rollRecurringHeld } from '../../core/lifecycle/recurringHeld';
import { writeBatch } from '../batches';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Client, Invoice } from '../records';
import { allocationCells, readAllocations } from '../tabs/allocations';
import { clientCells, readClients } from '../tabs/clients';
import { readPayments } from '../tabs/payments';
import { releaseFixedClients } from './clientRelease';
import { planCreditSpend, settled, writeCreditSpend, type CreditSpend } from './spendCredit';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import {
  readBillingSheet,
  renderBillingSheet,
  type BillingRow,
  type BillingSheet,
  type HeldLine,
  type SkippedLine,
} from '../tabs/processBilling';
import { debitBlock } from '../../core/ledger/billingMethods';
import { soundLedgerFor } from '../integrity';
import { readSales, saleTerms } from '../tabs/sales';
import { lifeOf, readSaleLives, rollsForward } from '../tabs/saleLifecycle';
import { billingCycle, readSettings } from '../tabs/settings';
import type { DateText } from './fields';

export const BILLING_RUN_TABS = [
  'settings',
  'clients',
  'sales',
  'invoices',
  'allocations',
  'payments',
  'processBilling',
] as const;

export interface BillingRunPlan {
  sheet: BillingSheet;
  /** Recurring cycles whose date has come: created by this run. */
  newInvoices: Invoice[];
  newAllocations: Allocation[];
  totalDue: Cents;
  /** True when the batch ID is reused from an unsent draft. */
  reusedBatch: boolean;
  /** Things to check that do not stop the run (a date off the studio's billing cycle). */
  warnings: string[];
  /** Credit spent on the invoices due, before the amounts to debit were worked out. */
  credit: CreditSpend;
  /** Clients whose refused bank details were changed: Active again. */
  released: Client[];
}

/**
 * Billing on a day off the cycle is allowed (a public holiday moves the debit), but usually a typo: the
 * owner is told which day the cycle falls on. Unreadable Settings are left to the actions that need them.
 */
export function offCycleWarning(
  tx: LedgerTx,
  billingDate: IsoDate,
  today: IsoDate,
  show: DateText,
): string | null {
  let cycle;
  try {
    cycle = billingCycle(readSettings(tx.table('settings'), today, tx.port.timeZone()));
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
  const next = nextBillingDay(cycle, billingDate);
  if (next === billingDate) return null;
  return `${show(billingDate)} is not a billing day of the studio's ${cycle.frequency.toLowerCase()} cycle (Settings, Billing Day ${show(cycle.billingDay)}); the next is ${show(next)}.`;
}

/** Recurring invoices and allocations due by `through` that do not exist yet (never twice, never moved). */
export function planRecurringRoll(
  tx: LedgerTx,
  through: IsoDate,
  today: IsoDate,
  invoices: readonly Invoice[],
  inactive: ReadonlySet<string> = new Set(),
): { invoices: Invoice[]; allocations: Allocation[] } {
  const existing = new Map<string, Set<number>>();
  for (const inv of invoices) {
    if (!inv.saleId || inv.instalment === null) continue;
    let set = existing.get(inv.saleId);
    if (!set) existing.set(inv.saleId, (set = new Set()));
    set.add(inv.instalment);
  }
  // Allocations made for a cycle count too, so a deleted invoice row is not re-created with a second lot.
  for (const a of readAllocations(tx.table('allocations'))) {
    if (!a.saleId || a.cycle === null) continue;
    let set = existing.get(a.saleId);
    if (!set) existing.set(a.saleId, (set = new Set()));
    set.add(a.cycle);
  }
  const out = { invoices: [] as Invoice[], allocations: [] as Allocation[] };
  // Holds skip the cycles they cover and shift later ones; a cancelled sale rolls up to its end only.
  const lives = readSaleLives(tx.table('sales'));
  for (const sale of readSales(tx.table('sales'))) {
    const life = lifeOf(lives, sale);
    // An Inactive client gets no new recurring cycles (nor a debit) until set back to Active.
    if (sale.kind !== 'Recurring' || !rollsForward(sale, life) || inactive.has(sale.clientId)) continue;
    const plan = rollRecurringHeld(saleTerms(sale), life, existing.get(sale.id) ?? new Set([1]), through);
    for (const d of plan.invoices)
      out.invoices.push({
        id: tx.ids.next('invoice'),
        saleId: sale.id,
        clientId: sale.clientId,
        description: d.description,
        instalment: d.instalment,
        dueDate: d.dueDate,
        amount: d.amount,
        paid: 0,
        status: 'Open',
        batchId: '',
        created: today,
      });
    for (const a of plan.allocations)
      out.allocations.push({
        id: tx.ids.next('allocation'),
        saleId: sale.id,
        clientId: sale.clientId,
        date: a.date,
        sessions: a.sessions,
        cycle: a.cycle,
      });
  }
  return out;
}

export function planBillingRun(
  tx: LedgerTx,
  billingDate: IsoDate,
  today: IsoDate,
  show: DateText,
  preview = false,
): BillingRunPlan {
  const warning = offCycleWarning(tx, billingDate, today, show);
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
  const read = readClients(tx.table('clients'));
  soundLedgerFor(tx, { clients: read, sales: readSales(tx.table('sales')), invoices, payments });
  const released = releaseFixedClients(read);
  const clientList = read.map((c) => released.find((r) => r.id === c.id) ?? c);
  const clients = new Map<string, Client>(clientList.map((c) => [c.id, c]));
  const inactive = new Set(clientList.filter((c) => c.status.trim() === 'Inactive').map((c) => c.id));
  const previous = readBillingSheet(tx.table('processBilling'));
  const rolled = planRecurringRoll(tx, billingDate, today, invoices, inactive);
  // Credit is money: it pays what is due before anything is debited (once: spent credit is gone).
  const credit = planCreditSpend(tx, {
    date: billingDate,
    invoices: [...invoices, ...rolled.invoices],
    payments,
    preview,
  });
  const newInvoices = settled(rolled.invoices, credit);
  const all = settled([...invoices, ...newInvoices], credit);

  const lines = debitLines(all, billingDate);
  // A draft that was never sent keeps its batch ID; the edits made to it are kept per client, only for
  // the same billing date and the same invoices (anything else would carry an old decision onto new money).
  const reusedBatch = previous.status === 'Draft' && !!previous.batchId;
  const batchId = reusedBatch ? previous.batchId : tx.ids.next('batch');
  const edits = new Map<string, BillingRow>();
  if (reusedBatch) for (const r of previous.rows) edits.set(r.clientId, r);
  const dropped: string[] = [];

  const rows: BillingRow[] = [];
  const reminders: BillingRow[] = [];
  const skipped: SkippedLine[] = [];
  for (const line of lines) {
    const client = clients.get(line.clientId);
    const row: BillingRow = {
      clientId: line.clientId,
      name: client?.name ?? 'Not on the Clients tab',
      billingMethod: client?.billingMethod ?? 'Manual',
      invoiceIds: line.invoiceIds,
      amountDue: line.amountDue,
      amountToDebit: line.amountDue,
      include: true,
    };
    const block = client ? debitBlock(client) : null;
    if (block && row.billingMethod !== 'Manual') {
      skipped.push({
        clientId: row.clientId,
        name: row.name,
        billingMethod: row.billingMethod,
        invoiceIds: row.invoiceIds,
        amount: row.amountDue,
        reason: block,
      });
      continue;
    }
    const edited = edits.get(row.clientId);
    if (edited && isEdited(edited)) {
      if (
        previous.billingDate === billingDate &&
        sameList(edited.invoiceIds, row.invoiceIds) &&
        edited.amountToDebit <= row.amountDue
      ) {
        row.include = edited.include;
        row.amountToDebit = edited.amountToDebit;
      } else dropped.push(`${row.clientId} ${row.name}`);
    }
    if (row.billingMethod === 'Manual') {
      row.include = false;
      row.amountToDebit = 0;
      reminders.push(row);
    } else rows.push(row);
  }
  const held = heldLines(all, clients, billingDate);
  const byName = (a: { billingMethod: string; name: string; clientId: string }, b: typeof a) =>
    a.billingMethod.localeCompare(b.billingMethod) ||
    a.name.localeCompare(b.name) ||
    a.clientId.localeCompare(b.clientId);
  rows.sort(byName);
  reminders.sort(byName);
  skipped.sort(byName);
  const warnings = warning ? [warning] : [];
  if (dropped.length)
    warnings.push(
      `The draft's edits (Amount to Debit, Include) were dropped for ${dropped.join(', ')}: ${previous.billingDate === billingDate ? 'their invoices changed' : `the draft was for ${previous.billingDate ? show(previous.billingDate) : 'another date'}`}. Check their rows.`,
    );
  return {
    sheet: { billingDate, batchId, status: 'Draft', rows, reminders, held, skipped },
    newInvoices,
    newAllocations: rolled.allocations,
    totalDue: rows.reduce((s, r) => s + r.amountDue, 0),
    reusedBatch,
    warnings,
    credit,
    released,
  };
}

/** An owner's edit of a draft row: an untick, or an amount other than what is due. */
function isEdited(r: BillingRow): boolean {
  return !r.include || r.amountToDebit !== r.amountDue;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
}

/** Held invoices due by the billing date, one line each, grouped by client on the tab. */
function heldLines(
  invoices: readonly Invoice[],
  clients: ReadonlyMap<string, Client>,
  billingDate: IsoDate,
): HeldLine[] {
  return invoices
    .filter((i) => i.status === 'Held' && i.dueDate <= billingDate && i.amount > i.paid)
    .map((i) => {
      const c = clients.get(i.clientId);
      return {
        clientId: i.clientId,
        name: c?.name ?? 'Not on the Clients tab',
        billingMethod: c?.billingMethod ?? 'Manual',
        invoiceId: i.id,
        amount: i.amount - i.paid,
        reason: i.declineReason || 'Held',
      };
    })
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name) ||
        a.clientId.localeCompare(b.clientId) ||
        a.invoiceId.localeCompare(b.invoiceId),
    );
}

export function writeBillingRun(tx: LedgerTx, plan: BillingRunPlan): void {
  for (const i of plan.newInvoices) tx.append('invoices', invoiceCells(i));
  writeCreditSpend(tx, plan.credit);
  for (const c of plan.released) tx.update('clients', c.row!, clientCells(c));
  for (const a of plan.newAllocations) tx.append('allocations', allocationCells(a));
  tx.rewrite('processBilling', renderBillingSheet(plan.sheet));
  writeBatch((k, v) => tx.setProperty(k, v), {
    batchId: plan.sheet.batchId,
    billingDate: plan.sheet.billingDate!,
    status: 'Draft',
  });
}
