// Review: Record payment and Record sessions read the history tabs by their columns; on workbooks a person
// has edited (refunds between payments, a decline count, columns missing from an older workbook, columns
// moved, a formula in an unread cell, ID counters lost) they write what a whole read writes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAddin, type Addin } from '../addon/harness';
import { billingStudio } from '../addon/lifecycleStudio';
import { ok, typeRows } from '../addon/studio';
import { outcome, type Step } from '../addon/columnDiff';

const TODAY = '2016-09-20';

function studio(edit: (a: Addin) => void = () => undefined, late?: (a: Addin) => void): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
  ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-13' }));
  edit(addin);
  ok(addin.run('refreshOutstanding', { today: TODAY }));
  late?.(addin);
  return addin;
}

function col(addin: Addin, tab: string, header: string): number {
  return addin.tab(tab)[0]!.map(String).indexOf(header) + 1;
}

function sameAsWholeRead(edit: (a: Addin) => void, steps: Step[], late?: (a: Addin) => void) {
  const [a, b] = [studio(edit, late), studio(edit, late)];
  const cols = outcome(a, false, steps);
  const whole = outcome(b, true, steps);
  // Results, every tab and the document properties: the same as a whole read gives.
  expect(cols.results).toEqual(whole.results);
  expect(cols.workbook).toEqual(whole.workbook);
  expect(cols.properties).toEqual(whole.properties);
  return { addin: a };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const pay = (clientId: string, amount: string, extra: object = {}): Step => ({
  pay: { clientId, amount, today: TODAY, ...extra },
});
const sess = (clientId: string, n: number): Step => ({
  sessions: { clientId, sessions: n, date: TODAY, today: TODAY },
});

describe('desk actions read by columns write what whole reads write', () => {
  it('refund after a payment, then pay and sessions', () => {
    const steps: Step[] = [
      pay('C-0001', '120'),
      { refund: { paymentId: 'R-000001', amount: '20', reason: 'Overcharged', today: TODAY } },
      pay('C-0001', '50'),
      sess('C-0001', 2),
      { refund: { paymentId: 'R-000002', reason: 'Moved away', today: TODAY, stillOwed: true } },
      pay('C-0001', '500'),
      sess('C-0002', 1),
    ];
    sameAsWholeRead(() => undefined, steps);
  });

  it('declined invoice with a decline count and a write-off reason', () => {
    const edit = (a: Addin) => {
      const inv = a.tab('Invoices');
      const r = inv.findIndex((x) => x[2] === 'C-0001' && x[6] === 500) + 1;
      const s = a.sheet('Invoices');
      s.getRange(r, col(a, 'Invoices', 'Status')).setValue('Declined');
      s.getRange(r, col(a, 'Invoices', 'Decline Reason')).setValue('Insufficient funds');
      const dc = col(a, 'Invoices', 'Decline Count');
      if (dc > 0) s.getRange(r, dc).setValue(2);
    };
    const steps: Step[] = [pay('C-0001', '120'), sess('C-0001', 1), pay('C-0001', '380')];
    sameAsWholeRead(edit, steps);
  });

  it('older workbook lacking added columns', () => {
    const edit = (a: Addin) => {
      for (const [tab, hs] of [
        ['Invoices', ['Write-off Date', 'Write-off Reason', 'Decline Count']],
        ['Payments', ['Reason', 'Refund Of', 'Receipt ID', 'Provider Ref', 'Batch ID']],
      ] as const)
        for (const h of hs) {
          const c = col(a, tab, h);
          if (c > 0) a.sheet(tab).deleteColumns(c, 1);
        }
    };
    const steps: Step[] = [pay('C-0001', '120'), sess('C-0001', 1), pay('C-0002', '900')];
    sameAsWholeRead(edit, steps);
  });

  it('formula in an unread cell of the updated invoice row, columns moved', () => {
    const edit = (a: Addin) => {
      const inv = a.tab('Invoices');
      const r = inv.findIndex((x) => x[2] === 'C-0001' && x[6] === 500) + 1;
      const s = a.sheet('Invoices');
      s.getRange(r, col(a, 'Invoices', 'Instalment')).setFormula('=1+0');
      // Swap Paid and Description (header and values).
      const p = col(a, 'Invoices', 'Paid');
      const d = col(a, 'Invoices', 'Description');
      const n = s.getLastRow();
      const pv = s.getRange(1, p, n, 1).getValues();
      const dv = s.getRange(1, d, n, 1).getValues();
      s.getRange(1, p, n, 1).setValues(dv);
      s.getRange(1, d, n, 1).setValues(pv);
    };
    const steps: Step[] = [pay('C-0001', '120'), pay('C-0001', '380')];
    const { addin } = sameAsWholeRead(edit, steps);
    // The payments rewrote Paid, Status and Balance of that row; the Instalment formula is still there.
    const r = addin.tab('Invoices').findIndex((x) => x[2] === 'C-0001' && x[6] === 500) + 1;
    const s = addin.sheet('Invoices');
    expect(s.getRange(r, col(addin, 'Invoices', 'Instalment')).getFormula()).toBe('=1+0');
    expect(s.getRange(r, col(addin, 'Invoices', 'Status')).getValue()).toBe('Paid');
  });

  it('ID counters lost, hand-pasted higher IDs', () => {
    const edit = (a: Addin) => {
      typeRows(a, 'Payments', [
        {
          'Payment ID': 'P-000050',
          Date: new Date(Date.UTC(2016, 8, 14, -10)),
          'Client ID': 'C-0002',
          'Invoice ID': '',
          Amount: 5,
          Method: 'Cash',
          'Receipt ID': 'R-000040',
        },
      ]);
      for (const k of [...a.emu.properties.document.keys()])
        if (k.startsWith('studioLedger.lastId.')) a.emu.properties.document.delete(k);
    };
    const steps: Step[] = [pay('C-0001', '120'), sess('C-0001', 1), pay('C-0002', '10')];
    sameAsWholeRead(edit, steps);
  });
});
