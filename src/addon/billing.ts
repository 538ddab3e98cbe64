// google.script.run targets of the Process Billing sidebar (also the CLI's bill, export, mark-paid).
import { nextBillingDay } from '../core/billingCycle';
import { addDays, compareDates } from '../core/calendar';
import type { Cents } from '../core/money';
import { formatMoney } from '../core/money';
import {
  BILLING_RUN_TABS,
  offCycleWarning,
  planBillingRun,
  writeBillingRun,
} from '../sheets/actions/billingRun';
import { planBillingRowEdit, writeBillingRowEdit, type BillingRowEdit } from '../sheets/actions/billingRow';
import {
  DECLINE_REASONS,
  DECLINE_TABS,
  declineSummary,
  planDeclines,
  writeDeclines,
  type DeclinePlan,
  type DeclineRequest,
} from '../sheets/actions/declines';
import {
  EXPORT_TABS,
  planExport,
  writeExport,
  type DebitFile,
  type DebitFormat,
} from '../sheets/actions/exportDebits';
import { dateField, dateTextFor } from '../sheets/actions/fields';
import {
  planMarkListPaid,
  planMarkProcessed,
  SETTLE_TABS,
  writeSettlement,
  type Settlement,
} from '../sheets/actions/settleBatch';
import { readBatch } from '../sheets/batches';
import { UserError } from '../sheets/errors';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import { readInvoices } from '../sheets/tabs/invoices';
import {
  readBillingSheet,
  type BillingRow,
  type BillingSheet,
  type HeldLine,
  type SkippedLine,
} from '../sheets/tabs/processBilling';
import { billingCycle, readSettings } from '../sheets/tabs/settings';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface BillingView {
  billingDate: string | null;
  batchId: string;
  status: string | null;
  rows: BillingRow[];
  reminders: BillingRow[];
  held: HeldLine[];
  skipped: SkippedLine[];
  totalDue: Cents;
  totalToDebit: Cents;
}

export interface BillingForm {
  today: string;
  nextBillingDay: string;
  current: BillingView;
  /** Batches with invoices in them, newest first: for marking processed and declines. */
  batches: {
    batchId: string;
    billingDate: string | null;
    status: string;
    clients: { clientId: string; name: string }[];
  }[];
  declineReasons: string[];
}

function view(sheet: BillingSheet): BillingView {
  return plain({
    billingDate: sheet.billingDate,
    batchId: sheet.batchId,
    status: sheet.status,
    rows: sheet.rows,
    reminders: sheet.reminders,
    held: sheet.held ?? [],
    skipped: sheet.skipped ?? [],
    totalDue: sheet.rows.reduce((s, r) => s + r.amountDue, 0),
    totalToDebit: sheet.rows.filter((r) => r.include).reduce((s, r) => s + r.amountToDebit, 0),
  });
}

export function getBillingForm(req?: Request): Result<BillingForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, ['settings', 'clients', 'invoices', 'processBilling']);
    const settings = readSettings(tx.table('settings'), ctx.today, ctx.port.timeZone());
    const names = new Map(readClients(tx.table('clients')).map((c) => [c.id, c.name]));
    const byBatch = new Map<string, Set<string>>();
    for (const inv of readInvoices(tx.table('invoices'))) {
      if (!inv.batchId) continue;
      let set = byBatch.get(inv.batchId);
      if (!set) byBatch.set(inv.batchId, (set = new Set()));
      set.add(inv.clientId);
    }
    const batches = [...byBatch]
      .sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .slice(0, 12)
      .map(([batchId, ids]) => {
        const rec = readBatch((k) => ctx.port.getProperty(k), batchId);
        return {
          batchId,
          billingDate: rec?.billingDate ?? null,
          status: rec?.status ?? 'Sent',
          clients: [...ids].map((clientId) => ({ clientId, name: names.get(clientId) ?? clientId })),
        };
      });
    return plain({
      today: ctx.today,
      nextBillingDay: nextBillingDay(billingCycle(settings), ctx.today),
      current: view(readBillingSheet(tx.table('processBilling'))),
      batches,
      declineReasons: DECLINE_REASONS,
    });
  });
}

export interface BillingRunSummary extends BillingView {
  invoicesCreated: number;
  allocationsCreated: number;
  reusedBatch: boolean;
  /** Not refusals: e.g. the billing date is not a billing day of the studio's cycle. */
  warnings: string[];
}

/** `dates: 'iso'` (the command line) shows the warnings' dates as YYYY-MM-DD. */
export interface BillingRunRequest extends Request {
  billingDate: string;
  dates?: 'iso' | 'display';
}

function runSummary(plan: ReturnType<typeof planBillingRun>): BillingRunSummary {
  return plain({
    ...view(plan.sheet),
    invoicesCreated: plan.newInvoices.length,
    allocationsCreated: plan.newAllocations.length,
    reusedBatch: plan.reusedBatch,
    warnings: plan.warnings,
  });
}

/** What Run would do for the billing date, without writing. */
export function previewBillingRun(req: BillingRunRequest): Result<BillingRunSummary> {
  return attempt(() => {
    const ctx = context(req);
    const billingDate = dateField(req.billingDate, 'billingDate', 'Billing date');
    plausibleBillingDate(billingDate, ctx.today);
    const tx = new LedgerTx(ctx.port, BILLING_RUN_TABS);
    return runSummary(planBillingRun(tx, billingDate, ctx.today, dateTextFor(req.dates), true));
  });
}

/** A typo in the year would create a year of recurring invoices that cannot be taken back. */
function plausibleBillingDate(billingDate: string, today: string): void {
  const limit = addDays(today, BILLING_AHEAD_DAYS);
  if (compareDates(billingDate, limit) > 0)
    throw new UserError(
      `Billing date ${billingDate} is more than ${BILLING_AHEAD_DAYS} days after today (${today}): check the year, or run it closer to the day.`,
      'billingDate',
    );
}
const BILLING_AHEAD_DAYS = 35;

export function runBilling(req: BillingRunRequest): Result<BillingRunSummary> {
  return attempt(() => {
    const ctx = context(req);
    const billingDate = dateField(req.billingDate, 'billingDate', 'Billing date');
    plausibleBillingDate(billingDate, ctx.today);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, BILLING_RUN_TABS);
      const plan = planBillingRun(tx, billingDate, ctx.today, dateTextFor(req.dates));
      writeBillingRun(tx, plan);
      // The Log reads dates as YYYY-MM-DD whoever ran it.
      const warned = offCycleWarning(tx, billingDate, ctx.today, dateTextFor('iso'));
      tx.commit(
        'Process Billing',
        `${plan.sheet.batchId} for ${billingDate}: ${plan.sheet.rows.length} client(s) to debit, ${formatMoney(plan.totalDue)} due; ${plan.sheet.reminders.length} manual reminder(s); ${plan.newInvoices.length} recurring invoice(s) and ${plan.newAllocations.length} allocation(s) created${warned ? `; warned: ${warned}` : ''}`,
        ctx.timestamp(),
      );
      return runSummary(plan);
    });
  });
}

export function setBillingRow(req: BillingRowEdit & Request): Result<BillingView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, ['processBilling']);
      const sheet = planBillingRowEdit(tx, req);
      writeBillingRowEdit(tx, sheet);
      const row = sheet.rows.find((r) => r.clientId === req.clientId)!;
      tx.commit(
        'Edit billing list',
        `${sheet.batchId} ${row.clientId}: ${row.include ? `debit ${formatMoney(row.amountToDebit)}` : 'not included'}`,
        ctx.timestamp(),
      );
      return view(sheet);
    });
  });
}

export function createDebitFile(req: { format?: string } & Request): Result<DebitFile> {
  return attempt(() => {
    const ctx = context(req);
    const format = (req.format ?? 'aba').toLowerCase();
    if (format !== 'aba' && format !== 'csv')
      throw new UserError(`Format "${req.format}" is not aba or csv.`, 'format');
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, EXPORT_TABS);
      const plan = planExport(tx, format as DebitFormat, ctx.today);
      writeExport(tx, plan);
      const f = plan.file;
      // The Log names the clients left out of the file (with why) and what the studio was warned about.
      const left = f.skipped.length
        ? `; left out: ${f.skipped.map((k) => `${k.clientId} ${k.name} (${k.reason})`).join(', ')}`
        : '';
      const warned = f.warnings.length ? `; warned: ${f.warnings.join(' ')}` : '';
      tx.commit(
        f.again ? 'Debit file again' : 'Create debit file',
        `${f.batchId} ${f.format.toUpperCase()} ${f.fileName}: ${f.debits} debit(s), ${formatMoney(f.total)}; ${f.sent.length} invoice(s) Sent${left}${warned}`,
        ctx.timestamp(),
      );
      return plain(f);
    });
  });
}

function settle(
  req: Request | undefined,
  plan: (tx: LedgerTx) => Settlement,
  status: 'Processed' | 'Marked paid',
  action: string,
): Result<Settlement> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, SETTLE_TABS);
      const s = plan(tx);
      writeSettlement(tx, s, status);
      tx.commit(
        action,
        `${s.batchId}: ${s.payments.length} payment(s) from ${s.clients} client(s), ${formatMoney(s.total)}, dated ${s.date}`,
        ctx.timestamp(),
      );
      return plain(s);
    });
  });
}

export function markBatchProcessed(req?: { batchId?: string } & Request): Result<Settlement> {
  return settle(req, (tx) => planMarkProcessed(tx, req?.batchId), 'Processed', 'Mark batch processed');
}

export function markListPaid(req?: Request): Result<Settlement> {
  return settle(req, (tx) => planMarkListPaid(tx), 'Marked paid', 'Mark list paid');
}

export function processDeclines(req: DeclineRequest & Request): Result<DeclinePlan> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, DECLINE_TABS);
      const run = planDeclines(tx, req, ctx.today);
      writeDeclines(tx, run);
      tx.commit(
        'Process declines',
        `${run.plan.batchId} on ${run.plan.date}: ${declineSummary(run.plan)}`,
        ctx.timestamp(),
      );
      return plain(run.plan);
    });
  });
}
