// @vitest-environment happy-dom
// The Outstanding invoices sidebar shows a client's credit netted off what they owe.
import { describe, expect, it } from 'vitest';
import { mountOutstanding } from '../../src/ui/outstanding';
import type { ServerCall } from '../../src/ui/lib/server';

const client = (clientId: string, owed: number, credit: number) => ({
  clientId,
  name: clientId === 'C-0006' ? 'Dan Nguyen' : 'Cara Smith',
  billingMethod: 'DD Full Integration',
  invoiceIds: ['INV-000009'],
  owed,
  credit,
  oldestDue: '2016-09-30',
  daysOverdue: 1,
  lastPayment: { date: '2016-09-16', amount: 12000 },
  lastDeclineReason: '',
});

describe('Outstanding invoices sidebar: credit', () => {
  it('says how much credit was netted off, and nothing for a client without credit', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    const view = {
      today: '2016-10-01',
      asOf: '2016-10-01',
      clients: [client('C-0005', 16000, 0), client('C-0006', 2900, 2100)],
      total: 18900,
      reminder: '2 clients have overdue invoices ($189.00)',
      written: false,
    };
    const call: ServerCall = async <T>() => ({ ok: true, value: view }) as T;
    await mountOutstanding(app, call);
    const dan = app.querySelector('[data-client-id="C-0006"]')!;
    expect(dan.querySelector('[data-testid="owed"]')!.textContent).toBe(
      '$29.00 in 1 invoice, oldest due Fri 30 Sep 2016 (1 day overdue)',
    );
    expect(dan.querySelector('[data-testid="credit"]')!.textContent).toBe(
      'After $21.00 credit (received, not yet spent on an invoice)',
    );
    expect(app.querySelector('[data-client-id="C-0005"] [data-testid="credit"]')).toBeNull();
  });
});
