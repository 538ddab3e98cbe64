// @vitest-environment happy-dom
// The DD changes sidebar: the clients to tell the DD company about with old and new side by side (the
// workbook's text as text), Mark notified for one client or all, the CSV download, and a debit schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { mountDdChanges } from '../../src/ui/ddChanges';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

const EVIL = '<img src=x onerror="window.hacked=1"> Wong';

function view(marked: string[] = []): ServerValue<'getDdChanges'> {
  return {
    today: '2016-10-04',
    since: '2016-10-04',
    firstRun: false,
    compared: 2,
    csv: 'Client ID,Name\r\nC-0003,Alex\r\n',
    marked,
    clients: marked.length
      ? []
      : [
          {
            clientId: 'C-0003',
            name: EVIL,
            billingMethod: 'DD Reconciliation',
            notice: null,
            changes: [{ kind: 'Paused', note: 'skips 2016-10-14; next debit 2016-10-28 $160.00' }],
            lines: [
              { oldDate: '2016-10-14', oldAmount: 16000, newDate: null, newAmount: null, note: 'gone' },
              {
                oldDate: '2016-10-28',
                oldAmount: 16000,
                newDate: '2016-10-28',
                newAmount: 16000,
                note: 'same',
              },
            ],
            schedule: {
              clientId: 'C-0003',
              debits: [],
              summary: null,
              openEnded: true,
              horizon: 6,
              blocked: null,
              held: [],
              creditApplied: 0,
            },
          },
        ],
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DD changes sidebar', () => {
  it('lists what changed side by side as text, marks one client notified, downloads the CSV', async () => {
    const saved: [string, string][] = [];
    const { call, calls } = fakeServer({
      getDdChanges: (req) => ({ ok: true, value: view(req.markNotified ? ['C-0003'] : []) }),
      getDebitSchedule: () => ({ ok: false, error: 'not asked' }),
    });
    const root = document.createElement('main');
    document.body.append(root);
    await mountDdChanges(root, call, (name, content) => saved.push([name, content]));

    const card = root.querySelector('[data-client="C-0003"]')!;
    expect(card.querySelector('h2')!.textContent).toBe(`${EVIL} (C-0003)`);
    expect(root.querySelector('img')).toBeNull();
    expect(card.querySelector('li')!.textContent).toBe(
      'Paused: skips 2016-10-14; next debit 2016-10-28 $160.00',
    );
    const cells = [...card.querySelectorAll('[data-testid="side-by-side"] td')].map((td) => td.textContent);
    expect(cells).toEqual([
      'Fri 14 Oct 2016 $160.00',
      '—',
      'Fri 28 Oct 2016 $160.00',
      'Fri 28 Oct 2016 $160.00',
    ]);

    (root.querySelector('button:not(.action)') as HTMLButtonElement).click(); // Download CSV
    expect(saved).toEqual([['dd-changes-2016-10-04.csv', 'Client ID,Name\r\nC-0003,Alex\r\n']]);

    (card.querySelector('button') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.map((c) => c.arg)).toEqual([{}, { markNotified: true, clientIds: ['C-0003'] }]);
    expect(root.querySelector('.status')!.textContent).toBe('Marked notified as of Tue 4 Oct 2016: C-0003.');
    expect(root.querySelector('[data-client]')).toBeNull();
  });
});
