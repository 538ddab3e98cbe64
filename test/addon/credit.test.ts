// Credits are money, through the real bundle: Dan's DD report pays $120 for his $99 invoice, so $21 is
// kept as credit. It is netted off what he owes until the daily upkeep spends it on what has fallen due
// (a pair of Payments rows dated that day), once; the sum of his Payments stays the money received.
import { describe, expect, it } from 'vitest';
import { records, type Addin } from './harness';
import { invoice, studio } from './reconcileStudio';
import { ok } from './studio';

const REPORT = [
  'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
  'P2,HPT-DAN,,"Nguyen, Dan",16/09/2016,19/09/2016,120.00,120.00,S,,',
].join('\n');

interface Upkeep {
  creditSpent: { clientId: string; amount: number; invoiceIds: string[] }[];
  overdueClients: number;
  overdueTotal: number;
}
interface Outstanding {
  total: number;
  reminder: string | null;
  clients: { clientId: string; invoiceIds: string[]; owed: number; credit: number; lastPayment: unknown }[];
}

const dans = (addin: Addin) => records(addin.tab('Payments')).filter((p) => p['Client ID'] === 'C-0006');
const cents = (rows: Record<string, unknown>[]) =>
  Math.round(rows.reduce((s, p) => s + Number(p.Amount) * 100, 0));

/** Dan's $21 credit from the report, and an ad-hoc charge of `amount` due 30 Sep (its Invoice ID). */
function withCredit(amount: string): { addin: Addin; charge: string } {
  const addin = studio();
  ok(addin.run('applyReconcile', { text: REPORT, today: '2016-09-20' }));
  expect(dans(addin).map((p) => [p['Invoice ID'], p.Amount])).toEqual([
    ['INV-000007', 99],
    ['', 21],
  ]);
  const charge = ok<{ id: string }>(
    addin.run('addAdHocInvoice', {
      clientId: 'C-0006',
      description: 'Resistance bands',
      amount,
      dueDate: '2016-09-30',
      today: '2016-09-21',
    }),
  ).id;
  return { addin, charge };
}

describe('Credit', () => {
  it('is netted off Outstanding until the upkeep spends it once, as a pair dated that day', () => {
    const { addin, charge } = withCredit('50');
    const receivedOn = dans(addin)[1]!.Date;

    // Not due yet: the upkeep of 29 Sep spends nothing.
    expect(ok<Upkeep>(addin.run('runDailyUpkeep', { today: '2016-09-29' })).creditSpent).toEqual([]);
    // 1 Oct, before any upkeep that day: $50 overdue, $21 of credit netted off.
    const before = ok<Outstanding>(addin.run('getOutstanding', { date: '2016-10-01', today: '2016-10-01' }));
    expect(before.clients.find((c) => c.clientId === 'C-0006')).toMatchObject({
      invoiceIds: [charge],
      owed: 2900,
      credit: 2100,
    });

    const spent = ok<Upkeep>(addin.run('runDailyUpkeep', { today: '2016-10-01' }));
    expect(spent.creditSpent).toEqual([{ clientId: 'C-0006', amount: 2100, invoiceIds: [charge] }]);
    expect(dans(addin).map((p) => [p.Date, p['Invoice ID'], p.Amount, p.Method])).toEqual([
      [receivedOn, 'INV-000007', 99, 'DD report'],
      [receivedOn, '', 21, 'DD report'],
      ['2016-10-01', '', -21, 'Credit'],
      ['2016-10-01', charge, 21, 'Credit'],
    ]);
    expect(
      dans(addin)
        .slice(2)
        .map((p) => p.Reference),
    ).toEqual([`Credit spent on ${charge}`, `Credit spent on ${charge}`]);
    expect(invoice(addin, charge)).toMatchObject({ Status: 'Part paid', Paid: 21, Balance: 29 });
    // The sum of Dan's Payments is still the $120 he paid.
    expect(cents(dans(addin))).toBe(12000);
    // The upkeep's Outstanding tab: he owes $29, no credit left; the Log says what was spent.
    const tab = records(addin.tab('Outstanding').slice(2)).find((r) => r['Client ID'] === 'C-0006')!;
    expect(tab).toMatchObject({ 'Amount Owed': 29, Credit: '', 'Invoice IDs': charge });
    const log = records(addin.tab('Log')).at(-1)!;
    expect(log.Details).toContain(`credit spent: C-0006 $21.00 on ${charge}`);

    // Again that day and the next: nothing spent twice.
    const payments = addin.tab('Payments');
    const invoices = addin.tab('Invoices');
    expect(ok<Upkeep>(addin.run('runDailyUpkeep', { today: '2016-10-01' })).creditSpent).toEqual([]);
    expect(ok<Upkeep>(addin.run('runDailyUpkeep', { today: '2016-10-02' })).creditSpent).toEqual([]);
    expect(addin.tab('Payments')).toEqual(payments);
    expect(addin.tab('Invoices')).toEqual(invoices);
    const after = ok<Outstanding>(addin.run('getOutstanding', { date: '2016-10-02', today: '2016-10-02' }));
    expect(after.clients.find((c) => c.clientId === 'C-0006')).toMatchObject({
      owed: 2900,
      credit: 0,
      // Spending credit is no payment of its own: the last money from Dan is the report's.
      lastPayment: { date: receivedOn, amount: 12000 },
    });
  });

  it('a credit that covers what is due pays it in full, and what is left shows on Balances and off the toast', () => {
    const { addin, charge } = withCredit('15');

    // On opening (today, long after): the toast counts what the Outstanding list counts, Dan not among them.
    addin.run('onOpen', {});
    const now = ok<Outstanding>(addin.run('getOutstanding', {}));
    expect(now.clients.map((c) => c.clientId)).not.toContain('C-0006');
    // (counted today from the summary the last action stored, which says its day)
    expect(addin.emu.ui.toasts.at(-1)?.message).toMatch(/; ledger as of \d{4}-\d{2}-\d{2}$/);
    expect(addin.emu.ui.toasts.at(-1)?.message.replace(/; ledger as of .*$/, '')).toBe(now.reminder);

    // 1 Oct, before the upkeep: Dan's $21 covers the $15, so he is not on the list.
    const view = ok<Outstanding>(addin.run('getOutstanding', { date: '2016-10-01', today: '2016-10-01' }));
    expect(view.clients.map((c) => c.clientId)).not.toContain('C-0006');

    ok(addin.run('runDailyUpkeep', { today: '2016-10-01' }));
    expect(invoice(addin, charge)).toMatchObject({ Status: 'Paid', Paid: 15, Balance: 0 });
    expect(
      dans(addin)
        .slice(2)
        .map((p) => [p.Date, p['Invoice ID'], p.Amount]),
    ).toEqual([
      ['2016-10-01', '', -15],
      ['2016-10-01', charge, 15],
    ]);
    expect(cents(dans(addin))).toBe(12000);
    const outstanding = ok<Outstanding>(
      addin.run('getOutstanding', { date: '2016-10-01', today: '2016-10-01' }),
    );
    expect(outstanding.clients.map((c) => c.clientId)).not.toContain('C-0006');

    // Balances: the $6 left sits on Dan's other-charges row; the totals net it off.
    const balances = addin.tab('Balances');
    const dan = records(balances.slice(2)).filter((r) => r['Client ID'] === 'C-0006');
    expect(dan.map((r) => [r['Sale ID'], r.Package, r.Owed, r.Credit])).toEqual([
      ['', 'Other charges', 0, 6],
    ]);
    const [owedLabel, owed, creditLabel, credit, netLabel, net] = balances[0]!.slice(4);
    expect([owedLabel, creditLabel, netLabel, credit]).toEqual(['Owed', 'Credit', 'Net Owed', 6]);
    expect(Math.round(Number(net) * 100)).toBe(Math.round(Number(owed) * 100) - 600);
  });
});
