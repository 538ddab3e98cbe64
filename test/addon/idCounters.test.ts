// The batch actions (Process Billing, the debit file, mark paid, mark processed) look invoices up and raise
// the ID counters from the integrity check's index of the tabs: an ID of another spelling is still found,
// a pasted higher ID still raises its counter (and one with a space before it, which the cell does not
// count, still does not), and a repeated ID is still refused with the same message, nothing written.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

const studio = (): Addin => billingStudio(loadAddin(), { balancing: true });
const today = '2016-09-16';

/** Types over an Invoice ID cell, as a person would. */
function setInvoiceId(addin: Addin, from: string, to: string): void {
  const rows = addin.tab('Invoices');
  const r = rows.findIndex((row) => row[0] === from);
  addin
    .sheet('Invoices')
    .getRange(r + 1, 1)
    .setValue(to);
}

const counter = (addin: Addin, kind: string) =>
  addin.emu.properties.document.get(`studioLedger.lastId.${kind}`);
const invoice = (addin: Addin, id: string) =>
  records(addin.tab('Invoices')).find((i) => i['Invoice ID'] === id);

/** Every tab's values and every document property: what a refused action must leave as it was. */
const workbook = (addin: Addin) => ({
  tabs: addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()),
  props: [...addin.emu.properties.document.entries()],
});

function refused(addin: Addin, fn: string, req: object): string {
  const r = addin.run<{ ok: boolean; error: string }>(fn, { ...req, today });
  expect(r.ok, fn).toBe(false);
  return r.error;
}

describe('ID counters and look-ups through a batch', () => {
  it('finds an invoice of another spelling, and a pasted higher ID raises the counter a later sale takes', () => {
    const addin = studio();
    setInvoiceId(addin, 'INV-000009', 'INV-9');
    setInvoiceId(addin, 'INV-000006', 'INV-000950');
    const run = ok<{ rows: { clientId: string; invoiceIds: string[] }[] }>(
      addin.run('runBilling', { billingDate: today, today }),
    );
    expect(run.rows.map((r) => [r.clientId, r.invoiceIds])).toEqual([
      ['C-0001', ['INV-9', 'INV-000001']],
      ['C-0004', ['INV-000008']],
      ['C-0003', ['INV-000007']],
    ]);
    expect([counter(addin, 'invoice'), counter(addin, 'batch')]).toEqual(['950', '1']);
    ok(addin.run('createDebitFile', { format: 'aba', today }));
    expect(invoice(addin, 'INV-9')).toMatchObject({
      Status: 'Sent',
      'Batch ID': 'B-000001',
      'Sent Amount': 49.95,
    });
    ok(addin.run('markListPaid', { today: '2016-09-19' }));
    ok(addin.run('markBatchProcessed', { batchId: 'B-000001', today: '2016-09-19' }));
    expect(invoice(addin, 'INV-9')).toMatchObject({ Status: 'Paid', Paid: 49.95 });
    expect(records(addin.tab('Payments')).map((p) => [p['Payment ID'], p['Invoice ID']])).toEqual([
      ['P-000001', 'INV-000007'],
      ['P-000002', 'INV-000001'],
      ['P-000003', 'INV-000008'],
      ['P-000004', 'INV-9'],
    ]);
    ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-19' }));
    expect(records(addin.tab('Invoices')).at(-1)!['Invoice ID']).toBe('INV-000951');
  });

  it('a space before a pasted higher ID: the cell has no number, so nothing is raised; one after it counts', () => {
    for (const [typed, next] of [
      [' INV-000960', 'INV-000010'],
      ['INV-000960 ', 'INV-000961'],
    ] as const) {
      const addin = studio();
      setInvoiceId(addin, 'INV-000006', typed);
      ok(addin.run('runBilling', { billingDate: today, today }));
      ok(addin.run('createDebitFile', { format: 'aba', today }));
      ok(addin.run('markBatchProcessed', { batchId: 'B-000001', today: '2016-09-19' }));
      ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-19' }));
      expect(records(addin.tab('Invoices')).at(-1)!['Invoice ID'], typed).toBe(next);
    }
  });

  it('a pasted copy of an Invoices row is refused by each of them with the same message, nothing written', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: today, today }));
    ok(addin.run('createDebitFile', { format: 'aba', today }));
    const sheet = addin.sheet('Invoices');
    const width = sheet.getLastColumn();
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, width).setValues(sheet.getRange(3, 1, 1, width).getValues());
    const before = workbook(addin);
    const line =
      'Invoices row 11, column Invoice ID: INV-000002 is also on row 3: an ID may appear once (a pasted copy?)';
    expect(refused(addin, 'createDebitFile', { format: 'aba' })).toBe(line);
    expect(refused(addin, 'markListPaid', {})).toBe(line);
    expect(refused(addin, 'markBatchProcessed', { batchId: 'B-000001' })).toBe(line);
    expect(refused(addin, 'runBilling', { billingDate: '2016-09-30' })).toBe(line);
    expect(workbook(addin)).toEqual(before);
  });
});
