// google.script.run targets of the Write off sidebar (also the CLI's write-off): what may be written off
// or undone, the write-off itself, and its undo.
import type { Cents } from '../core/money';
import { LedgerTx } from '../sheets/ledgerTx';
import {
  planUndoWriteOff,
  planWriteOff,
  readWriteOffLedger,
  WRITE_OFF_TABS,
  writeOffChoices,
  writeOffSummary,
  writeWriteOff,
  type UndoWriteOffRequest,
  type WriteOffClient,
  type WriteOffPlan,
  type WriteOffRequest,
} from '../sheets/actions/writeOff';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface WriteOffForm {
  today: string;
  clients: WriteOffClient[];
}

export interface WriteOffView {
  invoiceId: string;
  clientId: string;
  name: string;
  description: string;
  dueDate: string;
  amount: Cents;
  paid: Cents;
  status: string;
  /** The status before. */
  was: string;
  /** Written off, or (after an undo) owed again. */
  balance: Cents;
  reason: string;
  date: string | null;
  /** The client's unspent credit. */
  credit: Cents;
  summary: string;
}

function view(p: WriteOffPlan): WriteOffView {
  const i = p.invoice;
  return plain({
    invoiceId: i.id,
    clientId: i.clientId,
    name: p.name,
    description: i.description,
    dueDate: i.dueDate,
    amount: i.amount,
    paid: i.paid,
    status: i.status,
    was: p.was,
    balance: p.balance,
    reason: i.writeOffReason ?? '',
    date: i.writeOffDate ?? null,
    credit: p.credit,
    summary: writeOffSummary(p),
  });
}

/** Clients with invoices to write off or write-offs to undo. Reads only. */
export function getWriteOffForm(req?: Request): Result<WriteOffForm> {
  return attempt(() => {
    const ctx = context(req);
    const ledger = readWriteOffLedger(new LedgerTx(ctx.port, WRITE_OFF_TABS), ctx.today);
    return plain({ today: ctx.today, clients: writeOffChoices(ledger) });
  });
}

export function writeOffInvoice(req: WriteOffRequest & Request): Result<WriteOffView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, WRITE_OFF_TABS);
      const plan = planWriteOff(tx, req, ctx.today);
      writeWriteOff(tx, plan, ctx.timestamp());
      tx.commit('Write off', writeOffSummary(plan), ctx.timestamp());
      return view(plan);
    });
  });
}

export function undoWriteOff(req: UndoWriteOffRequest & Request): Result<WriteOffView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, WRITE_OFF_TABS);
      const plan = planUndoWriteOff(tx, req, ctx.today);
      writeWriteOff(tx, plan, ctx.timestamp());
      tx.commit('Undo write-off', writeOffSummary(plan), ctx.timestamp());
      return view(plan);
    });
  });
}
