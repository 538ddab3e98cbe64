// Billing day: a client who cannot go into the file is left out with the reason; the rest is written.
import { describe, expect, it } from 'vitest';
import {
  AbaError,
  abaWarnings,
  buildAbaFile,
  planAbaUpload,
  planCsvUpload,
  type AbaDebit,
  type DebitCsvRow,
} from '../../../src/core/aba';
import { benDebit, caraDebit, DEBIT_FILE, fixtureBatch, readFixture } from './abaTestData';

const dan: AbaDebit = {
  clientId: 'C-0004',
  clientName: '李小龙',
  bsb: '063-111',
  accountNumber: '55501234',
  accountTitle: '李小龙',
  amount: 9900,
  lodgementReference: '0042',
};

describe('planAbaUpload', () => {
  it('a batch that passes is the whole file, with nothing skipped', () => {
    const plan = planAbaUpload(fixtureBatch());
    expect(plan.content).toBe(readFixture(DEBIT_FILE));
    expect(plan.written).toEqual([0, 1]);
    expect(plan.skipped).toEqual([]);
  });

  it('leaves out the client who fails, with every reason, and writes the fixture for the rest', () => {
    const batch = fixtureBatch();
    batch.debits = [benDebit, dan, caraDebit];
    const plan = planAbaUpload(batch);
    // The file is the fixture byte for byte: Dan's $99.00 is in no record and in no total.
    expect(plan.content).toBe(readFixture(DEBIT_FILE));
    expect(plan.written).toEqual([0, 2]);
    expect(plan.skipped).toEqual([
      {
        index: 1,
        clientId: 'C-0004',
        clientName: '李小龙',
        reason:
          'Account Name "李小龙" has characters banks do not accept: "李", "小", "龙" (use letters, digits, spaces and & * , . / - \' ( ) + ^ _ [ ] ; : = # % ! $ @ ?); ' +
          'DD Reference "0042" must not start with a zero or a hyphen (banks refuse it)',
      },
    ]);
  });

  it('a name starting a formula, or an amount too large for the field, is skipped the same way', () => {
    const batch = fixtureBatch();
    batch.debits = [
      benDebit,
      { ...caraDebit, accountTitle: '=HYPERLINK("x")' },
      { ...dan, accountTitle: 'D NGUYEN', lodgementReference: 'HPT-DAN', amount: 10_000_000_000 },
    ];
    const plan = planAbaUpload(batch);
    expect(plan.skipped.map((s) => [s.clientId, s.reason])).toEqual([
      [
        'C-0002',
        'Account Name "=HYPERLINK("x")" starts with "=", which a spreadsheet opening the file would run as a formula',
      ],
      ['C-0004', 'Amount $100,000,000.00 is more than the $99,999,999.99 an ABA file can hold'],
    ]);
    expect(plan.content).toBe(buildAbaFile({ ...batch, debits: [benDebit] }));
  });

  it("the studio's settings refuse the whole file: every file would be wrong", () => {
    const batch = fixtureBatch();
    batch.header.userName = '';
    batch.debits = [benDebit, dan];
    expect(() => planAbaUpload(batch)).toThrow(AbaError);
    expect(() => planAbaUpload(batch)).toThrow('ABA User Name is blank');
  });

  it('no client left to debit: refused, naming every client and reason', () => {
    const batch = fixtureBatch();
    batch.debits = [dan, { ...dan, clientId: 'C-0005', accountTitle: 'E', lodgementReference: '-E' }];
    let thrown: unknown;
    try {
      planAbaUpload(batch);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AbaError);
    expect((thrown as AbaError).problems.map((p) => p.clientId)).toEqual(['C-0004', 'C-0004', 'C-0005']);
  });

  it('warns when the user ID is 301500, a shared upload ID, and not otherwise', () => {
    expect(planAbaUpload(fixtureBatch()).warnings).toEqual([
      "ABA User ID 301500 is a bank's shared user ID for uploading payment files, not a direct debit user ID: the bank may refuse these debits. Put the debit user ID the bank issued the studio in Settings (ABA User ID).",
    ]);
    const batch = fixtureBatch();
    batch.header.userId = '123456';
    expect(planAbaUpload(batch).warnings).toEqual([]);
    expect(abaWarnings({ header: { ...batch.header, userId: ' 301500 ' } })).toHaveLength(1);
  });
});

describe('planCsvUpload', () => {
  const row = (clientId: string, name: string, ddReference: string): DebitCsvRow => ({
    clientId,
    name,
    ddReference,
    bsb: '062000',
    accountNumber: '12345678',
    amount: 22000,
    invoiceIds: ['INV-0001'],
  });

  it('leaves out a row that would start a formula and writes the rest as given', () => {
    const plan = planCsvUpload([row('C-0001', 'José', 'HPT-1'), row('C-0002', '@Cara', 'HPT-2')]);
    expect(plan.content).toBe(
      'Client ID,Name,DD Reference,BSB,Account Number,Amount,Invoice IDs\r\n' +
        'C-0001,José,HPT-1,062-000,12345678,220.00,INV-0001\r\n',
    );
    expect(plan.skipped).toEqual([
      {
        index: 1,
        clientId: 'C-0002',
        clientName: '@Cara',
        reason: 'Name "@Cara" starts with "@", which a spreadsheet opening the file would run as a formula',
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });
});
