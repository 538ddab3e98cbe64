import { describe, expect, it } from 'vitest';
import { mappingProblem, reportTable, type ColumnMapping } from '../../../src/core/reports';

const text = 'Ref;When;Dollars;Result\nHPT-BEN;16/09/2016;220.00;OK\nHPT-DAN;16/09/2016;99.00;BOUNCED\n';
const table = reportTable(text)!;
const headers = table.headers;
const good: ColumnMapping = {
  reference: ['Ref'],
  date: 'When',
  amount: 'Dollars',
  status: 'Result',
  paidValues: ['OK'],
  declinedValues: ['BOUNCED'],
};

describe('checking a column mapping', () => {
  it('a mapping that fits the report', () => {
    expect(mappingProblem(headers, good, table)).toBeNull();
  });

  it('the same column for two roles', () => {
    expect(mappingProblem(headers, { ...good, date: 'Ref' }, table)).toBe(
      'The column "Ref" is chosen as both the reference and the date: choose a different column for each.',
    );
    expect(mappingProblem(headers, { ...good, amount: 'When' }, null)).toBe(
      'The column "When" is chosen as both the date and the amount: choose a different column for each.',
    );
  });

  it('an amount column that holds no amounts, a date column with no dates', () => {
    expect(mappingProblem(headers, { ...good, amount: 'Result', status: undefined }, table)).toBe(
      'The column "Result" holds no amounts (row 2: "OK" is not an amount of money): choose the column with the amount.',
    );
    expect(mappingProblem(headers, { ...good, date: 'Dollars', amount: 'When' }, table)).toBe(
      'The column "When" holds no amounts (row 2: "16/09/2016" is not an amount of money): choose the column with the amount.',
    );
    expect(mappingProblem(headers, { ...good, reference: ['When'], date: 'Ref' }, table)).toBe(
      'The column "Ref" holds no dates (row 2: "HPT-BEN" is not a date): choose the column with the date.',
    );
  });

  it('one bad amount among good ones is a row error later, not a wrong column', () => {
    const t = reportTable('Ref;When;Dollars\nA;16/09/2016;lots\nB;16/09/2016;10.00\n')!;
    expect(mappingProblem(t.headers, { ...good, status: undefined }, t)).toBeNull();
  });

  it('status values the report never uses', () => {
    expect(
      mappingProblem(headers, { ...good, paidValues: ['Paid'], declinedValues: ['Failed'] }, table),
    ).toBe('None of the values in "Result" (OK, BOUNCED) is listed as paid, declined or pending.');
    expect(mappingProblem(headers, { ...good, declinedValues: ['ok'] }, table)).toBe(
      'The status "ok" is listed as both paid and declined.',
    );
  });

  it('a column the report does not have, and the roles that must be chosen', () => {
    expect(mappingProblem(headers, { ...good, name: 'Member' }, table)).toBe(
      'The report has no column "Member".',
    );
    expect(mappingProblem(headers, { ...good, amount: '' }, table)).toBe(
      'Say which columns hold the reference, the date and the amount.',
    );
  });
});
