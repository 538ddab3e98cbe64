import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectShape, headerSignature, readReportText, ReportFormatError } from '../../../src/core/reports';
import { detectDelimiter, parseDelimited } from '../../../src/core/reports/delimited';
import { sniffText } from '../../../src/core/reports/detect';
import { fixtureText } from './reportFixtures';

describe('detectShape', () => {
  it.each([
    [['PaymentID', 'YourSystemReference', 'DebitDate', 'PaymentAmount', 'PaymentStatus'], 'ezidebit'],
    [['payment status', 'DEBIT DATE', 'Your System Reference', 'Payment Amount', 'My Notes'], 'ezidebit'],
    [['Payment_Status', 'debit_date', 'scheduled_amount'], 'ezidebit'],
    [['RunDate', 'CustomerID', 'DebitsuccessID', 'Amount', 'TransDate', 'TransType'], 'debitsuccess'],
    [['trans type', 'amount', 'trans date', 'customer id', 'reversal reason code'], 'debitsuccess'],
    [['Name', 'Email', 'Phone'], null],
    [['Date', 'Amount', 'Reference', 'Status'], null],
    [['CustomerID', 'Amount', 'PaymentID'], null],
    [[], null],
  ])('%j -> %s', (headers, shape) => {
    expect(detectShape(headers)).toBe(shape);
  });
});

describe('headerSignature', () => {
  it('ignores order, case, spaces, punctuation, repeats and blank headers', () => {
    const a = headerSignature(['Payment ID', 'Debit Date', 'Amount', '']);
    expect(a).toBe('amount|debitdate|paymentid');
    expect(headerSignature(['amount', 'PAYMENT_ID', 'debit-date', 'Amount'])).toBe(a);
    expect(headerSignature(['Amount', 'Debit Date'])).not.toBe(a);
  });

  it('is the same for any permutation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 8 }), (headers) => {
        expect(headerSignature([...headers].reverse())).toBe(headerSignature(headers));
      }),
    );
  });
});

describe('delimiters', () => {
  it.each([
    ['PaymentID,DebitDate,Amount', ','],
    ['PaymentID\tDebitDate\tAmount', '\t'],
    ['RunDate|CustomerID|Amount', '|'],
    ['Datum;Betrag;Referenz', ';'],
    ['"Name, full",Email', ','],
    ['"a;b;c;d",x,y', ','],
    ['Reference', ','],
  ])('%j -> %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it('keeps line numbers through quoted line breaks, blank lines, CR-only and CRLF ends', () => {
    const table = parseDelimited('\r\n\r\nA,B\r"x\r\ny",1\r\n\r\nz,2');
    expect(table.headerRowNumber).toBe(3);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([4, 6, 7]);
    expect(table.rows.map((r) => r.cells)).toEqual([['x\ny', '1'], [''], ['z', '2']]);
  });

  it('the same report reads the same whether comma, tab, pipe or semicolon separated', () => {
    const csv = fixtureText('ezidebit-payments-sample.csv');
    const base = readReportText(csv).rows.map(({ raw: _raw, ...r }) => r);
    for (const d of ['\t', '|', ';']) {
      const lines = csv
        .trim()
        .split('\n')
        .map((l) => l.replace(/"([^"]*)"|,/g, (m, q: string | undefined) => (q !== undefined ? q : d)));
      expect(readReportText(lines.join('\n')).rows.map(({ raw: _raw, ...r }) => r)).toEqual(base);
    }
  });
});

describe('sniffText', () => {
  it.each([
    ['', 'empty'],
    ['\ufeff \n', 'empty'],
    ['a,b\n1,2', 'delimited'],
    ['<html><body></body></html>', 'html'],
    ['  <?xml version="1.0"?><a/>', 'xml'],
    ['{"a":1}', 'json'],
    ['[{"a": 1}, ', 'json'],
    ['a\u0000b', 'binary'],
    // Tabs and line breaks are text; other control characters, DEL and U+FFFD count as junk, more than
    // two and more than one in fifty characters is binary.
    ['a\tb\r\nc\td\ne,f\tg\rh', 'delimited'],
    ['a,b\u0001\u001f\ufffd', 'binary'],
    ['a,b\u0001\u001f', 'delimited'],
    [`a,b\u0001\u007f\u000b\u000c${'x'.repeat(192)}`, 'binary'],
    [`a,b\u0001\u007f\u000b\u000c${'x'.repeat(193)}`, 'delimited'],
  ])('%j -> %s', (text, kind) => {
    expect(sniffText(text)).toBe(kind);
  });

  it('tells ABA debit files from ABA return files, even with trailing spaces trimmed', () => {
    const debit = fixtureText('malformed/aba-debit-file.aba');
    const ret = fixtureText('aba-return-sample.txt');
    expect(sniffText(debit)).toBe('aba-debit');
    expect(sniffText(ret)).toBe('aba-return');
    const trimmed = (t: string) =>
      t
        .split('\r\n')
        .map((l) => l.trimEnd())
        .join('\n');
    expect(sniffText(trimmed(debit))).toBe('aba-debit');
    expect(sniffText(trimmed(ret))).toBe('aba-return');
  });
});

describe('robustness', () => {
  it('any text either reads or throws ReportFormatError; never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        try {
          readReportText(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ReportFormatError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every line after an Ezidebit header is a row, an error or skipped, exactly once', () => {
    const header = 'PaymentID,YourSystemReference,DebitDate,PaymentAmount,PaymentStatus';
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'S',
        'D',
        'X',
        '16/09/2016',
        '31/02/2016',
        '220.00',
        '(5.00)',
        'abc',
        'Total',
        'C-1',
        'P-1',
      ),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[",\n\r]/g, '')),
    );
    const line = fc.array(cell, { minLength: 0, maxLength: 7 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        let report;
        try {
          report = readReportText([header, ...lines].join('\n'));
        } catch (e) {
          expect(e).toBeInstanceOf(ReportFormatError);
          return;
        }
        const seen = [
          ...report.rows.map((r) => r.rowNumber),
          ...new Set(report.errors.map((e) => e.rowNumber)),
          ...report.skipped.map((s) => s.rowNumber),
        ].sort((a, b) => a - b);
        // The file's final newline ends the last line; it does not start a blank one.
        const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
        expect(seen).toEqual(Array.from({ length: count }, (_, i) => i + 2));
        for (const r of report.rows) expect(r.amount).toBeGreaterThan(0);
      }),
    );
  });
});
