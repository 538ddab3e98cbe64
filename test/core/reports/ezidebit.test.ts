import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../src/core/reports';
import { brief, fixtureText } from './reportFixtures';

describe('Ezidebit payment report: the shared sample', () => {
  const report = readReportText(fixtureText('ezidebit-payments-sample.csv'));

  it('is recognised, with every column kept', () => {
    expect(report.shape).toBe('ezidebit');
    expect(report.headers).toHaveLength(19);
    expect(report.headers.slice(0, 3)).toEqual(['PaymentID', 'PaymentReference', 'YourSystemReference']);
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('reads every row: S paid, D and F declined with the bank reason, P pending', () => {
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: 'SCHEDULED-100231-20160916',
        references: ['C-BEN', 'HPT-BEN', '100231'],
        clientName: "O'Brien, Ben",
        date: '2016-09-16',
        settlementDate: '2016-09-19',
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100231-20160916',
        method: 'bank',
      },
      {
        rowNumber: 3,
        paymentId: 'SCHEDULED-100232-20160916',
        references: ['C-CARA', 'HPT-CARA', '100232'],
        clientName: 'Smith, Cara',
        date: '2016-09-16',
        settlementDate: null,
        amount: 16000,
        outcome: 'declined',
        reason: 'Refer to customer',
        returnCode: '06',
        providerRef: 'SCHEDULED-100232-20160916',
        method: 'bank',
        providerStatus: 'D',
      },
      {
        rowNumber: 4,
        paymentId: 'SCHEDULED-100233-20160916',
        references: ['C-DAN', 'HPT-DAN', '100233'],
        clientName: 'Nguyen, Dan',
        date: '2016-09-16',
        settlementDate: null,
        amount: 9900,
        outcome: 'pending',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100233-20160916',
        method: 'bank',
      },
      {
        rowNumber: 5,
        paymentId: 'SCHEDULED-100234-20160916',
        references: ['C-EVE', 'HPT-EVE', '100234'],
        clientName: 'Ray, Eve',
        date: '2016-09-16',
        settlementDate: null,
        amount: 5500,
        outcome: 'declined',
        reason: 'Account closed',
        returnCode: '03',
        providerRef: 'SCHEDULED-100234-20160916',
        method: 'bank',
        providerStatus: 'F',
      },
    ]);
  });

  it('keeps the original cells by header', () => {
    expect(report.rows[0]?.raw).toMatchObject({
      PaymentID: 'SCHEDULED-100231-20160916',
      CustomerName: "O'Brien, Ben",
      PaymentAmount: '220.00',
      TransactionFeeClient: '0.99',
      BankReceiptID: '88213001',
      InvoiceID: '0',
    });
    expect(Object.keys(report.rows[0]?.raw ?? {})).toEqual(report.headers);
  });
});

describe('Ezidebit: quoted fields containing commas, quotes and a line break', () => {
  const report = readReportText(fixtureText('ezidebit-quoted-commas.csv'));

  it('reads names, references, amounts and reasons with commas intact, and counts lines', () => {
    expect(report.errors).toEqual([]);
    expect(
      report.rows.map((r) => [
        r.rowNumber,
        r.clientName,
        r.references,
        r.amount,
        r.outcome,
        r.reason,
        r.returnCode,
      ]),
    ).toEqual([
      [
        2,
        'Walker, Fiona',
        ['C-FIONA', 'PT 10, instalment 2', 'HPT-FIONA', '100240'],
        110000,
        'paid',
        null,
        null,
      ],
      [
        3,
        'Li, Gus',
        ['C-GUS', 'Gus "Gussy" Li', 'HPT-GUS', '100241'],
        125050,
        'declined',
        'Insufficient funds, refer to customer',
        '51',
      ],
      // The quoted note spans lines 4-5; the row is numbered by the line it starts on.
      [4, 'Ito, Hana', ['C-HANA', 'Paused over Christmas', 'HPT-HANA', '100242'], 8000, 'paid', null, null],
      [
        6,
        'McKay, Ian',
        ['C-IAN', 'HPT-IAN', '100243'],
        22000,
        'declined',
        'No account, or incorrect account number',
        '05',
      ],
    ]);
  });

  it('falls back to ScheduledAmount when a decline reports PaymentAmount 0 or blank', () => {
    expect(report.rows[1]?.raw.PaymentAmount).toBe('0.00');
    expect(report.rows[1]?.amount).toBe(125050);
    expect(report.rows[3]?.raw.PaymentAmount).toBe('');
    expect(report.rows[3]?.amount).toBe(22000);
  });

  it('keeps the line break inside the raw cell', () => {
    expect(report.rows[2]?.raw.YourGeneralReference).toBe('Paused\nover Christmas');
    expect(report.rows[0]?.settlementDate).toBe('2016-10-03');
  });
});

describe('Ezidebit: a tab-separated paste from the portal grid', () => {
  const report = readReportText(fixtureText('ezidebit-portal-paste.tsv'));

  it('finds the columns by name (spaces, order and an extra column do not matter)', () => {
    expect(report.shape).toBe('ezidebit');
    expect(report.headers).toContain('Notes');
    expect(report.errors).toEqual([]);
  });

  it('reads status words, dates with times and month names, dollar signs and stray spaces', () => {
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: 'SCHEDULED-100231-20160916',
        references: ['C-BEN', 'HPT-BEN'],
        clientName: "O'Brien, Ben",
        date: '2016-09-16',
        settlementDate: '2016-09-19',
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100231-20160916',
      },
      {
        rowNumber: 3,
        paymentId: 'SCHEDULED-100232-20160916',
        references: ['C-CARA', 'HPT-CARA'],
        clientName: 'Smith, Cara',
        date: '2016-09-16',
        settlementDate: null,
        amount: 16000,
        outcome: 'declined',
        reason: 'Refer to customer',
        returnCode: '06',
        providerRef: 'SCHEDULED-100232-20160916',
        providerStatus: 'D',
      },
      {
        rowNumber: 4,
        paymentId: 'SCHEDULED-100233-20160916',
        references: ['C-DAN', 'HPT-DAN'],
        clientName: 'Nguyen, Dan',
        date: '2016-09-16',
        settlementDate: null,
        amount: 9900,
        outcome: 'pending',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100233-20160916',
      },
    ]);
    expect(report.rows[1]?.raw['Your System Reference']).toBe(' C-CARA ');
    expect(report.rows[1]?.raw.Notes).toBe('called her');
  });
});

describe('Ezidebit: UTF-8 BOM and CRLF line ends', () => {
  const report = readReportText(fixtureText('ezidebit-bom-crlf.csv'));

  it('reads the first header without the BOM and values without the CR', () => {
    const text = fixtureText('ezidebit-bom-crlf.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(report.shape).toBe('ezidebit');
    expect(report.headers[0]).toBe('PaymentID');
    expect(report.headers[18]).toBe('InvoiceID');
    expect(report.errors).toEqual([]);
    expect(
      report.rows.map((r) => [r.rowNumber, r.paymentId, r.date, r.settlementDate, r.amount, r.outcome]),
    ).toEqual([
      [2, 'SCHEDULED-100231-20160930', '2016-09-30', '2016-10-03', 22000, 'paid'],
      [3, 'SCHEDULED-100232-20160930', '2016-09-30', null, 16000, 'pending'],
    ]);
    expect(report.rows[1]?.raw.InvoiceID).toBe('0');
  });
});

describe('Ezidebit: a trailing totals row', () => {
  const report = readReportText(fixtureText('ezidebit-with-totals.csv'));

  it('skips the totals row, the blank lines and a summary line, and reads the rest', () => {
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([
      { rowNumber: 5, why: 'blank line' },
      { rowNumber: 6, why: 'totals row' },
      { rowNumber: 7, why: 'blank line' },
      { rowNumber: 8, why: 'no reference and no date (a totals row)' },
    ]);
    expect(report.rows.map((r) => [r.rowNumber, r.references[0], r.amount, r.outcome, r.reason])).toEqual([
      [2, 'C-BEN', 22000, 'paid', null],
      [3, 'C-CARA', 16000, 'declined', 'Refer to customer'],
      [4, 'C-JO', 5500, 'paid', null],
    ]);
  });
});

describe('Ezidebit: values row by row', () => {
  const header =
    'PaymentID,YourSystemReference,DebitDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode';
  const read = (line: string, dayFirst?: boolean) => readReportText(`${header}\n${line}\n`, { dayFirst });

  it('maps a BankReturnCode to its APCA reason when BankFailedReason is absent', () => {
    const r = read('P1,C-1,16/09/2016,0,55.00,F,2').rows[0];
    expect([r?.outcome, r?.amount, r?.reason, r?.returnCode]).toEqual([
      'declined',
      5500,
      'Payment stopped',
      '2',
    ]);
  });

  it('has no reason for an unlisted code and no failure column', () => {
    const r = read('P1,C-1,16/09/2016,55.00,55.00,D,').rows[0];
    expect([r?.outcome, r?.reason, r?.returnCode]).toEqual(['declined', null, null]);
  });

  it('reads US dates when dayFirst is false', () => {
    expect(read('P1,C-1,09/16/2016,55.00,55.00,S,', false).rows[0]?.date).toBe('2016-09-16');
  });

  it('makes a negative amount positive, and says it was negative', () => {
    const r = read('P1,C-1,16/09/2016,(55.00),55.00,D,').rows[0];
    expect([r?.amount, r?.negative]).toEqual([5500, true]);
    expect(read('P1,C-1,16/09/2016,55.00,55.00,S,').rows[0]?.negative).toBeUndefined();
  });

  it('a late return (a negative amount marked successful) keeps the bank reason and code', () => {
    const text = [
      'PaymentID,YourSystemReference,DebitDate,PaymentAmount,PaymentStatus,BankReturnCode,BankFailedReason',
      'P1,C-1,16/09/2016,-55.00,S,06,Late Return',
    ].join('\n');
    const r = readReportText(text).rows[0];
    expect([r?.outcome, r?.amount, r?.negative, r?.reason, r?.returnCode, r?.providerRef]).toEqual([
      'paid',
      5500,
      true,
      'Late Return',
      '06',
      'P1',
    ]);
  });

  it('reads PaymentMethod (CR card, DR bank) and the D or F of a decline', () => {
    const text = [
      'PaymentID,YourSystemReference,DebitDate,PaymentAmount,PaymentMethod,PaymentStatus',
      'P1,C-1,16/09/2016,55.00,CR,D',
      'P2,C-2,16/09/2016,55.00,dr,Fatal Dishonour',
      'P3,C-3,16/09/2016,55.00,,S',
    ].join('\n');
    expect(readReportText(text).rows.map((r) => [r.method, r.providerStatus])).toEqual([
      ['card', 'D'],
      ['bank', 'F'],
      [undefined, undefined],
    ]);
  });

  it('reports every bad cell in a row, not only the first', () => {
    expect(read('P1,C-1,31/02/2016,abc,55.00,Q,').errors.map((e) => e.message)).toEqual([
      'Row 2, column PaymentStatus: unknown status "Q" (expected S, D, F, P or W)',
      'Row 2, column DebitDate: "31/02/2016" is not a date',
      'Row 2, column PaymentAmount: "abc" is not an amount of money',
    ]);
  });
});
