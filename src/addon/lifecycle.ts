// google.script.run targets of the Cancel or pause package sidebar (also the CLI's cancel and pause).
import type { Cents } from '../core/money';
import {
  CANCEL_TABS,
  cancelSummary,
  planCancelSale,
  writeCancelSale,
  type CancelPlan,
  type CancelRequest,
} from '../sheets/actions/cancelSale';
import {
  PAUSE_TABS,
  pauseSummary,
  planPauseSale,
  writePauseSale,
  type PausePlan,
  type PauseRequest,
} from '../sheets/actions/pauseSale';
import { writeReports } from '../sheets/actions/reports';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import { readInvoices } from '../sheets/tabs/invoices';
import { formatHolds } from '../core/lifecycle/holds';
import { lifeOf, readSaleLives, withShownStatus } from '../sheets/tabs/saleLifecycle';
import { readSales } from '../sheets/tabs/sales';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface LifecycleForm {
  today: string;
  /** Sales that can still be cancelled or paused (Active or Paused), by client name. */
  sales: {
    saleId: string;
    clientId: string;
    clientName: string;
    packageName: string;
    kind: string;
    status: string;
    saleDate: string;
    startDate: string;
    frequency: string | null;
    holds: string;
    /** Invoices not yet paid, for the person to see what a change touches. */
    openInvoices: number;
    openAmount: Cents;
  }[];
}

export function getLifecycleForm(req?: Request): Result<LifecycleForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, ['clients', 'sales', 'invoices']);
    const names = new Map(readClients(tx.table('clients')).map((c) => [c.id, c.name]));
    const lives = readSaleLives(tx.table('sales'));
    const open = new Map<string, { n: number; amount: Cents }>();
    for (const i of readInvoices(tx.table('invoices'))) {
      if (!i.saleId || i.status === 'Paid' || i.status === 'Cancelled') continue;
      const o = open.get(i.saleId) ?? { n: 0, amount: 0 };
      o.n += 1;
      o.amount += i.amount - i.paid;
      open.set(i.saleId, o);
    }
    // Status as the holds give it today: a stale "Paused" is not shown after its hold.
    const sales = withShownStatus(readSales(tx.table('sales')), tx.table('sales'), ctx.today)
      .filter((s) => s.status === 'Active' || s.status === 'Paused')
      .map((s) => ({
        saleId: s.id,
        clientId: s.clientId,
        clientName: names.get(s.clientId) ?? s.clientId,
        packageName: s.packageName,
        kind: s.kind,
        status: s.status,
        saleDate: s.saleDate,
        startDate: s.startDate,
        frequency: s.frequency,
        holds: formatHolds(lifeOf(lives, s).holds),
        openInvoices: open.get(s.id)?.n ?? 0,
        openAmount: open.get(s.id)?.amount ?? 0,
      }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.saleDate.localeCompare(b.saleDate));
    return plain({ today: ctx.today, sales });
  });
}

type InvoiceLine = { id: string; instalment: number | null; dueDate: string; amount: Cents; status: string };

export interface CancelView {
  saleId: string;
  clientId: string;
  packageName: string;
  from: string;
  cancelled: InvoiceLine[];
  kept: (InvoiceLine & { outcome: string })[];
  withdrawn: { id: string; date: string; sessions: number }[];
  fee: { id: string; description: string; dueDate: string; amount: Cents } | null;
  summary: string;
}

const line = (i: {
  id: string;
  instalment: number | null;
  dueDate: string;
  amount: Cents;
  status: string;
}): InvoiceLine => ({
  id: i.id,
  instalment: i.instalment,
  dueDate: i.dueDate,
  amount: i.amount,
  status: i.status,
});

function cancelView(p: CancelPlan): CancelView {
  return plain({
    saleId: p.sale.id,
    clientId: p.sale.clientId,
    packageName: p.sale.packageName,
    from: p.from,
    cancelled: p.cancelled.map(line),
    kept: p.kept.map((k) => ({ ...line(k.invoice), outcome: k.outcome })),
    withdrawn: p.withdrawn.map((w) => ({
      id: w.allocation.id,
      date: w.allocation.date,
      sessions: w.sessions,
    })),
    fee: p.fee
      ? { id: p.fee.id, description: p.fee.description, dueDate: p.fee.dueDate, amount: p.fee.amount }
      : null,
    summary: cancelSummary(p),
  });
}

/** What Cancel would do, without writing. */
export function previewCancelSale(req: CancelRequest & Request): Result<CancelView> {
  return attempt(() => {
    const ctx = context(req);
    return cancelView(planCancelSale(new LedgerTx(ctx.port, CANCEL_TABS), req, ctx.today));
  });
}

export function cancelSale(req: CancelRequest & Request): Result<CancelView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, CANCEL_TABS);
      const plan = planCancelSale(tx, req, ctx.today);
      writeCancelSale(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      tx.commit('Cancel package', cancelSummary(plan), ctx.timestamp());
      return cancelView(plan);
    });
  });
}

export interface PauseView {
  saleId: string;
  clientId: string;
  packageName: string;
  from: string;
  to: string;
  holds: string;
  status: string;
  moves: { id: string; instalment: number | null; from: string; to: string; amount: Cents }[];
  allocationMoves: { id: string; from: string; to: string; sessions: number }[];
  /** Recurring: the first cycle not invoiced yet and its due date with the hold. */
  nextCycle: { cycle: number; dueDate: string } | null;
  summary: string;
}

function pauseView(p: PausePlan): PauseView {
  return plain({
    saleId: p.sale.id,
    clientId: p.sale.clientId,
    packageName: p.sale.packageName,
    from: p.hold.from,
    to: p.hold.to,
    holds: p.holdsText,
    status: p.status,
    moves: p.invoiceMoves.map((m) => ({
      id: m.invoice.id,
      instalment: m.invoice.instalment,
      from: m.from,
      to: m.to,
      amount: m.invoice.amount,
    })),
    allocationMoves: p.allocationMoves.map((m) => ({
      id: m.allocation.id,
      from: m.from,
      to: m.to,
      sessions: m.allocation.sessions,
    })),
    nextCycle: p.nextCycle,
    summary: pauseSummary(p),
  });
}

/** What Pause would do, without writing. */
export function previewPauseSale(req: PauseRequest & Request): Result<PauseView> {
  return attempt(() => {
    const ctx = context(req);
    return pauseView(planPauseSale(new LedgerTx(ctx.port, PAUSE_TABS), req, ctx.today));
  });
}

export function pauseSale(req: PauseRequest & Request): Result<PauseView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, PAUSE_TABS);
      const plan = planPauseSale(tx, req, ctx.today);
      writePauseSale(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      tx.commit('Pause package', pauseSummary(plan), ctx.timestamp());
      return pauseView(plan);
    });
  });
}
