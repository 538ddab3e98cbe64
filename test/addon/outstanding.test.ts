import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok } from './studio';
import { billingStudio, clockedAddin, invoice, logActions, reportRows, rowsOf } from './lifecycleStudio';

/**
 * Jane (DD Full) 5 x $220 from Fri 16 Sep and protein powder due 14 Sep; Sam (Manual) $500 due 13 Sep;
 * Alex (DD Reconciliation) recurring $160 from 16 Sep. Billed 16 Sep, Alex's list marked paid, Jane's
 * debit processed, then declined on 20 Sep with a $15 fee.
 */
function owingStudio(addin: Addin): void {
  billedAndSent(addin);
  settledAndDeclined(addin);
}

function billedAndSent(addin: Addin): void {
  billingStudio(addin);
  const today = '2016-09-13';
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today }));
  ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today }));
  ok(
    addin.run('addAdHocInvoice', {
      clientId: 'C-0001',
      description: 'Protein powder',
      amount: '49.95',
      dueDate: '2016-09-14',
      today,
    }),
  );
  ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
  ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
}

function settledAndDeclined(addin: Addin): void {
  ok(addin.run('markListPaid', { today: '2016-09-19' }));
  ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
  ok(
    addin.run('processDeclines', {
      date: '2016-09-20',
      declines: [{ clientId: 'C-0001', reason: 'Insufficient funds' }],
      today: '2016-09-20',
    }),
  );
}

interface View {
  asOf: string;
  total: number;
  reminder: string | null;
  written: boolean;
  clients: {
    clientId: string;
    name: string;
    invoiceIds: string[];
    owed: number;
    credit: number;
    oldestDue: string;
    daysOverdue: number;
    lastPayment: { date: string; amount: number } | null;
    lastDeclineReason: string;
  }[];
}

describe('Outstanding invoices', () => {
  it('lists, per client, what is overdue on a date: largest debt first, with the last payment and decline', () => {
    const addin = loadAddin();
    billedAndSent(addin);
    const on = (date: string, today = '2016-09-21') => ok<View>(addin.run('getOutstanding', { date, today }));
    // Jane's debit is Sent (in a batch being processed) and Alex's is on the list: neither is overdue.
    expect(on('2016-09-17', '2016-09-17').clients.map((c) => [c.clientId, c.invoiceIds])).toEqual([
      ['C-0002', ['INV-000006']],
      ['C-0003', ['INV-000007']],
    ]);
    settledAndDeclined(addin);
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Amount: 15, 'Due Date': '2016-09-20' });

    // Sam's $500 was due on the sale date: on that day it is due, not overdue.
    expect(on('2016-09-13').clients).toEqual([]);
    expect(on('2016-09-14')).toMatchObject({
      total: 50000,
      reminder: '1 client has overdue invoices ($500.00)',
      clients: [{ clientId: 'C-0002', invoiceIds: ['INV-000006'], owed: 50000, daysOverdue: 1 }],
    });

    const after = on('2016-09-21');
    expect(after.clients).toEqual([
      {
        clientId: 'C-0002',
        name: 'Sam Lee',
        billingMethod: 'Manual',
        invoiceIds: ['INV-000006'],
        owed: 50000,
        credit: 0,
        oldestDue: '2016-09-13',
        daysOverdue: 8,
        lastPayment: null,
        lastDeclineReason: '',
      },
      {
        clientId: 'C-0001',
        name: 'Jane Citizen',
        billingMethod: 'DD Full Integration',
        invoiceIds: ['INV-000008', 'INV-000001', 'INV-000009'],
        owed: 4995 + 22000 + 1500,
        credit: 0,
        oldestDue: '2016-09-14',
        daysOverdue: 7,
        // Her 16 Sep debit of $269.95 was reversed on 20 Sep: no payment of hers stands.
        lastPayment: null,
        lastDeclineReason: 'Refer to customer (code 6)',
      },
    ]);
    expect(after.total).toBe(78495);
    expect(after.reminder).toBe('2 clients have overdue invoices ($784.95)');
    // Reading writes nothing: the Outstanding tab still holds only what set-up made.
    expect(after.written).toBe(false);
    expect(addin.tab('Outstanding')).toHaveLength(1);
  });

  it('writes the same list to the Outstanding tab (and Balances), logged; a bad date names the field', () => {
    const addin = loadAddin();
    owingStudio(addin);
    const r = ok<View>(addin.run('refreshOutstanding', { date: '2016-09-21', today: '2016-09-22' }));
    expect(r.written).toBe(true);
    const tab = addin.tab('Outstanding');
    expect(tab[0]!.slice(0, 7)).toEqual([
      'As Of',
      '2016-09-21',
      'Clients',
      2,
      'Total Owed',
      784.95,
      'Refreshed',
    ]);
    expect(reportRows(addin, 'Outstanding')).toEqual([
      {
        'Client ID': 'C-0002',
        Name: 'Sam Lee',
        'Billing Method': 'Manual',
        'Overdue Invoices': 1,
        'Invoice IDs': 'INV-000006',
        'Amount Owed': 500,
        'Oldest Due': '2016-09-13',
        'Days Overdue': 8,
        'Last Payment': '',
        'Last Payment Amount': '',
        'Last Decline Reason': '',
        Credit: '',
      },
      {
        'Client ID': 'C-0001',
        Name: 'Jane Citizen',
        'Billing Method': 'DD Full Integration',
        'Overdue Invoices': 3,
        'Invoice IDs': 'INV-000008 INV-000001 INV-000009',
        'Amount Owed': 284.95,
        'Oldest Due': '2016-09-14',
        'Days Overdue': 7,
        'Last Payment': '',
        'Last Payment Amount': '',
        'Last Decline Reason': 'Refer to customer (code 6)',
        Credit: '',
      },
    ]);
    const sheet = addin.sheet('Outstanding');
    expect(sheet.getRange('F4').getNumberFormat()).toBe('$#,##0.00');
    expect(sheet.getRange('G4').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(sheet.getFrozenRows()).toBe(3);
    // Balances as of the same date: Jane's plan owes the declined first instalment; her other charges
    // (powder and the fee) sit on their own row.
    const balances = reportRows(addin, 'Balances');
    expect(
      balances.map((b) => [
        b['Client ID'],
        b['Sale ID'],
        b.Package,
        b['Sessions Left'],
        b.Invoiced,
        b.Paid,
        b.Owed,
        b['Not Yet Due'],
      ]),
    ).toEqual([
      ['C-0003', 'S-000003', 'PT 2 a week', 4, 160, 160, 0, 0],
      ['C-0001', 'S-000001', 'PT', 10, 1100, 0, 220, 880],
      ['C-0001', '', 'Other charges', 0, 64.95, 0, 64.95, 0],
      ['C-0002', 'S-000002', 'PT', 10, 500, 0, 500, 0],
    ]);
    expect(logActions(addin).at(-1)).toBe('Outstanding invoices');

    // Running it again for the same date gives the same tab.
    const before = addin.tab('Outstanding').map((row) => row.filter((_, i) => i !== 7));
    ok(addin.run('refreshOutstanding', { date: '2016-09-21', today: '2016-09-22' }));
    expect(addin.tab('Outstanding').map((row) => row.filter((_, i) => i !== 7))).toEqual(before);

    expect(addin.run('refreshOutstanding', { date: '21/09/2016', today: '2016-09-22' })).toMatchObject({
      ok: false,
      field: 'date',
      error: 'Date: Not a date: "21/09/2016", expected YYYY-MM-DD',
    });
  });

  it('on opening, where authorised, a toast says how many clients owe and how much', () => {
    const { addin, at } = clockedAddin('2016-09-13');
    billingStudio(addin);
    for (const clientId of ['C-0001', 'C-0002', 'C-0003'])
      ok(addin.run('sellPackage', { clientId, packageCode: 'PT10-5F', today: '2016-09-13' }));
    const AuthMode = (addin.emu.globals.ScriptApp as unknown as { AuthMode: Record<string, unknown> })
      .AuthMode;

    // The first instalments fall due on Fri 16 Sep: not overdue that day.
    at('2016-09-16');
    addin.run('onOpen', { authMode: AuthMode.LIMITED });
    expect(addin.emu.ui.toasts).toEqual([]);

    at('2016-09-17', '08:30');
    addin.run('onOpen', { authMode: AuthMode.LIMITED });
    expect(addin.emu.ui.toasts).toEqual([
      {
        message: '3 clients have overdue invoices ($660.00); ledger as of 2016-09-13',
        title: 'Studio Ledger',
        timeoutSeconds: 10,
      },
    ]);
    addin.run('onInstall', { authMode: AuthMode.FULL });
    expect(addin.emu.ui.toasts).toHaveLength(2);
    // A bound script's onOpen (no authMode) reminds too.
    addin.run('onOpen', {});
    expect(addin.emu.ui.toasts).toHaveLength(3);

    // Not authorised in this document: the menu only, nothing read, no toast.
    addin.emu.calls.reset();
    addin.run('onOpen', { authMode: AuthMode.NONE });
    expect(addin.emu.ui.toasts).toHaveLength(3);
    expect(
      Object.keys(addin.emu.calls.byMethod()).filter((m) => /^(Spreadsheet|Sheet|Range)\./.test(m)),
    ).toEqual([]);

    // The reminder reads no tab (onOpen has 30 s): it counts from the summary the last action stored,
    // and never breaks the menu (a workbook not set up).
    addin.emu.calls.reset();
    addin.run('onOpen', {});
    expect(Object.keys(addin.emu.calls.byMethod()).filter((m) => /^(Sheet|Range)\./.test(m))).toEqual([]);
    expect(addin.emu.ui.toasts).toHaveLength(4);
    const bare = loadAddin();
    expect(() => bare.run('onOpen', {})).not.toThrow();
    expect(bare.emu.ui.toasts).toEqual([]);
    expect(bare.emu.ui.menus).toHaveLength(1);
  });

  it('costs the same service calls with 10 or 3,000 invoice rows', () => {
    const counts = [10, 3000].map((n) => {
      const addin = loadAddin();
      owingStudio(addin);
      const sheet = addin.sheet('Invoices');
      const rows = Array.from({ length: n }, (_, i) => [
        `INV-${String(100 + i).padStart(6, '0')}`,
        '',
        'C-0002',
        'history',
        '',
        new Date(Date.UTC(2015, 0, 1 + (i % 300), -10)),
        10,
        10,
        'Paid',
        '',
      ]);
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
      sheet.getRange(sheet.getLastRow() + 1, 1, n, 10).setValues(rows as never);
      addin.emu.calls.reset();
      ok(addin.run('refreshOutstanding', { date: '2016-09-21', today: '2016-09-22' }));
      return addin.emu.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

/**
 * Priya (DD Full) 5 x $220 from Fri 16 Sep: her 16 Sep debit is declined on 20 Sep ($15 fee due that
 * day), billed again and paid on 30 Sep with instalment 2; her 14 Oct debit is declined on 18 Oct.
 */
function priyaStudio(addin: Addin): void {
  billingStudio(addin);
  ok(
    addin.run('addClient', {
      name: 'Priya Shah',
      billingMethod: 'DD Full Integration',
      bsb: '732-000',
      accountNumber: '98765432',
      today: '2016-09-13',
    }),
  );
  ok(addin.run('sellPackage', { clientId: 'C-0004', packageCode: 'PT10-5F', today: '2016-09-13' }));
  debitAndProcess(addin, '2016-09-16', '2016-09-19');
  declinePriya(addin, '2016-09-20', 'Refer to customer');
  debitAndProcess(addin, '2016-09-30', '2016-10-03');
}

function debitAndProcess(addin: Addin, billingDate: string, processed: string): void {
  ok(addin.run('runBilling', { billingDate, today: billingDate }));
  ok(addin.run('createDebitFile', { format: 'aba', today: billingDate }));
  ok(addin.run('markBatchProcessed', { today: processed }));
}

function declinePriya(addin: Addin, date: string, reason: string): void {
  ok(addin.run('processDeclines', { date, declines: [{ clientId: 'C-0004', reason }], today: date }));
}

describe('Outstanding on a date from the Payments rows of then', () => {
  it('a past date: a debit declined on 20 Sep and paid again on 30 Sep is owed, with the fee, in between', () => {
    const addin = loadAddin();
    priyaStudio(addin);
    // Today every invoice of hers is Paid; the Payments rows say what stood on each day.
    expect(rowsOf(addin, 'Payments').map((p) => [p.Date, p['Invoice ID'], p.Amount, p.Method])).toEqual([
      ['2016-09-16', 'INV-000001', 220, 'Direct debit'],
      ['2016-09-20', 'INV-000001', -220, 'Decline'],
      ['2016-09-30', 'INV-000001', 220, 'Direct debit'],
      ['2016-09-30', 'INV-000002', 220, 'Direct debit'],
      ['2016-09-30', 'INV-000006', 15, 'Direct debit'],
    ]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({
      Amount: 15,
      'Due Date': '2016-09-20',
      Status: 'Paid',
    });
    const on = (date: string) => ok<View>(addin.run('getOutstanding', { date, today: '2016-10-05' }));

    expect(on('2016-09-19').clients).toEqual([]);
    expect(on('2016-09-20')).toMatchObject({
      total: 22000,
      clients: [
        {
          clientId: 'C-0004',
          name: 'Priya Shah',
          invoiceIds: ['INV-000001'],
          owed: 22000,
          credit: 0,
          oldestDue: '2016-09-16',
          daysOverdue: 4,
          lastPayment: null,
        },
      ],
    });
    for (const [date, days] of [
      ['2016-09-21', 5],
      ['2016-09-29', 13],
    ] as const)
      expect(on(date)).toMatchObject({
        total: 23500,
        reminder: '1 client has overdue invoices ($235.00)',
        clients: [
          {
            clientId: 'C-0004',
            invoiceIds: ['INV-000001', 'INV-000006'],
            owed: 23500,
            credit: 0,
            oldestDue: '2016-09-16',
            daysOverdue: days,
            lastPayment: null,
          },
        ],
      });
    expect(on('2016-09-30').clients).toEqual([]);
    expect(on('2016-10-05').clients).toEqual([]);

    // The Outstanding tab written for such a date says the same.
    ok(addin.run('refreshOutstanding', { date: '2016-09-25', today: '2016-10-05' }));
    expect(addin.tab('Outstanding')[0]!.slice(0, 6)).toEqual([
      'As Of',
      '2016-09-25',
      'Clients',
      1,
      'Total Owed',
      235,
    ]);
    expect(reportRows(addin, 'Outstanding')).toMatchObject([
      { 'Client ID': 'C-0004', 'Amount Owed': 235, 'Days Overdue': 9, 'Last Payment': '' },
    ]);
  });

  it('a bounced debit is never the last payment: the one before it is', () => {
    const addin = loadAddin();
    priyaStudio(addin);
    debitAndProcess(addin, '2016-10-14', '2016-10-17');
    const on = (date: string) => ok<View>(addin.run('getOutstanding', { date, today: '2016-10-19' }));
    // Before the decline her 14 Oct debit stood: nothing owed.
    expect(on('2016-10-17').clients).toEqual([]);
    declinePriya(addin, '2016-10-18', 'Insufficient funds');
    expect(
      rowsOf(addin, 'Payments')
        .slice(-2)
        .map((p) => [p.Date, p['Invoice ID'], p.Amount]),
    ).toEqual([
      ['2016-10-14', 'INV-000003', 220],
      ['2016-10-18', 'INV-000003', -220],
    ]);

    const after = on('2016-10-19');
    expect(after.clients).toEqual([
      {
        clientId: 'C-0004',
        name: 'Priya Shah',
        billingMethod: 'DD Full Integration',
        invoiceIds: ['INV-000003', 'INV-000007'],
        owed: 22000 + 1500,
        credit: 0,
        oldestDue: '2016-10-14',
        daysOverdue: 5,
        // The 30 Sep debit (instalments 1 and 2 and the first fee), not the reversed $220 of 14 Oct.
        lastPayment: { date: '2016-09-30', amount: 22000 + 1500 + 22000 },
        lastDeclineReason: 'Refer to customer (code 6)',
      },
    ]);
    ok(addin.run('refreshOutstanding', { date: '2016-10-19', today: '2016-10-19' }));
    expect(reportRows(addin, 'Outstanding')).toMatchObject([
      {
        'Client ID': 'C-0004',
        'Invoice IDs': 'INV-000003 INV-000007',
        'Amount Owed': 235,
        'Last Payment': '2016-09-30',
        'Last Payment Amount': 455,
        'Last Decline Reason': 'Refer to customer (code 6)',
      },
    ]);
  });
});
