// Report fixtures (copies of the shared ones, plus our own) and helpers for the report reader tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbaReturnLike, ReportRow } from '../../../src/core/reports';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPORT_FIXTURES = path.resolve(here, '../../fixtures/reports');
export const MALFORMED = path.join(REPORT_FIXTURES, 'malformed');

export function fixtureText(name: string): string {
  return readFileSync(path.join(REPORT_FIXTURES, name), 'utf8');
}

/** A row without its raw cells, for compact expectations. */
export type Brief = Omit<ReportRow, 'raw'>;

export function brief(rows: ReportRow[]): Brief[] {
  return rows.map(({ raw: _raw, ...rest }) => rest);
}

/**
 * The type 2 records of aba-return-sample.txt as the ABA return reader yields them, written out by
 * hand from the fixture's positions (the reports module does not parse ABA records itself).
 */
export const ABA_RETURN_SAMPLE_RECORDS: AbaReturnLike[] = [
  {
    lineNumber: 2,
    bsb: '082-001',
    accountNumber: '987654321',
    returnCode: 6,
    transactionCode: '13',
    amount: 16000,
    accountTitle: 'C SMITH',
    lodgementReference: 'HPT-CARA',
    traceBsb: '032-000',
    traceAccount: '123456',
    remitter: 'HARBOUR PT',
    originalDay: 16,
    originalUserId: '301500',
  },
  {
    lineNumber: 3,
    bsb: '063-111',
    accountNumber: '55501234',
    returnCode: 3,
    transactionCode: '13',
    amount: 9900,
    accountTitle: 'D NGUYEN',
    lodgementReference: 'HPT-DAN',
    traceBsb: '032-000',
    traceAccount: '123456',
    remitter: 'HARBOUR PT',
    originalDay: 16,
    originalUserId: '301500',
  },
];
