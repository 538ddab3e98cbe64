// Text the studio types stays text in every tab: written into plain-text ('@') cells, so Sheets' input
// parsing (which the emulation does by the spreadsheet's locale) never turns `March 2024`, `1 Feb` or
// `10am` into a date or a time; the Log's Timestamp is a date-time value, not text to be parsed.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { ok, setUpStudio } from './studio';

const NAMES = ['March 2024', '1 Feb', '10am', '05/01/2024'];

describe('text is text', () => {
  it('names and descriptions that look like dates or times stay as typed, on written and regenerated tabs', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const ids = NAMES.map(
      (name) =>
        ok<{ id: string }>(addin.run('addClient', { name, accountName: name, today: '2016-09-09' })).id,
    );
    for (const [i, id] of ids.entries())
      ok(
        addin.run('addAdHocInvoice', {
          clientId: id,
          description: NAMES[i],
          amount: '10',
          dueDate: '2016-09-10',
          today: '2016-09-09',
        }),
      );
    const clients = records(addin.tab('Clients')).slice(-NAMES.length);
    expect(clients.map((c) => c.Name)).toEqual(NAMES);
    expect(clients.map((c) => c['Account Name'])).toEqual(NAMES);
    const invoices = records(addin.tab('Invoices'));
    expect(invoices.map((i) => i.Description)).toEqual(NAMES);

    ok(addin.run('refreshOutstanding', { date: '2016-09-20', today: '2016-09-20' }));
    const sheet = addin.sheet('Outstanding');
    const names = sheet
      .getDataRange()
      .getValues()
      .filter((r) => ids.includes(String(r[0])))
      .map((r) => r[1]);
    expect(names).toEqual(NAMES);
  });

  it('the Log Timestamp is a date-time value shown day first, whatever the locale would make of text', () => {
    const addin = loadAddin();
    ok(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    const log = addin.sheet('Log');
    const cell = log.getRange(2, 1);
    expect(cell.getValue()).toBeInstanceOf(Date);
    expect(cell.getDisplayValue()).toMatch(/^09\/09\/2016 \d\d:\d\d:\d\d$/);
    expect(log.getRange(2, 2).getNumberFormat()).toBe('@');
  });
});
