// Pause package (a holiday hold) for an instalment or recurring sale, from one date to another: invoices
// falling due in the hold move to the first billing days after it, and every later one moves along with
// them (the schedule shifts; the number and total of instalments are unchanged). Recurring cycles made
// ahead move with their sessions; cycles not made yet follow the hold when billing or the upkeep rolls them.
// A pause never rewrites the past: only invoices still unpaid (Open or Part paid) and due on or after today
// move, never to a date before today; paid, declined and past-due invoices keep their dates (a past-due
// debit stays overdue), and a hold that ends before today is refused.
import { compareDates, formatDisplayDate, type IsoDate } from '../../core/calendar';
import { formatHolds, holdProblem, isInHold, type Hold } from '../../core/lifecycle/holds';
import { heldDueDate, holdIsPast, movesForHold, type HeldSchedule } from '../../core/lifecycle/schedule';
import { encode } from '../cells';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Invoice, Sale } from '../records';
import type { SaleStatus } from '../schema';
import { holdsCells, lifeOf, readSaleLives, requireColumn, statusForHolds } from '../tabs/saleLifecycle';
import { findSale } from './cancelSale';
import { dateField } from './fields';
import { merged, planReports, readLedger, REPORT_TABS, type Reports } from './reports';

export const PAUSE_TABS = REPORT_TABS;

export interface PauseRequest {
  saleId: string;
  /** First day of the hold. */
  from: string;
  /** Last day of the hold (included). */
  to: string;
}

export interface PausePlan {
  sale: Sale;
  hold: Hold;
  /** Every hold of the sale, this one included, as the Holds cell shows them. */
  holdsText: string;
  status: SaleStatus;
  invoiceMoves: { invoice: Invoice; from: IsoDate; to: IsoDate }[];
  allocationMoves: { allocation: Allocation; from: IsoDate; to: IsoDate }[];
  /** Recurring: the first cycle not made yet, and when it falls due with the hold (null when none is left). */
  nextCycle: { cycle: number; dueDate: IsoDate } | null;
  reports: Reports;
}

export { statusForHolds } from '../tabs/saleLifecycle';

export function planPauseSale(tx: LedgerTx, req: PauseRequest, today: IsoDate): PausePlan {
  const ledger = readLedger(tx, today);
  const salesTable = tx.table('sales');
  const sale = findSale(ledger, req.saleId);
  if (sale.kind === 'Paid in full')
    throw new UserError(
      `${sale.id} is paid in full: it has no schedule to pause. Only instalment and recurring packages pause.`,
      'saleId',
    );
  if (sale.status === 'Cancelled' || sale.status === 'Completed')
    throw new UserError(`${sale.id} is ${sale.status}: only an active package can be paused.`, 'saleId');
  if (!sale.frequency)
    throw new UserError(`Sales row ${sale.row}, column Frequency: is empty; a ${sale.kind} sale needs one.`);
  requireColumn(salesTable, 'Holds');
  const hold: Hold = {
    from: dateField(req.from, 'from', 'Pause from'),
    to: dateField(req.to, 'to', 'Pause until'),
  };
  const problem = holdProblem(hold);
  if (problem) throw new UserError(`Pause: ${problem}.`, 'to');
  if (holdIsPast(hold, today))
    throw new UserError(
      `Pause until: the hold ends (${hold.to}) before today (${today}); a pause cannot move debits in the past.`,
      'to',
    );
  const life = lifeOf(readSaleLives(salesTable), sale);
  if (life.holds.some((h) => h.from === hold.from && h.to === hold.to))
    throw new UserError(`${sale.id} is paused from ${hold.from} to ${hold.to} already.`, 'from');

  const schedule: HeldSchedule = { anchor: sale.startDate, frequency: sale.frequency, holds: life.holds };
  const invoices = ledger.invoices.filter(
    (i) => i.saleId === sale.id && i.instalment !== null && i.status !== 'Cancelled',
  );
  const onOrAfterToday = (d: IsoDate) => compareDates(d, today) >= 0;
  /** Still unpaid and not due yet (or due today): the only invoices a pause moves. */
  const movable = (i: Invoice) =>
    (i.status === 'Open' || i.status === 'Part paid') && onOrAfterToday(i.dueDate);
  const sent = movesForHold(invoices, schedule, hold).find(
    (m) => m.item.status === 'Sent' && onOrAfterToday(m.from),
  );
  if (sent)
    throw new UserError(
      `${sent.item.id} (due ${formatDisplayDate(sent.from)}) is in debit batch ${sent.item.batchId || '(none)'}, which is being processed. Mark the batch processed or declined first.`,
      'from',
    );
  // An instalment plan keeps the slot of an invoice that stays put inside a hold, so the later ones shift
  // only by the debits the hold really skips. (A recurring sale keeps the plain held grid, which is what
  // billing and the upkeep roll the cycles not made yet on.)
  const allHolds = [...life.holds, hold];
  if (sale.kind === 'Instalments')
    schedule.kept = invoices
      .filter((i) => !movable(i) && allHolds.some((h) => isInHold(i.dueDate, h)))
      .map((i) => i.dueDate);
  const planned = movesForHold(invoices, schedule, hold).filter((m) => onOrAfterToday(m.to));
  const invoiceMoves = planned
    .filter((m) => movable(m.item))
    .map((m) => ({ invoice: m.item, from: m.from, to: m.to }));
  // Recurring lots made ahead move with their cycle; the first lot (given at the sale) stays, and so does
  // a lot dated before today or whose cycle's invoice keeps its date (paid, declined, being debited).
  const keptCycles = new Set(invoices.filter((i) => !movable(i)).map((i) => i.instalment));
  const lots = ledger.allocations
    .filter((a) => a.saleId === sale.id && a.cycle !== null && a.cycle >= 2)
    .map((a) => ({ allocation: a, instalment: a.cycle, dueDate: a.date }));
  const allocationMoves =
    sale.kind === 'Recurring'
      ? movesForHold(lots, schedule, hold)
          .filter((m) => onOrAfterToday(m.from) && onOrAfterToday(m.to) && !keptCycles.has(m.item.instalment))
          .map((m) => ({
            allocation: m.item.allocation,
            from: m.from,
            to: m.to,
          }))
      : [];

  const holds = allHolds;
  const status = statusForHolds(holds, today);
  let nextCycle: PausePlan['nextCycle'] = null;
  if (sale.kind === 'Recurring') {
    const made = [...invoices.map((i) => i.instalment ?? 0), ...lots.map((l) => l.instalment ?? 0)];
    const cycle = Math.max(1, ...made) + 1;
    if (sale.instalments === null || cycle <= sale.instalments)
      nextCycle = { cycle, dueDate: heldDueDate({ ...schedule, holds }, cycle) };
  }
  const updated: Sale = { ...sale, status };
  const after = {
    ...ledger,
    sales: merged(ledger.sales, [updated]),
    invoices: merged(
      ledger.invoices,
      invoiceMoves.map((m) => ({ ...m.invoice, dueDate: m.to })),
    ),
    allocations: merged(
      ledger.allocations,
      allocationMoves.map((m) => ({ ...m.allocation, date: m.to })),
    ),
  };
  return {
    sale: updated,
    hold,
    holdsText: formatHolds(holds),
    status,
    invoiceMoves,
    allocationMoves,
    nextCycle,
    reports: planReports(after, today),
  };
}

export function writePauseSale(tx: LedgerTx, plan: PausePlan): void {
  tx.update('sales', plan.sale.row!, { ...holdsCells(plan.holdsText), Status: encode.text(plan.status) });
  for (const m of plan.invoiceMoves) tx.update('invoices', m.invoice.row!, { 'Due Date': encode.date(m.to) });
  for (const m of plan.allocationMoves)
    tx.update('allocations', m.allocation.row!, { Date: encode.date(m.to) });
}

export function pauseSummary(plan: PausePlan): string {
  const moved = plan.invoiceMoves.map((m) => `${m.invoice.id} ${m.from} -> ${m.to}`).join(', ');
  return [
    `${plan.sale.id} ${plan.sale.packageName} for ${plan.sale.clientId} paused ${plan.hold.from} to ${plan.hold.to} (${plan.status})`,
    `${plan.invoiceMoves.length} invoice(s) moved${moved ? `: ${moved}` : ''}`,
    plan.allocationMoves.length ? `${plan.allocationMoves.length} allocation(s) moved` : '',
    plan.nextCycle ? `next cycle ${plan.nextCycle.cycle} due ${plan.nextCycle.dueDate}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
