// The opening toast counts from the summary every money action stores, through the real bundle: after
// each action, on that day and on later days, it says what Outstanding says from the ledger (with the
// summary's date), and onOpen reads no tab, however long Invoices is.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/money';
import { type Addin } from './harness';
import { billingStudio, clockedAddin } from './lifecycleStudio';
import { ok } from './studio';

interface Outstanding {
  reminder: string | null;
}

const AUTH = { authMode: 'LIMITED' };

/** What the toast says on `day`, and what it should say: Outstanding's own reminder, with the ledger's date. */
function toastOn(
  addin: Addin,
  at: (d: string) => void,
  day: string,
  asOf: string,
): { seen: string | null; expected: string | null } {
  at(day);
  const before = addin.emu.ui.toasts.length;
  addin.run('onOpen', AUTH);
  const seen = addin.emu.ui.toasts.length > before ? addin.emu.ui.toasts.at(-1)!.message : null;
  const truth = ok<Outstanding>(addin.run('getOutstanding', { date: day, today: day })).reminder;
  return { seen, expected: truth ? `${truth}; ledger as of ${asOf}` : null };
}

const LATER = [0, 1, 3, 8, 20];

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('the overdue summary behind the opening toast', () => {
  it('after every money action, counts on later days what Outstanding counts from the ledger', () => {
    const { addin, at } = clockedAddin('2016-09-13');
    billingStudio(addin);
    const steps: [string, () => void][] = [
      [
        '2016-09-13',
        () =>
          ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' })),
      ],
      [
        '2016-09-13',
        () => ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-13' })),
      ],
      [
        '2016-09-13',
        () => ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' })),
      ],
      [
        '2016-09-13',
        () =>
          ok(
            addin.run('addAdHocInvoice', {
              clientId: 'C-0001',
              description: 'Protein powder',
              amount: '49.95',
              dueDate: '2016-09-14',
              today: '2016-09-13',
            }),
          ),
      ],
      ['2016-09-16', () => ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }))],
      ['2016-09-16', () => ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }))],
      ['2016-09-19', () => ok(addin.run('markListPaid', { today: '2016-09-19' }))],
      ['2016-09-19', () => ok(addin.run('markBatchProcessed', { today: '2016-09-19' }))],
      [
        '2016-09-20',
        () =>
          ok(
            addin.run('processDeclines', {
              date: '2016-09-20',
              declines: [{ clientId: 'C-0001', reason: 'Insufficient funds' }],
              today: '2016-09-20',
            }),
          ),
      ],
      [
        '2016-09-21',
        () =>
          ok(
            addin.run('recordPayment', {
              clientId: 'C-0002',
              amount: '700',
              method: 'cash',
              today: '2016-09-21',
            }),
          ),
      ],
      // Not read by a sale: C-0002's credit is kept from the stored summary.
      [
        '2016-09-22',
        () => ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-22' })),
      ],
      [
        '2016-09-23',
        () =>
          ok(addin.run('writeOffInvoice', { invoiceId: 'INV-000009', reason: 'Gift', today: '2016-09-23' })),
      ],
      ['2016-09-24', () => ok(addin.run('runDailyUpkeep', { today: '2016-09-24' }))],
    ];
    const seen: { seen: string | null; expected: string | null }[] = [];
    for (const [today, act] of steps) {
      act();
      for (const n of LATER) seen.push(toastOn(addin, at, addDays(today, n), today));
    }
    for (const s of seen) expect(s.seen).toBe(s.expected);
    // The story owes on some days and not others: the check above compared real reminders.
    expect(seen.filter((s) => s.expected !== null).length).toBeGreaterThan(10);
  });

  it('onOpen reads no tab, with 3,000 invoice rows or 3', () => {
    const counts = [3, 3000].map((n) => {
      const { addin, at } = clockedAddin('2016-09-13');
      billingStudio(addin);
      // n unpaid $1 invoices due 14 Sep, put on the tab by hand, then one action stores the summary.
      const sheet = addin.sheet('Invoices');
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
      const rows = Array.from({ length: n }, (_, i) => {
        const cells: Record<string, unknown> = {
          'Invoice ID': `H-${String(i + 1).padStart(6, '0')}`,
          'Client ID': `C-000${1 + (i % 3)}`,
          Description: 'Towel',
          'Due Date': new Date(Date.UTC(2016, 8, 13, 14)),
          Amount: 1,
          Paid: 0,
          Status: 'Open',
          Balance: 1,
        };
        return header.map((h) => cells[h] ?? '');
      });
      if (n + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
      sheet.getRange(2, 1, n, header.length).setValues(rows as never);
      ok(addin.run('refreshOutstanding', { today: '2016-09-13' }));
      at('2016-09-20');
      addin.emu.calls.reset();
      addin.run('onOpen', AUTH);
      expect(addin.emu.ui.toasts.at(-1)?.message).toBe(
        `3 clients have overdue invoices (${formatMoney(n * 100)}); ledger as of 2016-09-13`,
      );
      return addin.emu.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(Object.keys(counts[0]!).filter((m) => /^(Sheet|Range)\./.test(m))).toEqual([]);
  });
});
