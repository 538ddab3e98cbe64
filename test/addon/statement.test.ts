// A client's statement through the real bundle: Sam (Manual) pays part of his pack at the desk and has a
// charge written off; Jane's instalment is in a sent debit. The statement's balance and parts (overdue
// equal to Outstanding's amount), the Statement tab rewritten per client with its Log row, the printable
// dialog with the workbook's text escaped, and refusals that write nothing.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { ok, setBankSettings, setUpStudio, typeRows, type Result } from './studio';

interface View {
  client: { id: string; name: string };
  business: string;
  text: string;
  written: boolean;
  statement: {
    asOf: string;
    balance: number;
    opening: number | null;
    closing: number;
    creditNetted: number;
    writtenOff: number;
    parts: { key: string; label: string; amount: number }[];
    lines: {
      date: string;
      kind: string;
      ref: string;
      description: string;
      amount: number;
      balance: number;
    }[];
    packages: { saleId: string; packageName: string; allocated: number; used: number; left: number }[];
  };
}
interface Outstanding {
  clients: { clientId: string; owed: number }[];
}

const TOWEL = 'Towel <script>alert(1)</script>';
const REASON = 'Goodwill & <i>thanks</i>';

/** Jane (C-0001, DD) on 5 x $220 from 16 Sep, sent in B-000001; Sam (C-0002, Manual) on the $500 pack. */
function studio(): Addin {
  const addin = loadAddin();
  setUpStudio(addin, '2016-09-09');
  setBankSettings(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-09' })); // INV-000001..5
  ok(
    addin.run('sellPackage', {
      clientId: 'C-0002',
      packageCode: 'PT10',
      dueDate: '2016-09-13',
      today: '2016-09-09',
    }),
  ); // INV-000006
  ok(
    addin.run('addAdHocInvoice', {
      clientId: 'C-0002',
      description: TOWEL,
      amount: '20',
      dueDate: '2016-09-15',
      today: '2016-09-10',
    }),
  ); // INV-000007
  ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
  ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
  ok(
    addin.run('recordPayment', {
      clientId: 'C-0002',
      amount: '200',
      invoiceId: 'INV-000006',
      date: '2016-09-20',
      today: '2016-09-20',
    }),
  );
  ok(
    addin.run('writeOffInvoice', {
      invoiceId: 'INV-000007',
      reason: REASON,
      date: '2016-09-22',
      today: '2016-09-22',
    }),
  );
  return addin;
}

const part = (v: View, key: string) => v.statement.parts.find((p) => p.key === key)!.amount;
const total = (v: View) => v.statement.parts.reduce((s, p) => s + p.amount, 0);

describe('Statement', () => {
  it('gives every line with its running balance, and parts that add up to it with overdue as Outstanding has it', () => {
    const addin = studio();
    const tabs = ['Invoices', 'Payments', 'Log', 'Statement'].map((t) => addin.tab(t));
    const sam = ok<View>(addin.run('getStatement', { clientId: 'C-0002', today: '2016-09-30' }));
    expect(sam.client).toMatchObject({ id: 'C-0002', name: 'Sam Lee' });
    expect(sam.business).toBe('Harbour PT');
    expect(sam.statement.lines.map((l) => [l.date, l.kind, l.ref, l.amount, l.balance])).toEqual([
      ['2016-09-09', 'Invoice', 'INV-000006', 50000, 50000],
      ['2016-09-10', 'Invoice', 'INV-000007', 2000, 52000],
      ['2016-09-20', 'Payment', 'R-000001', -20000, 32000],
      ['2016-09-22', 'Written off', 'INV-000007', -2000, 30000],
    ]);
    expect(sam.statement.lines[3]!.description).toBe(`${TOWEL}: $20.00 written off (${REASON})`);
    // $500 + $20 invoiced, less the $20 written off, less the $200 paid at the desk.
    expect(sam.statement.balance).toBe(30000);
    expect(sam.statement.writtenOff).toBe(2000);
    expect(part(sam, 'overdue')).toBe(30000);
    expect(total(sam)).toBe(sam.statement.balance);
    expect(sam.statement.packages).toEqual([
      { saleId: 'S-000002', packageName: 'PT', allocated: 10, used: 0, left: 10 },
    ]);

    // Jane: $220 in the sent debit, $880 not yet due, nothing overdue.
    const jane = ok<View>(addin.run('getStatement', { clientId: 'C-0001', today: '2016-09-30' }));
    expect(jane.statement.parts.map((p) => [p.key, p.amount])).toEqual([
      ['overdue', 0],
      ['inSentDebit', 22000],
      ['notYetDue', 88000],
      ['credit', 0],
    ]);
    expect(total(jane)).toBe(jane.statement.balance);

    const outstanding = ok<Outstanding>(
      addin.run('getOutstanding', { date: '2016-09-30', today: '2016-09-30' }),
    );
    expect(outstanding.clients.map((c) => [c.clientId, c.owed])).toEqual([['C-0002', part(sam, 'overdue')]]);
    // Reading a statement writes nothing.
    expect(['Invoices', 'Payments', 'Log', 'Statement'].map((t) => addin.tab(t))).toEqual(tabs);
    expect(sam.written).toBe(false);
    expect(sam.text).toContain('Harbour PT: Statement for Sam Lee (C-0002)');
    expect(sam.text).toContain('Balance $300.00, made up of:');
  });

  it('rewrites the Statement tab for the client chosen, leaving nothing of the one before, and logs it', () => {
    const addin = studio();
    ok(addin.run('writeStatementTab', { clientId: 'C-0001', today: '2016-09-30' }));
    const janeRows = addin.tab('Statement').length;
    const v = ok<View>(
      addin.run('writeStatementTab', { clientId: 'c-0002', from: '2016-09-15', today: '2016-09-30' }),
    );
    expect(v.written).toBe(true);
    const tab = addin.tab('Statement');
    expect(tab[0]!.slice(0, 8)).toEqual([
      'Client',
      'C-0002',
      'Name',
      'Sam Lee',
      'As Of',
      '2016-09-30',
      'Balance',
      300,
    ]);
    expect(tab[1]!.slice(0, 8)).toEqual([
      'Overdue now',
      300,
      'In a sent debit',
      0,
      'Not yet due',
      0,
      'Unspent credit',
      0,
    ]);
    const lines = records(tab.slice(3)).filter((r) => r.Date !== '' && r.Type !== '');
    expect(lines.slice(0, 4).map((r) => [r.Date, r.Type, r.Reference, r.Amount, r.Balance])).toEqual([
      ['2016-09-15', 'Opening balance', '', '', 520],
      ['2016-09-20', 'Payment', 'R-000001', -200, 320],
      ['2016-09-22', 'Written off', 'INV-000007', -20, 300],
      ['Written off (not owed)', 20, '', '', ''],
    ]);
    // Sam's statement is shorter than Jane's: none of her rows are left below it.
    const flat = tab.flat().map(String);
    expect(flat.some((c) => c.includes('INV-000001'))).toBe(false);
    expect(tab.length).toBeLessThanOrEqual(janeRows);
    expect(records(addin.tab('Log')).at(-1)).toMatchObject({
      Action: 'Statement',
      Details: 'C-0002 Sam Lee: balance $300.00 as of 2016-09-30',
    });
  });

  it('opens a printable page in a modal dialog, the workbook’s text escaped', () => {
    const addin = studio();
    expect(ok(addin.run('printStatement', { clientId: 'C-0002', today: '2016-09-30' }))).toEqual({
      title: 'Statement: Sam Lee',
    });
    const dialog = addin.emu.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ modal: true, title: 'Statement: Sam Lee' });
    expect(dialog.html).toContain('onclick="window.print()"');
    expect(dialog.html).toContain('Towel &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(dialog.html).toContain('Goodwill &amp; &lt;i&gt;thanks&lt;/i&gt;');
    expect(dialog.html).not.toContain('<script>alert(1)');
    expect(dialog.html).not.toContain('<i>thanks');
    expect(dialog.html).toContain('$300.00');
  });

  it('refuses an unknown client, a From after To, a date after today and a ledger with a copied row; nothing written', () => {
    const addin = studio();
    const before = ['Statement', 'Log'].map((t) => addin.tab(t));
    const refused = (req: Record<string, unknown>) =>
      addin.run<Result<unknown>>('writeStatementTab', { today: '2016-09-30', ...req });
    expect(refused({ clientId: 'C-0099' })).toEqual({
      ok: false,
      error: 'No client C-0099 on the Clients tab.',
      field: 'clientId',
    });
    expect(refused({ clientId: '' })).toMatchObject({
      ok: false,
      error: 'Client is required.',
      field: 'clientId',
    });
    expect(refused({ clientId: 'C-0002', from: '2016-09-20', to: '2016-09-10' })).toMatchObject({
      ok: false,
      error: 'From 2016-09-20 is after To 2016-09-10.',
      field: 'from',
    });
    expect(refused({ clientId: 'C-0002', to: '2016-10-01' })).toMatchObject({ ok: false, field: 'to' });
    expect(refused({ clientId: 'C-0002', from: 'soon' })).toMatchObject({ ok: false, field: 'from' });
    const row = records(addin.tab('Payments'))[0]!;
    typeRows(addin, 'Payments', [row]);
    const copied = refused({ clientId: 'C-0002' });
    expect(copied).toMatchObject({ ok: false });
    expect((copied as { error: string }).error).toMatch(
      /^Payments row \d+, column Payment ID: P-000001 is also on row 2/,
    );
    expect(['Statement', 'Log'].map((t) => addin.tab(t))).toEqual(before);
    expect(addin.emu.ui.dialogs).toEqual([]);
  });
});
