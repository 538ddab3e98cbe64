// The DD changes CSV: text a spreadsheet would run as a formula gets an apostrophe; amounts stay plain.
import { describe, expect, it } from 'vitest';
import type { DebitSchedule } from '../../src/core/ledger/schedule';
import { ddChangesCsv, guardCsvText } from '../../src/sheets/tabs/ddChangesCsv';

const schedule: DebitSchedule = {
  clientId: 'C-9',
  debits: [],
  summary: null,
  openEnded: false,
  horizon: 6,
  blocked: null,
  held: [],
  creditApplied: 0,
};

describe('DD changes CSV', () => {
  it('guards a formula-like name and writes amounts as plain dollars', () => {
    const csv = ddChangesCsv({
      today: '2016-09-14',
      since: '2016-09-14',
      firstRun: false,
      compared: 1,
      clients: [
        {
          clientId: 'C-9',
          name: '=HYPERLINK("http://x","y")',
          billingMethod: 'DD Reconciliation',
          notice: null,
          schedule,
          changes: [{ kind: 'Not notified', note: 'told nothing' }],
          lines: [{ oldDate: null, oldAmount: null, newDate: '2016-09-16', newAmount: 123456, note: 'new' }],
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Client ID,Name,Billing Method,Change,Old Date,Old Amount,New Date,New Amount,Note',
      `C-9,"'=HYPERLINK(""http://x"",""y"")",DD Reconciliation,Not notified,,,,,told nothing`,
      `C-9,"'=HYPERLINK(""http://x"",""y"")",DD Reconciliation,Schedule,,,2016-09-16,1234.56,new`,
      '',
    ]);
    expect(['+1', '-2', '@x', 'ok'].map(guardCsvText)).toEqual(["'+1", "'-2", "'@x", 'ok']);
  });
});
