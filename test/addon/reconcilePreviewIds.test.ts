// A reconcile preview reserves no ID: it shows the dishonour fees apply would make if nothing else is
// saved first, apply makes exactly those, and when something was saved in between apply says so.
import { describe, expect, it } from 'vitest';
import { records } from './harness';
import { fixture, studio, type View } from './reconcileStudio';
import { ok } from './studio';

const text = fixture('ezidebit-payments-sample.csv');
const feeIds = (addin: ReturnType<typeof studio>) =>
  records(addin.tab('Invoices'))
    .filter((i) => String(i.Description).startsWith('Dishonour fee'))
    .map((i) => i['Invoice ID']);
const notes = (v: View) => v.rows.filter((r) => r.outcome === 'Declined').map((r) => r.note);

describe('reconcile preview and the IDs it shows', () => {
  it('uses up no ID: apply makes the fees the preview announced, with no gap after them', () => {
    const addin = studio();
    const counter = () => addin.emu.properties.document.get('studioLedger.lastId.invoice');
    const before = counter();
    const preview = ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    expect(notes(preview)).toEqual([
      'Matched by DD reference to B-000001: Refer to customer (code 6); dishonour fee INV-000009 $15.00',
      'Matched by DD reference to B-000001: Account closed (code 3); dishonour fee INV-000010 $15.00; client now DD stopped',
    ]);
    expect(counter()).toBe(before);
    // Previewing again still announces the same IDs.
    expect(notes(ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' })))).toEqual(
      notes(preview),
    );

    const applied = ok<View & { notice: string }>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(notes(applied)).toEqual(notes(preview));
    expect(applied.notice).toBe('');
    expect(feeIds(addin)).toEqual(['INV-000009', 'INV-000010']);
    const next = ok<{ invoiceId: string }>(
      addin.run('addAdHocInvoice', {
        clientId: 'C-0004',
        description: 'Towel',
        amount: '5',
        dueDate: '2016-09-30',
        today: '2016-09-20',
      }),
    );
    expect(JSON.stringify(next)).toContain('INV-000011');
  });

  it('apply re-plans when an invoice was saved after the preview, and says its fee IDs differ', () => {
    const addin = studio();
    const preview = ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    expect(notes(preview).map((n) => /INV-\d+/.exec(n)?.[0])).toEqual(['INV-000009', 'INV-000010']);
    ok(
      addin.run('addAdHocInvoice', {
        clientId: 'C-0004',
        description: 'Towel',
        amount: '5',
        dueDate: '2016-09-30',
        today: '2016-09-20',
      }),
    ); // INV-000009
    const applied = ok<View & { notice: string }>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(notes(applied)).toEqual([
      'Matched by DD reference to B-000001: Refer to customer (code 6); dishonour fee INV-000010 $15.00 (the preview showed INV-000009)',
      'Matched by DD reference to B-000001: Account closed (code 3); dishonour fee INV-000011 $15.00 (the preview showed INV-000010); client now DD stopped',
    ]);
    expect(applied.notice).toBe(
      'Apply numbered the dishonour fees INV-000010 INV-000011, not INV-000009 INV-000010 as the preview showed: other invoices took those numbers first.',
    );
    expect(feeIds(addin)).toEqual(['INV-000010', 'INV-000011']);
  });
});
