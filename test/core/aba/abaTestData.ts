// The fixture files and the settings behind them, for the ABA tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbaBatch, AbaDebit } from '../../../src/core/aba';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Our copies of the published fixtures (pinned by hash in abaFile.test.ts). */
export const FIXTURES = path.resolve(here, '../../fixtures/aba');

export const DEBIT_FILE = 'aba-debit-with-balancing.aba';
export const RETURN_FILE = 'aba-return-sample.txt';
/**
 * Ours, in the published layout: a return file whose header carries the bank's BSB and account
 * (positions 2-17) and a time (81-84), as some banks write, with return codes 7 and 6.
 */
export const BANK_HEADER_RETURN_FILE = 'aba-return-bank-header.txt';

export const readFixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
export const readFixtureBytes = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

/** The fixture's two debits, read out of it by position (client IDs and names are ours: not in the file). */
export const benDebit: AbaDebit = {
  clientId: 'C-0001',
  clientName: "Ben O'Brien",
  bsb: '062-000',
  accountNumber: '12345678',
  accountTitle: 'B OBRIEN',
  amount: 22000,
  lodgementReference: 'HPT-BEN',
};

export const caraDebit: AbaDebit = {
  clientId: 'C-0002',
  clientName: 'Cara Smith',
  bsb: '082-001',
  accountNumber: '987654321',
  accountTitle: 'C SMITH',
  amount: 16000,
  lodgementReference: 'HPT-CARA',
};

/** The settings in the fixtures README: ABA Bank CBA, ABA User Name HARBOUR PT PTY LTD, … 2016-09-16. */
export function fixtureBatch(): AbaBatch {
  return {
    header: {
      bank: 'CBA',
      userName: 'HARBOUR PT PTY LTD',
      userId: '301500',
      description: 'PT DEBITS',
      processingDate: '2016-09-16',
    },
    trace: { bsb: '032-000', accountNumber: '123456', remitter: 'HARBOUR PT' },
    debits: [{ ...benDebit }, { ...caraDebit }],
    // The fixture's balancing record: Studio Account Name, and the description with the date.
    balancing: { accountTitle: 'HARBOUR PT PTY LTD', lodgementReference: 'PT DEBITS 160916' },
  };
}

/** The records of a file, without line ends. */
export const recordsOf = (file: string): string[] => file.split('\r\n').slice(0, -1);

/** Characters first..last, 1-based inclusive, as the published layout numbers them. */
export const at = (record: string, first: number, last: number): string => record.slice(first - 1, last);
