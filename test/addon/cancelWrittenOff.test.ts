// Cancelling a sale leaves an invoice the studio wrote off as it is: written off, on the statement.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { billingStudio, ok } from './studio';

describe('cancel and write-off', () => {
  it('a written-off instalment after the cancel date stays Written off; the other later ones are Cancelled', () => {
    const addin = billingStudio(loadAddin());
    ok(
      addin.run('writeOffInvoice', {
        invoiceId: 'INV-000005',
        reason: 'moved away',
        date: '2016-09-20',
        today: '2016-09-20',
      }),
    );
    ok(addin.run('cancelSale', { saleId: 'S-000001', from: '2016-10-01', today: '2016-09-20' }));
    const status = Object.fromEntries(
      records(addin.tab('Invoices'))
        .filter((i) => i['Sale ID'] === 'S-000001')
        .map((i) => [i['Invoice ID'], i['Status']]),
    );
    expect(status).toEqual({
      'INV-000001': 'Open',
      'INV-000002': 'Open',
      'INV-000003': 'Cancelled',
      'INV-000004': 'Cancelled',
      'INV-000005': 'Written off',
    });
  });
});
