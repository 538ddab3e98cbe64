// Writing off in core: the reason and date go with the move, a Sent invoice is refused naming its batch,
// undo gives today's status (Held only while the client still has a held invoice), a receipt never pays a
// written-off invoice, and Outstanding and Balances leave its balance out from the write-off date.
import { describe, expect, it } from 'vitest';
import { isRefusal, planReceipt } from '../../../src/core/ledger';
import {
  isRecovered,
  recoveredReason,
  restore,
  stillHeld,
  writeOff,
  writtenOffAmount,
} from '../../../src/core/ledger/writeOff';
import { balances } from '../../../src/core/lifecycle/balances';
import { isWrittenOff, overdueByClient } from '../../../src/core/lifecycle/outstanding';
import { inv } from './fixtures';

const e = { reason: 'Moved overseas', date: '2016-10-01' };

describe('writeOff', () => {
  it('sets Written off with the reason and date, keeping the row; only the balance is given up', () => {
    const row = { ...inv({ id: 'INV-000001', status: 'Part paid', paid: 5000 }), row: 7 };
    const out = writeOff(row, e);
    expect(out).toEqual({
      ...row,
      status: 'Written off',
      writeOffReason: 'Moved overseas',
      writeOffDate: '2016-10-01',
    });
    expect(writtenOffAmount(out as typeof row)).toBe(17000);
    expect(writtenOffAmount(row)).toBe(0);
  });

  it('refuses an invoice in a Sent batch, naming the batch; and what the state machine refuses', () => {
    expect(writeOff(inv({ id: 'INV-000001', status: 'Sent', batchId: 'B-000004' }), e)).toMatchObject({
      refused: true,
      message:
        'INV-000001 is in batch B-000004, sent to the bank: write it off once that batch is processed or declined.',
    });
    for (const status of ['Paid', 'Cancelled', 'Written off'] as const)
      expect(
        isRefusal(writeOff(inv({ id: 'INV-000001', status, paid: status === 'Paid' ? 22000 : 0 }), e)),
      ).toBe(true);
  });
});

describe('undo', () => {
  const held = inv({ id: 'INV-000001', status: 'Held', declineReason: 'Refer to customer (code 6)' });
  const off = {
    ...(writeOff(inv({ id: 'INV-000002', declineReason: 'Refer to customer (code 6)' }), e) as ReturnType<
      typeof inv
    >),
  };

  it('Held while another invoice of the client is held and this one was declined', () => {
    expect(stillHeld(off, [held, off])).toBe(true);
    expect(restore(off, [held, off])).toMatchObject({
      status: 'Held',
      writeOffReason: '',
      writeOffDate: null,
    });
    // Released since (no held invoice left): due again.
    expect(restore(off, [{ ...held, status: 'Declined' }, off])).toMatchObject({ status: 'Declined' });
    // Another client's hold is not this client's.
    expect(stillHeld(off, [{ ...held, clientId: 'C-0002' }, off])).toBe(false);
  });

  it('Open or Part paid for one never declined; refused for one not written off', () => {
    const open = writeOff(inv({ id: 'INV-000003' }), e) as ReturnType<typeof inv>;
    expect(restore(open, [held, open])).toMatchObject({ status: 'Open' });
    const part = writeOff(inv({ id: 'INV-000004', status: 'Part paid', paid: 100 }), e) as ReturnType<
      typeof inv
    >;
    expect(restore(part, [part])).toMatchObject({ status: 'Part paid', paid: 100 });
    expect(isRefusal(restore(held, [held]))).toBe(true);
  });
});

describe('money for a written-off invoice', () => {
  it('a receipt skips it: the money is credit', () => {
    const off = inv({ id: 'INV-000001', status: 'Written off', dueDate: '2016-09-02' });
    const due = inv({ id: 'INV-000002', dueDate: '2016-09-16', amount: 3000 });
    expect(planReceipt([off, due], 5000, '2016-10-01')).toEqual({
      parts: [{ invoiceId: 'INV-000002', amount: 3000 }],
      credit: 2000,
      skipped: [],
    });
    expect(recoveredReason('INV-000001')).toBe('Recovered: INV-000001 was written off');
    expect(isRecovered({ invoiceId: '', reason: recoveredReason('INV-000001') })).toBe(true);
    expect(isRecovered({ invoiceId: 'INV-000002', reason: recoveredReason('INV-000001') })).toBe(false);
  });
});

describe('Outstanding and Balances', () => {
  const off = inv({
    id: 'INV-000001',
    status: 'Written off',
    dueDate: '2016-09-02',
    writeOffDate: '2016-10-01',
  });
  const due = inv({ id: 'INV-000002', dueDate: '2016-09-16', amount: 3000 });

  it('not overdue from the write-off date; overdue before it; no date means written off on any day', () => {
    expect(isWrittenOff(off, '2016-09-30')).toBe(false);
    expect(isWrittenOff(off, '2016-10-01')).toBe(true);
    expect(isWrittenOff({ status: 'Written off' }, '2000-01-01')).toBe(true);
    expect(overdueByClient([off, due], [], '2016-10-02').map((c) => [c.invoiceIds, c.owed])).toEqual([
      [['INV-000002'], 3000],
    ]);
    expect(overdueByClient([off, due], [], '2016-09-30', '2016-10-02').map((c) => c.owed)).toEqual([25000]);
  });

  it('Balances keeps it invoiced and shows its balance as written off, not owed', () => {
    const input = { sales: [], allocations: [], attendance: [], invoices: [off, due] };
    // No sale on record: both are on the client's other-charges row.
    const other = balances(input, '2016-10-02')[0]!;
    expect([other.invoiced, other.owed, other.notYetDue, other.writtenOff]).toEqual([25000, 3000, 0, 22000]);
    const before = balances(input, '2016-09-30')[0]!;
    expect([before.owed, before.writtenOff]).toEqual([25000, 0]);
  });
});
