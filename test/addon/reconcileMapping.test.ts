// A report layout we do not know: the mapping form starts from a guess, a mapping that cannot read the
// report is refused, a saved mapping can be changed, and one that reads nothing asks to be changed.
import { describe, expect, it } from 'vitest';
import type { Addin } from './harness';
import { studio, type View } from './reconcileStudio';
import { ok } from './studio';

const text = 'Ref;When;Dollars;Result\nHPT-BEN;16/09/2016;220.00;OK\nHPT-DAN;16/09/2016;99.00;BOUNCED\n';
const HEADERS = ['Ref', 'When', 'Dollars', 'Result'];
const mapping = {
  reference: ['Ref'],
  date: 'When',
  amount: 'Dollars',
  status: 'Result',
  paidValues: ['OK'],
  declinedValues: ['BOUNCED'],
};

interface Form {
  headers: string[];
  mapping: Record<string, unknown>;
  values: Record<string, string[]>;
  saved: boolean;
}
type Answer =
  | { ok: true; value: View & { mapping: Form | null } }
  | { ok: false; error: string; field: string; form: Form };

const saved = (addin: Addin) =>
  [...addin.emu.properties.document.keys()].filter((k) => k.startsWith('studioLedger.mapping.'));
const save = (addin: Addin, m: Record<string, unknown>, withText = true) =>
  addin.run<{ ok: boolean; error?: string }>('saveReportMapping', {
    headers: HEADERS,
    mapping: m,
    ...(withText ? { text } : {}),
    today: '2016-09-20',
  });

describe('mapping the columns of an unknown report', () => {
  it('the form starts from a guess by header names, with the report’s status values sorted', () => {
    const addin = studio();
    const r = addin.run<Answer>('previewReconcile', { text, today: '2016-09-20' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe('mapping');
    expect(r.form).toMatchObject({
      headers: HEADERS,
      saved: false,
      mapping: { reference: ['Ref'], date: 'When', amount: 'Dollars', status: 'Result' },
      values: { Result: ['OK', 'BOUNCED'] },
    });
    expect(r.form.mapping.paidValues).toContain('OK');
    expect(r.form.mapping.declinedValues).toContain('BOUNCED');
  });

  it('refuses one column for two roles and an amount column that holds no amounts; saves nothing', () => {
    const addin = studio();
    expect(save(addin, { ...mapping, date: 'Ref' })).toEqual({
      ok: false,
      error:
        'The column "Ref" is chosen as both the reference and the date: choose a different column for each.',
      field: 'mapping',
    });
    expect(save(addin, { ...mapping, amount: 'Result', status: undefined })).toMatchObject({
      ok: false,
      error:
        'The column "Result" holds no amounts (row 2: "OK" is not an amount of money): choose the column with the amount.',
    });
    expect(saved(addin)).toEqual([]);
  });

  it('checks against the DD Report tab when nothing is pasted', () => {
    const addin = studio();
    const rows = text
      .trim()
      .split('\n')
      .map((l) => l.split(';'));
    addin.sheet('DD Report').getRange(2, 1, rows.length, 4).setValues(rows);
    expect(save(addin, { ...mapping, amount: 'Result', status: undefined }, false)).toMatchObject({
      ok: false,
      error:
        'The column "Result" holds no amounts (row 3: "OK" is not an amount of money): choose the column with the amount.',
    });
    ok(save(addin, mapping, false));
    const view = ok<View>(addin.run('previewReconcile', { today: '2016-09-20' }));
    expect(view.rows.map((r) => [r.reportRow, r.outcome])).toEqual([
      [3, 'Paid'],
      [4, 'Declined'],
    ]);
  });

  it('a saved mapping comes back with the preview and can be changed', () => {
    const addin = studio();
    ok(save(addin, { ...mapping, declinedValues: ['Declined'] }));
    const first = addin.run<Answer>('previewReconcile', { text, today: '2016-09-20' });
    if (!first.ok) throw new Error(first.error);
    expect(first.value.rows.map((r) => [r.outcome, r.note])).toEqual([
      ['Paid', 'Matched by DD reference to B-000001'],
      ['Error', 'Row 3, column Result: unknown status "BOUNCED" (expected OK, Declined)'],
    ]);
    expect(first.value.mapping).toMatchObject({
      saved: true,
      mapping: { reference: ['Ref'], amount: 'Dollars', declinedValues: ['Declined'] },
    });
    ok(save(addin, mapping));
    expect(saved(addin)).toHaveLength(1);
    const view = ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    expect(view.rows.map((r) => r.outcome)).toEqual(['Paid', 'Declined']);
  });

  it('a saved mapping that reads no row is refused with the first error and the form to change it', () => {
    const addin = studio();
    // Saved with no report to check it against: nothing tells yet that "Result" holds no amounts.
    ok(save(addin, { ...mapping, amount: 'Result', status: undefined }, false));
    const r = addin.run<Answer>('applyReconcile', { text, today: '2016-09-20' });
    expect(r).toMatchObject({
      ok: false,
      field: 'mapping',
      error:
        'No row of the report could be read (2 rows with errors). Row 2, column Result: "OK" is not an amount of money.',
      form: { saved: true, mapping: { amount: 'Result' } },
    });
  });
});
