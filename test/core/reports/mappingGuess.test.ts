import { describe, expect, it } from 'vitest';
import { columnValues, guessMapping, mappingForm, reportTable } from '../../../src/core/reports';
import { fixtureText } from './reportFixtures';

const table = (text: string) => reportTable(text)!;

describe('guessing a column mapping from header names', () => {
  it('Ref, When, Dollars, Result: each column to its role, the report’s own status values sorted', () => {
    const t = table(
      'Ref;When;Dollars;Result\nHPT-BEN;16/09/2016;220.00;OK\nHPT-DAN;16/09/2016;99.00;BOUNCED\n',
    );
    expect(guessMapping(t.headers, columnValues(t))).toEqual({
      reference: ['Ref'],
      date: 'When',
      amount: 'Dollars',
      status: 'Result',
      name: '',
      reason: '',
      paymentId: '',
      paidValues: ['Paid', 'Success', 'S', 'OK'],
      declinedValues: ['Declined', 'Dishonoured', 'Failed', 'D', 'F', 'BOUNCED'],
      pendingValues: ['Pending'],
    });
  });

  it('the semicolon export: Member No is the reference and Member the name, Txn the payment ID, Why the reason', () => {
    const t = table(fixtureText('mapped-semicolon-export.csv'));
    const form = mappingForm(t);
    expect(form.saved).toBe(false);
    expect(form.mapping).toMatchObject({
      reference: ['Member No'],
      name: 'Member',
      date: 'Processed',
      amount: 'Value',
      status: 'Result',
      reason: 'Why',
      paymentId: 'Txn',
    });
    expect(form.mapping.paidValues).toContain('Approved');
    expect(form.mapping.declinedValues).toContain('Rejected');
    expect(form.mapping.pendingValues).toEqual(['Pending', 'In progress']);
    expect(form.values.Result).toEqual(['Approved', 'Rejected', 'In progress', 'approved']);
  });

  it('headers containing the words: "Debit Date", "Payment Amount", "Client Reference", "Transaction Status"', () => {
    const headers = [
      'Client Reference',
      'Payment Amount',
      'Debit Date',
      'Transaction Status',
      'Customer Name',
    ];
    expect(guessMapping(headers, {})).toMatchObject({
      reference: ['Client Reference'],
      amount: 'Payment Amount',
      date: 'Debit Date',
      status: 'Transaction Status',
      name: 'Customer Name',
    });
  });

  it('never the same column twice, and nothing where no header fits', () => {
    const g = guessMapping(['Date', 'Date Paid', 'Notes'], {});
    expect(g).toMatchObject({ date: 'Date', amount: '', status: '', reference: [] });
    expect(Object.values(g).filter((v) => v === 'Date')).toHaveLength(1);
  });
});
