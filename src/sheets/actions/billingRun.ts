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
import { readClients } from '../tabs/clients';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import {
  readBillingSheet,
  renderBillingSheet,
  type BillingRow,
  type BillingSheet,
} from '../tabs/processBilling';
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
    if (sale.kind !== 'Recurring' || !rollsForward(sale, life)) continue;
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
): BillingRunPlan {
  const warning = offCycleWarning(tx, billingDate, today, show);
  const invoices = readInvoices(tx.table('invoices'));
  const clients = new Map<string, Client>(readClients(tx.table('clients')).map((c) => [c.id, c]));
  const previous = readBillingSheet(tx.table('processBilling'));
  const rolled = planRecurringRoll(tx, billingDate, today, invoices);

  const lines = debitLines([...invoices, ...rolled.invoices], billingDate);
  // A draft that was never sent keeps its batch ID and the edits made to it (for the same invoices).
  const reusedBatch = previous.status === 'Draft' && !!previous.batchId;
  const batchId = reusedBatch ? previous.batchId : tx.ids.next('batch');
  const edits = new Map<string, BillingRow>();
  if (reusedBatch) for (const r of previous.rows) edits.set(r.clientId, r);

  const rows: BillingRow[] = [];
  const reminders: BillingRow[] = [];
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
    // The owner's edits to a draft survive a re-run: an untick stays, and a lowered amount stays while
    // it is still no more than what is due.
    const edited = edits.get(row.clientId);
    if (edited) {
      row.include = edited.include;
      if (edited.amountToDebit !== edited.amountDue && edited.amountToDebit <= row.amountDue)
        row.amountToDebit = edited.amountToDebit;
    }
    if (row.billingMethod === 'Manual') {
      row.include = false;
      row.amountToDebit = 0;
      reminders.push(row);
    } else rows.push(row);
  }
  const byName = (a: BillingRow, b: BillingRow) =>
    a.billingMethod.localeCompare(b.billingMethod) ||
    a.name.localeCompare(b.name) ||
    a.clientId.localeCompare(b.clientId);
  rows.sort(byName);
  reminders.sort(byName);
  return {
    sheet: { billingDate, batchId, status: 'Draft', rows, reminders },
    newInvoices: rolled.invoices,
    newAllocations: rolled.allocations,
    totalDue: rows.reduce((s, r) => s + r.amountDue, 0),
    reusedBatch,
    warnings: warning ? [warning] : [],
  };
}

export function writeBillingRun(tx: LedgerTx, plan: BillingRunPlan): void {
  for (const i of plan.newInvoices) tx.append('invoices', invoiceCells(i));
  for (const a of plan.newAllocations) tx.append('allocations', allocationCells(a));
  tx.rewrite('processBilling', renderBillingSheet(plan.sheet));
  writeBatch((k, v) => tx.setProperty(k, v), {
    batchId: plan.sheet.batchId,
    billingDate: plan.sheet.billingDate!,
    status: 'Draft',
  });
}
