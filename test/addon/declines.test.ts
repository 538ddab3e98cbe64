// Process declines by the bank's reason, through the real bundle: what each BECS code does (fee, client
// status, retry or hold), one story per debit (a second arrival changes nothing; a code over a hand reason
// replaces it), the Retry Limit, code 8 blocking the next ABA file, and Release.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok, setSetting } from './studio';

/** Jane (C-0001: INV-000001 $220 and INV-000009 $49.95) and Chris (C-0004) debited in B-000001, processed 19 Sep. */
function processedStudio(): Addin {
  const addin = billingStudio(loadAddin());
  debit(addin, '2016-09-16', '2016-09-19');
  return addin;
}

function debit(addin: Addin, billingDate: string, processed: string): void {
  ok(addin.run('runBilling', { billingDate, today: billingDate }));
  ok(addin.run('createDebitFile', { format: 'aba', today: billingDate }));
  ok(addin.run('markBatchProcessed', { today: processed }));
}

type Decline = { clientId: string; code?: string; reason?: string };
function decline(addin: Addin, d: Decline, batchId = 'B-000001', date = '2016-09-21') {
  return addin.run<{ ok: boolean; error?: string; value: DeclinePlan }>('processDeclines', {
    batchId,
    date,
    declines: [d],
    today: date,
  });
}

interface DeclinePlan {
  clients: {
    clientId: string;
    reason: string;
    amount: number;
    held: string[];
    clientStatus: string | null;
  }[];
  fees: { id: string; amount: number }[];
  refusedUserId: string | null;
  released: string[];
}

const rows = (addin: Addin, tab: string) => records(addin.tab(tab));
const invoice = (addin: Addin, id: string) => rows(addin, 'Invoices').find((i) => i['Invoice ID'] === id)!;
const client = (addin: Addin, id: string) => rows(addin, 'Clients').find((c) => c['Client ID'] === id)!;
const declineRows = (addin: Addin) => rows(addin, 'Payments').filter((p) => p.Method === 'Decline');
const fees = (addin: Addin) =>
  rows(addin, 'Invoices').filter((i) => String(i.Description).startsWith('Dishonour fee'));

describe('a decline does what the bank’s code says', () => {
  const table: [string, { fee: boolean; status: string; count: number; reason: string }][] = [
    ['1', { fee: true, status: 'Update bank details', count: 1, reason: 'Invalid BSB number (code 1)' }],
    ['2', { fee: true, status: 'DD stopped', count: 1, reason: 'Payment stopped (code 2)' }],
    ['3', { fee: true, status: 'DD stopped', count: 1, reason: 'Account closed (code 3)' }],
    ['4', { fee: true, status: 'DD stopped', count: 1, reason: 'Customer deceased (code 4)' }],
    [
      '5',
      {
        fee: true,
        status: 'Update bank details',
        count: 1,
        reason: 'No account / incorrect account number (code 5)',
      },
    ],
    ['6', { fee: true, status: 'Active', count: 1, reason: 'Refer to customer (code 6)' }],
    ['7', { fee: false, status: 'Active', count: 1, reason: 'Not used (deleted) (code 7)' }],
    ['8', { fee: false, status: 'Active', count: 0, reason: 'Invalid user ID number (code 8)' }],
    ['9', { fee: true, status: 'Update bank details', count: 1, reason: 'Technically invalid (code 9)' }],
  ];

  it.each(table)('code %s', (code, want) => {
    const addin = processedStudio();
    const plan = ok<DeclinePlan>(decline(addin, { clientId: 'C-0001', code }));
    expect(plan.clients).toEqual([
      expect.objectContaining({
        clientId: 'C-0001',
        reason: want.reason,
        amount: 26995,
        clientStatus: want.status === 'Active' ? null : want.status,
      }),
    ]);
    // The debit's payments are taken back, dated the day the decline was reported.
    expect(
      declineRows(addin).map((p) => [p['Invoice ID'], p.Date, p.Amount, p['Batch ID'], p.Reason]),
    ).toEqual([
      ['INV-000001', '2016-09-21', -220, 'B-000001', want.reason],
      ['INV-000009', '2016-09-21', -49.95, 'B-000001', want.reason],
    ]);
    for (const id of ['INV-000001', 'INV-000009'])
      expect(invoice(addin, id)).toMatchObject({
        Status: 'Declined',
        Paid: 0,
        'Decline Reason': want.reason,
        'Decline Count': want.count,
      });
    expect(fees(addin).map((f) => [f['Client ID'], f['Due Date'], f.Amount, f.Status])).toEqual(
      want.fee ? [['C-0001', '2016-09-21', 15, 'Open']] : [],
    );
    expect(client(addin, 'C-0001').Status).toBe(want.status);
    if (want.status === 'Update bank details')
      expect(client(addin, 'C-0001')).toMatchObject({
        'Declined BSB': '062-000',
        'Declined Account': '12345678',
      });
    expect(plan.refusedUserId).toBe(code === '8' ? '301500' : null);
    // Chris's debit in the same batch is untouched.
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Paid', Paid: 160 });
  });

  it('a tab without spare rows: the fee appended past its last row is written with the declined rows', () => {
    const addin = processedStudio();
    const sheet = addin.sheet('Invoices');
    const last = sheet.getLastRow();
    sheet.deleteRows(last + 1, sheet.getMaxRows() - last);
    ok<DeclinePlan>(decline(addin, { clientId: 'C-0001', code: '6' }));
    expect(sheet.getMaxRows()).toBe(last + 1);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', Paid: 0 });
    expect(fees(addin).map((f) => [f['Client ID'], f.Amount, f.Status])).toEqual([['C-0001', 15, 'Open']]);
  });

  it('the reason’s words name the code; free text is a note and a retry; a code over a hand reason disagreeing is refused', () => {
    const addin = processedStudio();
    ok(decline(addin, { clientId: 'C-0001', code: 'Account closed' }));
    expect(invoice(addin, 'INV-000001')['Decline Reason']).toBe('Account closed (code 3)');
    expect(client(addin, 'C-0001').Status).toBe('DD stopped');

    ok(decline(addin, { clientId: 'C-0004', code: '6', reason: 'rang her, paying Friday' }));
    expect(
      declineRows(addin)
        .filter((p) => p['Client ID'] === 'C-0004')
        .map((p) => [p.Reference, p.Reason]),
    ).toEqual([['B-000001 declined: rang her, paying Friday', 'Refer to customer (code 6)']]);

    const other = billingStudio(loadAddin());
    debit(other, '2016-09-16', '2016-09-19');
    ok(decline(other, { clientId: 'C-0001', reason: 'bank said no' }));
    expect(invoice(other, 'INV-000001')).toMatchObject({
      Status: 'Declined',
      'Decline Reason': 'bank said no',
      'Decline Count': 1,
    });
    expect(client(other, 'C-0001').Status).toBe('Active');
    expect(decline(other, { clientId: 'C-0004', code: '6', reason: 'Account closed' })).toMatchObject({
      ok: false,
      error: 'C-0004: code 6 (Refer to customer) and reason "Account closed" (code 3) disagree: give one.',
    });
    expect(decline(other, { clientId: 'C-0004', code: '12' })).toMatchObject({
      ok: false,
      field: 'code',
      error:
        'C-0004: code "12" is not a bank return code: give 1 to 9 or the reason\'s words (e.g. Account closed).',
    });
  });
});

describe('one debit, one story', () => {
  it('a second decline of the same debit changes nothing; a bank code over a hand reason replaces it', () => {
    const addin = processedStudio();
    ok(decline(addin, { clientId: 'C-0001', reason: 'bank said no' }));
    const paymentsAfter = addin.tab('Payments');
    const invoicesAfter = addin.tab('Invoices');

    const again = decline(addin, { clientId: 'C-0001', reason: 'still no' }, 'B-000001', '2016-09-22');
    expect(again).toMatchObject({
      ok: false,
      error: "C-0001's debit in B-000001 was declined already (bank said no): nothing changed.",
    });
    expect(addin.tab('Payments')).toEqual(paymentsAfter);
    expect(addin.tab('Invoices')).toEqual(invoicesAfter);

    // The bank's return file says code 3: the reason is replaced and its rule applies; no money, no second fee.
    const coded = ok<DeclinePlan>(
      decline(addin, { clientId: 'C-0001', code: '3' }, 'B-000001', '2016-09-23'),
    );
    expect(coded.fees).toEqual([]);
    expect(declineRows(addin).map((p) => [p['Invoice ID'], p.Date, p.Amount, p.Reason])).toEqual([
      ['INV-000001', '2016-09-21', -220, 'Account closed (code 3)'],
      ['INV-000009', '2016-09-21', -49.95, 'Account closed (code 3)'],
    ]);
    expect(invoice(addin, 'INV-000001')).toMatchObject({
      Status: 'Declined',
      Paid: 0,
      'Decline Reason': 'Account closed (code 3)',
      'Decline Count': 1,
    });
    expect(fees(addin)).toHaveLength(1);
    expect(client(addin, 'C-0001').Status).toBe('DD stopped');
    // A later code changes nothing once the bank has given one.
    expect(decline(addin, { clientId: 'C-0001', code: '6' }, 'B-000001', '2016-09-24')).toMatchObject({
      ok: false,
      error: "C-0001's debit in B-000001 was declined already (Account closed (code 3)): nothing changed.",
    });
    expect(rows(addin, 'Log').filter((l) => l.Action === 'Process declines')).toHaveLength(2);
  });

  it('a decline arriving after the invoice was re-sent in a newer batch takes back only the old debit', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0004', amountToDebit: '100', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Part paid', Paid: 100 });
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-30' }));
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent', 'Batch ID': 'B-000002' });

    ok(decline(addin, { clientId: 'C-0004', code: '6' }, 'B-000001', '2016-10-01'));
    // Still in flight in B-000002 for its $60; the $100 the old debit paid is taken back.
    expect(invoice(addin, 'INV-000008')).toMatchObject({
      Status: 'Sent',
      'Batch ID': 'B-000002',
      Paid: 0,
      'Sent Amount': 60,
    });
    expect(declineRows(addin).map((p) => [p['Invoice ID'], p.Amount, p['Batch ID']])).toEqual([
      ['INV-000008', -100, 'B-000001'],
    ]);
  });

  it('a decline before the batch is marked processed: nothing to take back, the invoices are due again', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    const plan = ok<DeclinePlan>(decline(addin, { clientId: 'C-0001', code: '6' }, 'B-000001', '2016-09-18'));
    expect(plan.clients[0]!.amount).toBe(26995);
    expect(declineRows(addin).map((p) => [p['Invoice ID'], p.Amount])).toEqual([
      ['INV-000001', 0],
      ['INV-000009', 0],
    ]);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', Paid: 0, 'Decline Count': 1 });
    // Marking the batch processed now pays only Chris's debit.
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', Paid: 0 });
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Paid' });
  });
});

describe('Retry Limit, held invoices and Release', () => {
  it('due again up to the Retry Limit, then held out of billing until released, which resets the count', () => {
    const addin = processedStudio();
    setSetting(addin, 'Retry Limit', 1);
    ok(decline(addin, { clientId: 'C-0001', code: '6' }, 'B-000001', '2016-09-21'));
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', 'Decline Count': 1 });

    debit(addin, '2016-09-30', '2016-10-03');
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid', 'Batch ID': 'B-000002' });
    const plan = ok<DeclinePlan>(decline(addin, { clientId: 'C-0001', code: '6' }, 'B-000002', '2016-10-04'));
    // Declined twice with a limit of one retry: held. The second instalment and the fee were declined once.
    expect(plan.clients[0]!.held).toEqual(['INV-000001', 'INV-000009']);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Held', Paid: 0, 'Decline Count': 2 });
    expect(invoice(addin, 'INV-000002')).toMatchObject({ Status: 'Declined', 'Decline Count': 1 });
    expect(invoice(addin, 'INV-000010')).toMatchObject({ Status: 'Declined', 'Decline Count': 1 });

    const run = ok<{ rows: { clientId: string; invoiceIds: string[] }[] }>(
      addin.run('runBilling', { billingDate: '2016-10-14', today: '2016-10-14' }),
    );
    const jane = run.rows.find((r) => r.clientId === 'C-0001')!;
    expect(jane.invoiceIds).not.toContain('INV-000001');
    expect(jane.invoiceIds).not.toContain('INV-000009');
    expect(jane.invoiceIds).toEqual(expect.arrayContaining(['INV-000002', 'INV-000010']));

    const held = ok<{ clients: { clientId: string; held: { invoiceId: string }[]; reason: string }[] }>(
      addin.run('getHeld', { today: '2016-10-14' }),
    );
    expect(held.clients).toEqual([
      expect.objectContaining({
        clientId: 'C-0001',
        reason: 'Refer to customer (code 6)',
        held: [
          expect.objectContaining({ invoiceId: 'INV-000009' }),
          expect.objectContaining({ invoiceId: 'INV-000001' }),
        ],
      }),
    ]);

    const one = ok<{ released: { invoiceId: string; status: string; balance: number }[] }>(
      addin.run('releaseHeld', { invoiceId: 'INV-000001', today: '2016-10-14' }),
    );
    expect(one.released).toEqual([{ invoiceId: 'INV-000001', status: 'Declined', balance: 22000 }]);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', 'Decline Count': 0 });
    expect(addin.run('releaseHeld', { invoiceId: 'INV-000001', today: '2016-10-14' })).toMatchObject({
      ok: false,
      error: 'INV-000001 is Declined: it cannot be released.',
    });
    ok(addin.run('releaseHeld', { clientId: 'C-0001', today: '2016-10-14' }));
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Status: 'Declined', 'Decline Count': 0 });
    expect(ok<{ clients: unknown[] }>(addin.run('getHeld', { today: '2016-10-14' })).clients).toEqual([]);
    expect(addin.run('releaseHeld', { clientId: 'C-0001', today: '2016-10-14' })).toMatchObject({
      ok: false,
      error: 'C-0001 Jane Citizen has no held invoice and is Active: there is nothing to release.',
    });
    expect(rows(addin, 'Log').filter((l) => l.Action === 'Release')).toHaveLength(2);
  });

  it('bank details changed: the next action reading Clients lets the client go; a stopped client is released by name', () => {
    const addin = processedStudio();
    ok(decline(addin, { clientId: 'C-0004', code: '1' }));
    expect(client(addin, 'C-0004')).toMatchObject({
      Status: 'Update bank details',
      'Declined BSB': '063-111',
      'Declined Account': '55501234',
    });
    // Chris's account number is corrected on the Clients tab.
    const sheet = addin.sheet('Clients');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const chrisRow =
      sheet
        .getDataRange()
        .getValues()
        .findIndex((row) => row[0] === 'C-0004') + 1;
    sheet.getRange(chrisRow, header.indexOf('Account Number') + 1).setValue('55501235');
    const plan = ok<DeclinePlan>(decline(addin, { clientId: 'C-0001', code: '3' }));
    expect(plan.released).toEqual(['C-0004']);
    expect(client(addin, 'C-0004')).toMatchObject({
      Status: 'Active',
      'Account Number': '55501235',
      'Declined BSB': '',
      'Declined Account': '',
    });
    expect(client(addin, 'C-0001').Status).toBe('DD stopped');
    expect(rows(addin, 'Log').at(-1)!.Details).toMatch(/bank details changed, Active again: C-0004$/);

    const r = ok<{ released: unknown[]; clientWas: string; clientStatus: string }>(
      addin.run('releaseHeld', { clientId: 'C-0001', today: '2016-09-22' }),
    );
    expect(r).toMatchObject({ released: [], clientWas: 'DD stopped', clientStatus: 'Active' });
    expect(client(addin, 'C-0001').Status).toBe('Active');
    // Her invoices stayed owed (Declined) throughout, and are due on the next run.
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Declined', Paid: 0 });
  });

  it('code 8: no fee, not counted, and no ABA file until Settings has another ABA User ID', () => {
    const addin = processedStudio();
    ok(decline(addin, { clientId: 'C-0001', code: '8' }));
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    const before = addin.tab('Invoices');
    expect(addin.run('createDebitFile', { format: 'aba', today: '2016-09-30' })).toMatchObject({
      ok: false,
      error:
        'The bank refused ABA User ID 301500 (return code 8, invalid user ID): correct ABA User ID on the Settings tab before the next debit file.',
    });
    expect(addin.tab('Invoices')).toEqual(before);
    setSetting(addin, 'ABA User ID', '301501');
    const file = ok<{ content: string }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-30' }),
    );
    expect(file.content.slice(0, 120)).toContain('301501');
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Sent', 'Decline Count': 0 });
    expect(fees(addin)).toEqual([]);
  });
});

describe('Settings for declines', () => {
  it('Retry Limit is a whole number 0 to 9 (default 2); the Dishonour Fee is zero or more', () => {
    const addin = processedStudio();
    expect(rows(addin, 'Settings').find((s) => s.Setting === 'Retry Limit')!.Value).toBe(2);
    const refusedWith = (key: string, value: unknown, error: RegExp) => {
      setSetting(addin, key, value);
      const before = addin.tab('Payments');
      const r = decline(addin, { clientId: 'C-0001', code: '6' });
      expect(r).toMatchObject({ ok: false });
      expect(r.error).toMatch(error);
      expect(addin.tab('Payments')).toEqual(before);
    };
    refusedWith(
      'Retry Limit',
      10,
      /^Settings row \d+, column Value: Retry Limit "10" is not a whole number from 0 to 9$/,
    );
    refusedWith('Retry Limit', 1.5, /Retry Limit "1.5" is not a whole number from 0 to 9$/);
    setSetting(addin, 'Retry Limit', 0);
    refusedWith(
      'Dishonour Fee',
      -15,
      /^Settings row 6, column Value: Dishonour Fee -\$15.00 is negative: it must be zero or more$/,
    );
    refusedWith('Dishonour Fee', '-15', /Dishonour Fee -\$15.00 is negative: it must be zero or more$/);
    setSetting(addin, 'Dishonour Fee', 0);
    // Retry Limit 0: held at the first decline; a zero fee charges nothing.
    ok(decline(addin, { clientId: 'C-0001', code: '6' }));
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Held', 'Decline Count': 1 });
    expect(fees(addin)).toEqual([]);
  });
});
