import { describe, expect, it } from 'vitest';
import {
  cancelInvoice,
  declineInvoice,
  holdInvoice,
  INVOICE_STATUSES,
  payBesideDebit,
  isRefusal,
  MOVES,
  releaseInvoice,
  sendInvoice,
  settleInvoice,
  undoWriteOff,
  unsettleInvoice,
  withdrawPaid,
  writeOffInvoice,
  type Invoice,
  type InvoiceStatus,
  type Move,
} from '../../../src/core/ledger';
import { inv } from './fixtures';

// Each move applied to an invoice in every status: allowed exactly where MOVES says.
const APPLY: Record<Move, (i: Invoice) => unknown> = {
  send: (i) => sendInvoice(i, 'B-000002', 1000),
  settle: (i) => settleInvoice(i, 1000),
  payBeside: (i) => payBesideDebit(i, 1000),
  unsettle: (i) => unsettleInvoice(i, 1000),
  withdraw: (i) => withdrawPaid(i, 1000),
  decline: (i) =>
    declineInvoice(i, { reversed: 0, reason: 'Refer to customer (code 6)', counts: true, hold: false }),
  hold: (i) => holdInvoice(i, 'held'),
  release: (i) => releaseInvoice(i),
  cancel: (i) => cancelInvoice(i),
  writeOff: (i) => writeOffInvoice(i),
  undoWriteOff: (i) => undoWriteOff(i, false),
};

describe('the invoice state machine', () => {
  const cases = (Object.keys(APPLY) as Move[]).flatMap((m) => INVOICE_STATUSES.map((s) => [m, s] as const));
  it.each(cases)('%s from %s is allowed exactly where MOVES says', (move, status) => {
    // Paid 5000 of 22000, 16000 of it in flight, so every amount-based move has room.
    const r = APPLY[move](
      inv({
        id: 'INV-000001',
        status: status as InvoiceStatus,
        paid: 5000,
        batchId: 'B-000001',
        sentAmount: 16000,
      }),
    );
    expect(isRefusal(r)).toBe(!MOVES[move].has(status));
  });

  it('settles into Paid or Part paid by the cents received, and never pays more than the amount', () => {
    const sent = inv({ id: 'INV-000001', status: 'Sent', batchId: 'B-000001', sentAmount: 22000 });
    expect(settleInvoice(sent, 22000)).toMatchObject({ status: 'Paid', paid: 22000 });
    expect(settleInvoice(sent, 100)).toMatchObject({ status: 'Part paid', paid: 100 });
    expect(settleInvoice(sent, 22001)).toMatchObject({ refused: true, code: 'overpaid' });
  });

  it('a decline takes back what the debit paid, counts toward the limit, and holds when told', () => {
    const paid = inv({ id: 'INV-000001', status: 'Paid', paid: 22000, batchId: 'B-000001' });
    const d = declineInvoice(paid, {
      reversed: 22000,
      reason: 'Refer to customer (code 6)',
      counts: true,
      hold: false,
    }) as Invoice;
    expect(d).toMatchObject({
      status: 'Declined',
      paid: 0,
      declineCount: 1,
      declineReason: 'Refer to customer (code 6)',
    });
    const h = declineInvoice(d, { reversed: 0, reason: 'x', counts: true, hold: true }) as Invoice;
    expect(h).toMatchObject({ status: 'Held', declineCount: 2 });
    expect(releaseInvoice(h)).toMatchObject({ status: 'Declined', declineCount: 0 });
  });

  it('money received on a held invoice leaves it held until it is paid', () => {
    const held = inv({ id: 'INV-000001', status: 'Held' });
    expect(settleInvoice(held, 100)).toMatchObject({ status: 'Held', paid: 100 });
    expect(settleInvoice(held, 22000)).toMatchObject({ status: 'Paid' });
  });

  it('a write-off of a paid invoice is refused, and undo restores what the facts say', () => {
    expect(writeOffInvoice(inv({ id: 'INV-000001', status: 'Paid', paid: 22000 }))).toMatchObject({
      refused: true,
    });
    const w = writeOffInvoice(inv({ id: 'INV-000001', status: 'Part paid', paid: 100 })) as Invoice;
    expect(w.status).toBe('Written off');
    expect(undoWriteOff(w, false)).toMatchObject({ status: 'Part paid' });
    expect(undoWriteOff(w, true)).toMatchObject({ status: 'Held' });
  });

  it('a desk payment on a Sent invoice pays only the part its debit does not take, and it stays Sent', () => {
    const sent = inv({ id: 'INV-000001', status: 'Sent', batchId: 'B-000002', sentAmount: 15000 });
    expect(payBesideDebit(sent, 7000)).toMatchObject({ status: 'Sent', paid: 7000, sentAmount: 15000 });
    expect(payBesideDebit(sent, 7001)).toMatchObject({
      refused: true,
      code: 'overpaid',
      message:
        'INV-000001 is in batch B-000002 for $150.00: at most $70.00 of it may be paid beside the debit.',
    });
    // The debit then settles what it took: Paid in full.
    expect(settleInvoice(payBesideDebit(sent, 7000) as Invoice, 15000)).toMatchObject({ status: 'Paid' });
  });

  it('a withdrawn refund lowers Amount and Paid together, and cancels the invoice when all of it goes', () => {
    const paid = inv({ id: 'INV-000001', status: 'Paid', paid: 22000 });
    expect(withdrawPaid(paid, 2000)).toMatchObject({ status: 'Paid', amount: 20000, paid: 20000 });
    expect(withdrawPaid(paid, 22000)).toMatchObject({ status: 'Cancelled', amount: 22000, paid: 0 });
    const part = inv({ id: 'INV-000001', status: 'Part paid', paid: 5000 });
    expect(withdrawPaid(part, 5000)).toMatchObject({ status: 'Open', amount: 17000, paid: 0 });
    expect(withdrawPaid(part, 5001)).toMatchObject({ refused: true, code: 'bad-amount' });
    const off = inv({ id: 'INV-000001', status: 'Written off', paid: 5000 });
    expect(withdrawPaid(off, 1000)).toMatchObject({ status: 'Written off', amount: 21000, paid: 4000 });
  });

  it('a debit cannot take more than the balance', () => {
    expect(sendInvoice(inv({ id: 'INV-000001', paid: 21000 }), 'B-1', 1001)).toMatchObject({
      refused: true,
      code: 'bad-amount',
    });
    expect(sendInvoice(inv({ id: 'INV-000001', paid: 21000 }), 'B-1', 1000)).toMatchObject({
      status: 'Sent',
      sentAmount: 1000,
    });
  });
});
