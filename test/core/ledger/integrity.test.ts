import { describe, expect, it } from 'vitest';
import { checkLedger, checkLedgerIndexed, problemLine, type Client } from '../../../src/core/ledger';
import { inv, pay } from './fixtures';

const client = (id: string, row: number, ref: string): Client & { row: number } => ({
  row,
  id,
  name: id,
  email: '',
  phone: '',
  billingMethod: 'DD Full Integration',
  ddReference: ref,
  bsb: '062-000',
  accountNumber: '12345678',
  accountName: '',
  status: 'Active',
});

describe('checkLedger', () => {
  it('names both rows of a repeated ID', () => {
    const p = checkLedger({
      invoices: [
        { ...inv({ id: 'INV-000001' }), row: 2 },
        { ...inv({ id: 'INV-000001' }), row: 9 },
      ],
    });
    expect(problemLine(p)).toBe(
      'Invoices row 9, column Invoice ID: INV-000001 is also on row 2: an ID may appear once (a pasted copy?)',
    );
  });

  it('a DD Reference shared by two clients, and an invoice whose client is not its sale client', () => {
    const p = checkLedger({
      clients: [client('C-0001', 2, 'HPT-A'), client('C-0002', 3, 'hpt-a')],
      sales: [{ row: 2, id: 'S-000001', clientId: 'C-0001' } as never],
      invoices: [{ ...inv({ id: 'INV-000001', clientId: 'C-0002' }), row: 5 }],
      payments: [
        { ...pay({ id: 'P-000001' }), row: 2 },
        { ...pay({ id: 'P-000001' }), row: 3 },
      ],
    });
    expect(p.map((x) => `${x.tab}:${x.row}:${x.column}`)).toEqual([
      'Clients:3:DD Reference',
      'Invoices:5:Client ID',
      'Payments:3:Payment ID',
      // Both rows pay INV-000001, which is C-0002's, but say C-0001.
      'Payments:2:Client ID',
      'Payments:3:Client ID',
    ]);
    expect(problemLine(p)).toMatch(/and 4 more problems/);
  });

  it('a payment whose Client ID is not its invoice client, or not its receipt client (a column sorted alone)', () => {
    const p = checkLedger({
      invoices: [{ ...inv({ id: 'INV-000001', clientId: 'C-0001' }), row: 2 }],
      payments: [
        { ...pay({ id: 'P-000001', clientId: 'C-0004' }), row: 2 },
        { ...pay({ id: 'P-000002', clientId: 'C-0001', invoiceId: '', receiptId: 'R-000001' }), row: 3 },
        { ...pay({ id: 'P-000003', clientId: 'C-0004', invoiceId: '', receiptId: 'R-000001' }), row: 4 },
      ],
    });
    expect(p.map((x) => x.message)).toEqual([
      "P-000001 pays INV-000001, which is C-0001's, but says C-0004 (was a column sorted on its own?)",
      "P-000003 is part of receipt R-000001, which is C-0001's (row 3), but says C-0004",
    ]);
  });
});

describe('repeated IDs among many', () => {
  const invoiceAt = (id: string, row: number) => ({ id, row }) as never;
  it('finds a repeat among 100,000 IDs, and tells apart spellings of the same number', () => {
    const invoices = Array.from({ length: 100_000 }, (_, i) =>
      invoiceAt(`INV-${String(i + 1).padStart(6, '0')}`, i + 2),
    );
    invoices.push(
      invoiceAt('INV-000077', 100_002),
      invoiceAt('INV-77', 100_003),
      invoiceAt('INV-0077', 100_004),
    );
    invoices.push(
      invoiceAt('INV-99999999', 100_005),
      invoiceAt('INV-99999999', 100_006),
      invoiceAt('inv-000077', 100_007),
    );
    const problems = checkLedger({ invoices }).map((p) => [p.row, p.message]);
    expect(problems).toEqual([
      [100_002, 'INV-000077 is also on row 78: an ID may appear once (a pasted copy?)'],
      [100_006, 'INV-99999999 is also on row 100005: an ID may appear once (a pasted copy?)'],
    ]);
  });
});

describe('checkLedgerIndexed', () => {
  it('gives each tab by ID (any spelling) when nothing is wrong, so a plan need not index it again', () => {
    const invoices = [
      { ...inv({ id: 'INV-000001', clientId: 'C-0001' }), row: 2 },
      { ...inv({ id: 'INV-12', clientId: 'C-0002' }), row: 3 },
      { ...inv({ id: 'inv-000001', clientId: 'C-0003' }), row: 4 },
    ];
    const payments = [{ ...pay({ id: 'P-000001', invoiceId: 'INV-12', clientId: 'C-0002' }), row: 2 }];
    const { problems, byId } = checkLedgerIndexed({ invoices, payments });
    expect(problems).toEqual([]);
    expect(byId.invoices?.get('INV-000001')).toBe(invoices[0]);
    expect(byId.invoices?.get('INV-12')).toBe(invoices[1]);
    expect(byId.invoices?.get('inv-000001')).toBe(invoices[2]);
    expect(byId.invoices?.get('INV-000012')).toBeUndefined();
    expect(byId.payments?.get('P-000001')).toBe(payments[0]);
  });

  it('gives the first invoice of each Batch ID and of each Receipt ID, found in the same passes', () => {
    const invoices = ['B-000002', '', 'B-000001', 'B-000002', 'B-000002', 'B-000001'].map((batchId, k) => ({
      ...inv({ id: `INV-00000${k + 1}`, batchId }),
      row: k + 2,
    }));
    const payments = ['R-000001', '', 'R-000001', 'R-000002'].map((receiptId, k) => ({
      ...pay({ id: `P-00000${k + 1}`, invoiceId: '', receiptId }),
      row: k + 2,
    }));
    expect(checkLedgerIndexed({ invoices, payments }).byId.batches).toBeUndefined();
    const { byId } = checkLedgerIndexed({ invoices, payments }, { batches: true });
    expect([...byId.batches!].map(([b, i]) => [b, i.row])).toEqual([
      ['B-000002', 2],
      ['B-000001', 4],
    ]);
    expect(byId.receipts?.get('R-000001')).toBe(payments[0]);
    expect(byId.receipts?.get('R-000002')).toBe(payments[3]);
  });

  it('gives no index once a problem is found, and counts the problems checkLedger counts', () => {
    // INV-000001 twice: the last row's client is the payment's, so only the repeat is a problem (the
    // payment check goes by the last invoice of an ID, not the first the repeat check keeps).
    const recs = {
      invoices: [
        { ...inv({ id: 'INV-000001', clientId: 'C-0001' }), row: 2 },
        { ...inv({ id: 'INV-000001', clientId: 'C-0002' }), row: 9 },
      ],
      payments: [{ ...pay({ id: 'P-000001', invoiceId: 'INV-000001', clientId: 'C-0002' }), row: 2 }],
    };
    const { problems, byId } = checkLedgerIndexed(recs);
    expect(byId).toEqual({});
    expect(problems).toEqual(checkLedger(recs));
    expect(problemLine(problems)).toBe(
      'Invoices row 9, column Invoice ID: INV-000001 is also on row 2: an ID may appear once (a pasted copy?)',
    );
    // Without the repeat, the payment is checked against the one invoice of that ID.
    const once = checkLedgerIndexed({ ...recs, invoices: [recs.invoices[0]!] });
    expect(problemLine(once.problems)).toBe(
      "Payments row 2, column Client ID: P-000001 pays INV-000001, which is C-0001's, but says C-0002 (was a column sorted on its own?)",
    );
  });
});
