// Write off and undo, through the real bundle: the Invoices row keeps why and when, the balance leaves
// billing, Outstanding, the opening toast and Balances' Owed (shown as Written Off), an invoice in a sent
// batch is refused naming the batch, Release never touches a write-off, undo gives the status today's facts
// give, and money that arrives afterwards is the client's credit. Every refusal writes nothing.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { clockedAddin } from './lifecycleStudio';
import { billingStudio, ok, setSetting, typeRows } from './studio';

interface WriteOffView {
  invoiceId: string;
  clientId: string;
  name: string;
  status: string;
  was: string;
  balance: number;
  reason: string;
  date: string | null;
  credit: number;
  summary: string;
}
interface Form {
  today: string;
  clients: {
    clientId: string;
    name: string;
    open: { id: string; status: string; balance: number; blocked: string }[];
    writtenOff: { id: string; writeOffReason: string; writeOffDate: string | null; balance: number }[];
    credit: number;
  }[];
}
interface Outstanding {
  total: number;
  reminder: string | null;
  clients: { clientId: string; invoiceIds: string[]; owed: number }[];
}

const rows = (addin: Addin, tab: string) => records(addin.tab(tab));
const invoice = (addin: Addin, id: string) => rows(addin, 'Invoices').find((i) => i['Invoice ID'] === id)!;
const writeOff = (addin: Addin, req: Record<string, unknown>) => addin.run('writeOffInvoice', req);
const undo = (addin: Addin, invoiceId: string, today: string) =>
  addin.run('undoWriteOff', { invoiceId, today });
const outstanding = (addin: Addin, today: string, date = today) =>
  ok<Outstanding>(addin.run('getOutstanding', { date, today }));

/** Every tab's values: a refusal must leave all of them as they were. */
const snapshot = (addin: Addin) =>
  addin.emu.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]);

function debit(addin: Addin, billingDate: string, processed: string): void {
  ok(addin.run('runBilling', { billingDate, today: billingDate }));
  ok(addin.run('createDebitFile', { format: 'aba', today: billingDate }));
  ok(addin.run('markBatchProcessed', { today: processed }));
}

describe('Write off', () => {
  it('keeps the reason and date on the row; the balance leaves Outstanding, the toast and Owed', () => {
    const addin = billingStudio(loadAddin());
    // Sam (Manual) owes $500 due 13 Sep: overdue on 1 Oct.
    expect(outstanding(addin, '2016-10-01').clients.map((c) => c.clientId)).toContain('C-0002');

    const v = ok<WriteOffView>(
      writeOff(addin, {
        invoiceId: 'inv-000006',
        reason: 'Moved overseas',
        date: '2016-09-30',
        today: '2016-10-01',
      }),
    );
    expect(v).toMatchObject({
      invoiceId: 'INV-000006',
      clientId: 'C-0002',
      name: 'Sam Lee',
      status: 'Written off',
      was: 'Open',
      balance: 50000,
      reason: 'Moved overseas',
      date: '2016-09-30',
    });
    expect(invoice(addin, 'INV-000006')).toMatchObject({
      Status: 'Written off',
      Amount: 500,
      Paid: 0,
      Balance: 500,
      'Write-off Reason': 'Moved overseas',
      'Write-off Date': '2016-09-30',
    });
    // Other rows keep blank write-off cells.
    expect(invoice(addin, 'INV-000001')).toMatchObject({ 'Write-off Reason': '', 'Write-off Date': '' });

    const now = outstanding(addin, '2016-10-01');
    expect(now.clients.map((c) => c.clientId)).not.toContain('C-0002');
    // Before the write-off date it was owed (a look back at 20 Sep still shows it).
    expect(outstanding(addin, '2016-10-01', '2016-09-20').clients.map((c) => c.clientId)).toContain('C-0002');

    // The Outstanding and Balances tabs were rewritten: Sam owes nothing; $500 is shown as written off.
    expect(rows(addin, 'Outstanding').map((r) => r['Client ID'])).not.toContain('C-0002');
    const balances = addin.tab('Balances');
    const head = balances[2]!;
    const sam = records(balances.slice(2)).find((r) => r['Client ID'] === 'C-0002')!;
    expect(head.slice(-2)).toEqual(['Credit', 'Written Off']);
    expect([sam.Invoiced, sam.Paid, sam.Owed, sam['Not Yet Due'], sam['Written Off']]).toEqual([
      500, 0, 0, 0, 500,
    ]);

    const log = rows(addin, 'Log').at(-1)!;
    expect([log.Action, log.Details]).toEqual([
      'Write off',
      'INV-000006 for C-0002 Sam Lee: $500.00 written off on 2016-09-30 (Moved overseas; was Open)',
    ]);

    expect(now.total).toBe(now.clients.reduce((s, c) => s + c.owed, 0));
  });

  it('the toast on opening leaves a written-off balance out', () => {
    const { addin, at } = clockedAddin('2016-09-13');
    billingStudio(addin);
    const AuthMode = (addin.emu.globals.ScriptApp as unknown as { AuthMode: Record<string, unknown> })
      .AuthMode;
    at('2016-09-15');
    addin.run('onOpen', { authMode: AuthMode.LIMITED });
    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Gone', today: '2016-09-15' }));
    addin.run('onOpen', { authMode: AuthMode.LIMITED });
    expect(addin.emu.ui.toasts.map((t) => t.message)).toEqual([
      '2 clients have overdue invoices ($549.95); ledger as of 2016-09-13',
      '1 client has overdue invoices ($49.95); ledger as of 2016-09-15',
    ]);
  });

  it('is out of every billing run, Manual reminders included; a draft made before it cannot be sent', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(writeOff(addin, { invoiceId: 'INV-000009', reason: 'Damaged tub, given free', today: '2016-09-16' }));
    // The draft listed the protein powder: it is stale now, and the file is refused.
    const refused = addin.run<{ ok: boolean; error: string }>('createDebitFile', {
      format: 'aba',
      today: '2016-09-16',
    });
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('run Process Billing again');

    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Gone', today: '2016-09-16' }));
    const run = ok<{
      rows: { clientId: string; invoiceIds: string[]; amountDue: number }[];
      reminders: { clientId: string }[];
    }>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(run.rows.find((r) => r.clientId === 'C-0001')).toMatchObject({
      invoiceIds: ['INV-000001'],
      amountDue: 22000,
    });
    expect(JSON.stringify(run)).not.toContain('INV-000009');
    expect(JSON.stringify(run)).not.toContain('INV-000006');
    expect(
      rows(addin, 'Process Billing')
        .map((r) => String(r['Invoice IDs']))
        .join(' '),
    ).not.toMatch(/INV-000009|INV-000006/);
  });

  it('is refused for an invoice in a sent batch, naming the batch; bad input is refused; nothing is written', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    ok(addin.run('cancelSale', { saleId: 'S-000003', from: '2016-09-01', today: '2016-09-16' }));
    const before = snapshot(addin);
    const today = '2016-09-17';
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { invoiceId: 'INV-000001', reason: 'x' },
        'invoiceId',
        'INV-000001 is in batch B-000001, sent to the bank: write it off once that batch is processed or declined.',
      ],
      [{ invoiceId: 'INV-999999', reason: 'x' }, 'invoiceId', 'No invoice INV-999999 on the Invoices tab.'],
      [{ invoiceId: '', reason: 'x' }, 'invoiceId', 'Invoice is required.'],
      [{ invoiceId: 'INV-000006', reason: '  ' }, 'reason', 'Reason is required.'],
      [
        { invoiceId: 'INV-000006', reason: 'x'.repeat(201) },
        'reason',
        'Reason is longer than 200 characters.',
      ],
      [
        { invoiceId: 'INV-000006', reason: 'x', date: '2016-09-18' },
        'date',
        'Date Sun 18 Sep 2016 is after today (Sat 17 Sep 2016): a write-off is dated when it happens.',
      ],
      [
        { invoiceId: 'INV-000006', reason: 'x', date: '2016-09-12' },
        'date',
        'Date Mon 12 Sep 2016 is before INV-000006 was created (Tue 13 Sep 2016).',
      ],
      [
        { invoiceId: 'INV-000006', reason: 'x', date: '17/09/2016' },
        'date',
        'Date: Not a date: "17/09/2016", expected YYYY-MM-DD',
      ],
      [
        { invoiceId: 'INV-000007', reason: 'x' },
        'invoiceId',
        'INV-000007 is Cancelled: it cannot be written off.',
      ],
    ];
    for (const [req, field, error] of cases)
      expect(writeOff(addin, { ...req, today }), error).toEqual({ ok: false, field, error });
    expect(undo(addin, 'INV-000006', today)).toEqual({
      ok: false,
      field: 'invoiceId',
      error: 'INV-000006 is Open, not written off: there is nothing to undo.',
    });
    expect(snapshot(addin)).toEqual(before);

    // Once processed the debit paid it: a paid invoice owes nothing to write off.
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    expect(writeOff(addin, { invoiceId: 'INV-000001', reason: 'x', today: '2016-09-19' })).toEqual({
      ok: false,
      field: 'invoiceId',
      error: 'INV-000001 is Paid: it cannot be written off.',
    });
    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Gone', today: '2016-09-19' }));
    expect(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Again', today: '2016-09-19' })).toEqual({
      ok: false,
      field: 'invoiceId',
      error: 'INV-000006 was written off already on Mon 19 Sep 2016 (Gone).',
    });
  });

  it('a part-paid invoice: only its balance is written off, and undo makes it Part paid again', () => {
    const addin = billingStudio(loadAddin());
    // $100 of Sam's credit (money received and kept) is spent on his $500 invoice by the upkeep.
    typeRows(addin, 'Payments', [
      { 'Payment ID': 'P-000900', Date: '2016-09-14', 'Client ID': 'C-0002', Amount: 100, Method: 'Cash' },
    ]);
    ok(addin.run('runDailyUpkeep', { today: '2016-09-15' }));
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Part paid', Paid: 100 });
    // Written off dated before its last payment: refused (its balance then was not what is given up).
    expect(
      writeOff(addin, { invoiceId: 'INV-000006', reason: 'x', date: '2016-09-14', today: '2016-09-20' }),
    ).toEqual({
      ok: false,
      field: 'date',
      error:
        "Date Wed 14 Sep 2016 is before INV-000006's last payment (Thu 15 Sep 2016): write it off on or after that day.",
    });
    const v = ok<WriteOffView>(
      writeOff(addin, { invoiceId: 'INV-000006', reason: 'Hardship', today: '2016-09-20' }),
    );
    expect([v.was, v.balance]).toEqual(['Part paid', 40000]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Written off', Paid: 100, Balance: 400 });

    const back = ok<WriteOffView>(undo(addin, 'INV-000006', '2016-09-21'));
    expect([back.status, back.balance, back.reason, back.date]).toEqual(['Part paid', 40000, '', null]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({
      Status: 'Part paid',
      Paid: 100,
      'Write-off Reason': '',
      'Write-off Date': '',
    });
    expect(outstanding(addin, '2016-09-21').clients.find((c) => c.clientId === 'C-0002')!.owed).toBe(40000);
    const log = rows(addin, 'Log').at(-1)!;
    expect([log.Action, log.Details]).toEqual([
      'Undo write-off',
      'INV-000006 for C-0002 Sam Lee: write-off undone, Part paid (was Written off), $400.00 owed again',
    ]);
  });

  it('money that arrives afterwards is credit, not spent on it; after an undo the upkeep spends it there', () => {
    const addin = billingStudio(loadAddin());
    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Not contactable', today: '2016-09-20' }));
    // Sam turns up and pays $50 at the desk: no invoice of his is owed, so it is kept as his credit.
    typeRows(addin, 'Payments', [
      { 'Payment ID': 'P-000900', Date: '2016-09-22', 'Client ID': 'C-0002', Amount: 50, Method: 'Cash' },
    ]);
    ok(addin.run('runDailyUpkeep', { today: '2016-09-23' }));
    expect(rows(addin, 'Payments').filter((p) => p['Client ID'] === 'C-0002')).toHaveLength(1);
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Written off', Paid: 0 });
    const sam = ok<Form>(addin.run('getWriteOffForm', { today: '2016-09-23' })).clients.find(
      (c) => c.clientId === 'C-0002',
    )!;
    expect(sam).toMatchObject({
      open: [],
      writtenOff: [
        { id: 'INV-000006', writeOffReason: 'Not contactable', writeOffDate: '2016-09-20', balance: 50000 },
      ],
      credit: 5000,
    });

    expect(ok<WriteOffView>(undo(addin, 'INV-000006', '2016-09-24'))).toMatchObject({
      status: 'Open',
      balance: 50000,
      credit: 5000,
    });
    ok(addin.run('runDailyUpkeep', { today: '2016-09-24' }));
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Part paid', Paid: 50 });
    expect(
      rows(addin, 'Payments')
        .filter((p) => p['Client ID'] === 'C-0002')
        .map((p) => [p['Invoice ID'], p.Amount, p.Method]),
    ).toEqual([
      ['', 50, 'Cash'],
      ['', -50, 'Credit'],
      ['INV-000006', 50, 'Credit'],
    ]);
  });

  it('undo: Held only while the client is still held; Release never touches a written-off invoice', () => {
    const addin = billingStudio(loadAddin());
    setSetting(addin, 'Retry Limit', 0);
    debit(addin, '2016-09-16', '2016-09-19');
    ok(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        date: '2016-09-21',
        declines: [{ clientId: 'C-0001', code: '6' }],
        today: '2016-09-21',
      }),
    );
    expect(invoice(addin, 'INV-000001').Status).toBe('Held');
    expect(invoice(addin, 'INV-000009').Status).toBe('Held');

    ok(writeOff(addin, { invoiceId: 'INV-000009', reason: 'Small, not worth chasing', today: '2016-09-22' }));
    // INV-000001 is still held: the client waits on a person, so the undo holds it again.
    expect(ok<WriteOffView>(undo(addin, 'INV-000009', '2016-09-22')).status).toBe('Held');

    ok(writeOff(addin, { invoiceId: 'INV-000009', reason: 'Small, not worth chasing', today: '2016-09-22' }));
    expect(addin.run('releaseHeld', { invoiceId: 'INV-000009', today: '2016-09-22' })).toEqual({
      ok: false,
      field: 'invoiceId',
      error: 'INV-000009 is Written off: it cannot be released.',
    });
    const released = ok<{ released: { invoiceId: string }[] }>(
      addin.run('releaseHeld', { clientId: 'C-0001', today: '2016-09-22' }),
    );
    expect(released.released.map((r) => r.invoiceId)).toEqual(['INV-000001']);
    expect(invoice(addin, 'INV-000009')).toMatchObject({
      Status: 'Written off',
      'Write-off Reason': 'Small, not worth chasing',
      'Decline Count': 1,
    });
    // The client was released: undone, it is due again as Declined.
    expect(ok<WriteOffView>(undo(addin, 'INV-000009', '2016-09-23')).status).toBe('Declined');
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Status: 'Declined', 'Write-off Date': '' });

    // A never-declined invoice undone is Open.
    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'x', today: '2016-09-23' }));
    expect(ok<WriteOffView>(undo(addin, 'INV-000006', '2016-09-23')).status).toBe('Open');
  });

  it('the form lists each client’s open invoices (a sent one says why it cannot be chosen) and write-offs', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    ok(writeOff(addin, { invoiceId: 'INV-000006', reason: 'Gone', today: '2016-09-16' }));
    const form = ok<Form>(addin.run('getWriteOffForm', { today: '2016-09-17' }));
    expect(form.today).toBe('2016-09-17');
    expect(form.clients.map((c) => c.name)).toEqual([
      'Alex Wong',
      'Chris Partial',
      'Jane Citizen',
      'Sam Lee',
    ]);
    const jane = form.clients.find((c) => c.clientId === 'C-0001')!;
    expect(jane.open.map((i) => [i.id, i.status, i.blocked])).toEqual([
      ['INV-000009', 'Sent', 'in batch B-000001, sent to the bank'],
      ['INV-000001', 'Sent', 'in batch B-000001, sent to the bank'],
      ['INV-000002', 'Open', ''],
      ['INV-000003', 'Open', ''],
      ['INV-000004', 'Open', ''],
      ['INV-000005', 'Open', ''],
    ]);
    expect(form.clients.find((c) => c.clientId === 'C-0002')).toMatchObject({
      open: [],
      writtenOff: [{ id: 'INV-000006', writeOffReason: 'Gone', writeOffDate: '2016-09-16', balance: 50000 }],
    });
  });
});
