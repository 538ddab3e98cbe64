// What one report row comes to: pending, the DD company's own money, not a payment, To confirm, To check,
// or a receipt or a decline (reconcileRows). A To check row a person settled is applied as they said: a
// payment, a reversal of an earlier payment, or ignored for good.
import {
  resolutionsFor,
  rowKind,
  settledKind,
  type LedgerIndex,
  type Resolution,
  type RowKind,
} from '../../core/reconcile';
import type { ReportRow } from '../../core/reports';
import { UserError } from '../errors';
import type { Client } from '../records';
import { matchRow } from './reconcileMatch';
import { declinedRow, paidRow, type RowContext, type RowDone } from './reconcileRows';

export interface DecideContext extends RowContext {
  idx: LedgerIndex;
  clients: readonly Client[];
  /** Report rows a person confirmed: report row number -> client ID. */
  confirm: Readonly<Record<string, string>> | undefined;
}

const SETTLED_AS: Record<Resolution, string> = {
  paid: 'paid',
  reversal: 'a reversal',
  ignore: 'ignored',
};

function rowDone(
  c: DecideContext,
  row: ReportRow,
  reference: string,
  kind: RowKind,
  settled: boolean,
): RowDone {
  if (kind === 'pending')
    return {
      shown: { outcome: 'Pending: no change', note: 'Waiting on the bank; reconcile a later report' },
      record: false,
    };
  if (kind === 'fee')
    return {
      shown: { outcome: 'Ignored', note: "The DD company's own money, kept by it: not a client payment" },
      record: false,
    };
  if (kind === 'ignored')
    return settled
      ? { shown: { outcome: 'Ignored', note: 'Settled by hand: ignored, nothing applied' }, record: true }
      : { shown: { outcome: 'Ignored', note: 'Not a payment or a decline' }, record: false };
  const m = matchRow(row, c.idx, c.clients, c.confirm?.[String(row.rowNumber)]);
  if (m.toConfirm)
    return { shown: { outcome: 'To confirm', clientId: m.clientId, note: m.note }, record: false };
  const facts = { row, reference, sure: m.sure, batchId: m.batchId, unmatched: m.unmatched };
  return kind === 'paid' ? paidRow(c, facts) : declinedRow(c, facts, kind === 'reversal');
}

/** The row applied as the person settled it; still To check when even that cannot be done. */
function settle(c: DecideContext, row: ReportRow, reference: string, how: Resolution): RowDone {
  const done = rowDone(c, row, reference, settledKind(how), true);
  if (how === 'ignore') return done;
  const { note = '' } = done.shown;
  return {
    ...done,
    shown: {
      ...done.shown,
      note:
        done.shown.outcome === 'To check'
          ? `Cannot be settled as ${SETTLED_AS[how]}: ${note}`
          : `Settled by hand as ${SETTLED_AS[how]}; ${note}`,
    },
  };
}

export function decideRow(
  c: DecideContext,
  row: ReportRow,
  reference: string,
  how: Resolution | undefined,
): RowDone {
  if (how && !resolutionsFor(row).includes(how))
    throw new UserError(
      `Report row ${row.rowNumber} says money went back (a negative amount or a decline): it is never a payment; settle it as reversal or ignore.`,
      'resolve',
    );
  if (row.check) {
    if (how) return settle(c, row, reference, how);
    const m = matchRow(row, c.idx, c.clients, c.confirm?.[String(row.rowNumber)]);
    const clientId = m.toConfirm ? m.clientId : (m.sure?.clientId ?? '');
    return { shown: { outcome: 'To check', clientId, note: row.check }, record: false };
  }
  const done = rowDone(c, row, reference, rowKind(row), false);
  if (!how) return done;
  if (done.shown.outcome !== 'To check')
    throw new UserError(
      `Report row ${row.rowNumber} is ${done.shown.outcome ?? 'read'}, not To check: there is nothing to settle.`,
      'resolve',
    );
  return settle(c, row, reference, how);
}
