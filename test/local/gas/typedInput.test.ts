// Text written without '@' is read as Sheets reads typed input, by the spreadsheet's locale; '@' and a
// leading apostrophe keep it as text.
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

function cell(locale: string) {
  const emu = createAppsScript({ locale, today: () => new Date('2024-06-15T02:00:00Z') });
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
  return (text: string, format?: string): unknown => {
    const range = sheet.getRange('A1');
    if (format) range.setNumberFormat(format);
    range.setValue(text);
    return range.getValue();
  };
}

const iso = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : `not a date: ${JSON.stringify(v)}`;

describe('typed input by locale', () => {
  it('en_US reads 05/01/2024 as 1 May; en_AU as 5 January (midnight in the zone)', () => {
    expect(iso(cell('en_US')('05/01/2024'))).toBe('2024-04-30T14:00:00.000Z');
    expect(iso(cell('en_AU')('05/01/2024'))).toBe('2024-01-04T13:00:00.000Z');
    // Not a date in that order: text.
    expect(cell('en_US')('13/01/2024')).toBe('13/01/2024');
  });

  it('month names and times of day become dates, as Sheets parses them', () => {
    const put = cell('en_AU');
    expect(iso(put('March 2024'))).toBe('2024-02-29T13:00:00.000Z');
    expect(iso(put('1 Feb'))).toBe('2024-01-31T13:00:00.000Z');
    expect(iso(put('Feb 1, 2023'))).toBe('2023-01-31T13:00:00.000Z');
    const time = put('10am') as Date;
    expect(time).toBeInstanceOf(Date);
    expect(time.getUTCFullYear()).toBe(1899);
    expect(put('6:15 pm')).toBeInstanceOf(Date);
    // Words that merely start like a month stay text.
    expect(put('Marching band')).toBe('Marching band');
    expect(put('May Lee')).toBe('May Lee');
  });

  it("plain text ('@') and a leading apostrophe keep every one of them as typed", () => {
    const put = cell('en_US');
    for (const text of ['March 2024', '1 Feb', '10am', '05/01/2024']) {
      expect(put(text, '@')).toBe(text);
      expect(put(`'${text}`, '0.###############')).toBe(text);
    }
  });
});
