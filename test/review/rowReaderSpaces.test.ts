// The row reader's quick path for text must give what readText gives: String.prototype.trim removes
// Unicode spaces too (a no-break space pasted from a web page or an email), not only ASCII ones.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';
import { readPayments } from '../../src/sheets/tabs/payments';

const header = TABS.payments.columns.slice(0, 7).map((c) => c.header);
const row = (client: string, id = 'P-000001'): CellValue[] => [
  id,
  { date: '2016-09-16' },
  client,
  'INV-000001',
  220,
  'Cash',
  '',
];

describe('row reader text with Unicode edge spaces', () => {
  it('trims a no-break space as readText does', () => {
    const values = [header, row('C-0001\u00a0'), row('\u2003C-0002')];
    const [a, b] = readPayments(readTable(TABS.payments, { name: 'Payments', values }));
    expect(a!.clientId).toBe('C-0001');
    expect(b!.clientId).toBe('C-0002');
  });

  it('refuses a required cell holding only a no-break space as empty', () => {
    const values = [header, row('C-0001', '\u00a0')];
    expect(() => readPayments(readTable(TABS.payments, { name: 'Payments', values }))).toThrow(/is empty/);
  });
});
