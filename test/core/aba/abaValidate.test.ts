import { describe, expect, it } from 'vitest';
import {
  AbaError,
  BANK_CHARACTERS_HELP,
  buildAbaFile,
  MAX_ABA_RECORDS,
  validateAbaBatch,
  type AbaBatch,
  type AbaDebit,
  type AbaProblem,
} from '../../../src/core/aba';
import { fixtureBatch } from './abaTestData';

const jane: AbaDebit = {
  clientId: 'C-0003',
  clientName: 'Jane Citizen',
  bsb: '123-456',
  accountNumber: '11223344',
  accountTitle: 'J CITIZEN',
  amount: 5000,
  lodgementReference: 'HPT-JANE',
};

/** The fixture batch with Jane as a third debit, changed by `edit`. */
function batchWith(edit: (b: AbaBatch, jane: AbaDebit) => void): AbaBatch {
  const b = fixtureBatch();
  const j = { ...jane };
  b.debits.push(j);
  edit(b, j);
  return b;
}

/** The problems, checking that buildAbaFile throws them (and so produces nothing). */
function problemsOf(batch: AbaBatch): AbaProblem[] {
  const problems = validateAbaBatch(batch);
  let output: string | undefined;
  let thrown: unknown;
  try {
    output = buildAbaFile(batch);
  } catch (e) {
    thrown = e;
  }
  expect(output).toBeUndefined();
  expect(thrown).toBeInstanceOf(AbaError);
  expect((thrown as AbaError).problems).toEqual(problems);
  expect((thrown as AbaError).message).toBe(problems.map((p) => p.message).join('\n'));
  return problems;
}

describe('a valid batch has no problems', () => {
  it('the fixture batch, and Jane added to it', () => {
    expect(validateAbaBatch(fixtureBatch())).toEqual([]);
    expect(validateAbaBatch(batchWith(() => {}))).toEqual([]);
  });

  it.each<[string, (b: AbaBatch, j: AbaDebit) => void]>([
    [
      'lower case and every allowed punctuation mark',
      (_, j) => (j.accountTitle = "jane o'neil & co (a*b+c,d-e.f/g)"),
    ],
    ['the rest of the BECS set', (_, j) => (j.accountTitle = 'J^_[];:=#%!$@?')],
    ['a reference with # and _', (_, j) => (j.lodgementReference = 'INV#12_3')],
    ['an account number with blanks', (_, j) => (j.accountNumber = '12 345')],
    ['an account name with accents and curly quotes', (_, j) => (j.accountTitle = 'Zoë O’Brien “Zo”')],
    ['a 32-character account name', (_, j) => (j.accountTitle = 'A'.repeat(32))],
    ['an 18-character reference', (_, j) => (j.lodgementReference = 'R'.repeat(18))],
    ['a 9-digit account number with leading zeros', (_, j) => (j.accountNumber = '000000001')],
    ['a hyphenated account number', (_, j) => (j.accountNumber = '12-345-67')],
    ['a BSB without its hyphen', (_, j) => (j.bsb = '123456')],
    ['the largest amount a record holds', (b, j) => ((b.debits = [j]), (j.amount = 9_999_999_999))],
    ['a one-cent debit', (_, j) => (j.amount = 1)],
    ['a 26-character user name', (b) => (b.header.userName = 'U'.repeat(26))],
    ['a 12-character description', (b) => (b.header.description = 'D'.repeat(12))],
    ['a 16-character remitter', (b) => (b.trace.remitter = 'R'.repeat(16))],
    ['a one-digit user ID', (b) => (b.header.userId = '7')],
    ['the last date a two-digit year can hold', (b) => (b.header.processingDate = '2099-12-31')],
    ['duplicate lodgement references', (_, j) => (j.lodgementReference = 'HPT-BEN')],
  ])('%s', (_, edit) => {
    expect(validateAbaBatch(batchWith(edit))).toEqual([]);
  });
});

describe("a debit's problem names the client and the field", () => {
  it.each<[string, (j: AbaDebit) => void, string, string]>([
    [
      'BSB with five digits',
      (j) => (j.bsb = '12-345'),
      'BSB',
      'BSB "12-345" must be six digits written nnn-nnn',
    ],
    [
      'BSB with a space',
      (j) => (j.bsb = '123 456'),
      'BSB',
      'BSB "123 456" must be six digits written nnn-nnn',
    ],
    [
      'BSB with seven digits',
      (j) => (j.bsb = '1234567'),
      'BSB',
      'BSB "1234567" must be six digits written nnn-nnn',
    ],
    ['BSB blank', (j) => (j.bsb = ' '), 'BSB', 'BSB is blank'],
    [
      'account number of 10 digits',
      (j) => (j.accountNumber = '1234567890'),
      'Account Number',
      'Account Number "1234567890" is 10 characters; the limit is 9',
    ],
    [
      'account number of 10 digits once its hyphens are removed',
      (j) => (j.accountNumber = '123-456-7890'),
      'Account Number',
      'Account Number "123-456-7890" has 10 digits; the limit is 9',
    ],
    [
      'account number with a letter',
      (j) => (j.accountNumber = '12345A'),
      'Account Number',
      'Account Number "12345A" may only contain digits, blanks and hyphens',
    ],
    [
      'account number all zeros',
      (j) => (j.accountNumber = '000-000'),
      'Account Number',
      'Account Number "000-000" must not be all zeros',
    ],
    ['account number blank', (j) => (j.accountNumber = ''), 'Account Number', 'Account Number is blank'],
    [
      'account name over 32 characters',
      (j) => (j.accountTitle = 'JANE ELIZABETH CITIZEN-WORTHINGTON'),
      'Account Name',
      'Account Name "JANE ELIZABETH CITIZEN-WORTHINGTON" is 34 characters; the limit is 32',
    ],
    [
      'account name in characters with no plain-letter form',
      (j) => (j.accountTitle = 'Zoë 李小龙 O’Brien'),
      'Account Name',
      `Account Name "Zoë 李小龙 O’Brien" has characters banks do not accept: "李", "小", "龙" (use ${BANK_CHARACTERS_HELP})`,
    ],
    [
      'account name starting with =',
      (j) => (j.accountTitle = '=HYPERLINK("x")'),
      'Account Name',
      'Account Name "=HYPERLINK("x")" starts with "=", which a spreadsheet opening the file would run as a formula',
    ],
    [
      'account name starting with + after blanks',
      (j) => (j.accountTitle = '  +61 400'),
      'Account Name',
      'Account Name "+61 400" starts with "+", which a spreadsheet opening the file would run as a formula',
    ],
    [
      'account name starting with @',
      (j) => (j.accountTitle = '@SUM(A1)'),
      'Account Name',
      'Account Name "@SUM(A1)" starts with "@", which a spreadsheet opening the file would run as a formula',
    ],
    [
      'account name over 32 characters once transliterated',
      (j) => (j.accountTitle = 'Straße'.repeat(5) + 'ßß'),
      'Account Name',
      `Account Name "${'Straße'.repeat(5)}ßß" is 39 characters; the limit is 32`,
    ],
    [
      'account name with a tab',
      (j) => (j.accountTitle = 'J\tCITIZEN'),
      'Account Name',
      `Account Name "J\tCITIZEN" has characters banks do not accept: U+0009 (use ${BANK_CHARACTERS_HELP})`,
    ],
    ['account name blank', (j) => (j.accountTitle = '   '), 'Account Name', 'Account Name is blank'],
    [
      'reference over 18 characters',
      (j) => (j.lodgementReference = 'HPT-JANE-CITIZEN-01'),
      'DD Reference',
      'DD Reference "HPT-JANE-CITIZEN-01" is 19 characters; the limit is 18',
    ],
    [
      'reference with ~ and |',
      (j) => (j.lodgementReference = 'INV~12|3'),
      'DD Reference',
      `DD Reference "INV~12|3" has characters banks do not accept: "~", "|" (use ${BANK_CHARACTERS_HELP})`,
    ],
    [
      'reference starting with a zero',
      (j) => (j.lodgementReference = '00123'),
      'DD Reference',
      'DD Reference "00123" must not start with a zero or a hyphen (banks refuse it)',
    ],
    [
      'reference starting with a zero after a blank',
      (j) => (j.lodgementReference = ' 0123'),
      'DD Reference',
      'DD Reference "0123" must not start with a zero or a hyphen (banks refuse it)',
    ],
    [
      'reference starting with a hyphen',
      (j) => (j.lodgementReference = '-123'),
      'DD Reference',
      'DD Reference "-123" starts with "-", which a spreadsheet opening the file would run as a formula',
    ],
    ['reference blank', (j) => (j.lodgementReference = ''), 'DD Reference', 'DD Reference is blank'],
    ['amount zero', (j) => (j.amount = 0), 'Amount', 'Amount $0.00 must be more than $0.00'],
    ['amount negative', (j) => (j.amount = -2200), 'Amount', 'Amount -$22.00 must be more than $0.00'],
    [
      'amount with a fraction of a cent',
      (j) => (j.amount = 12.5),
      'Amount',
      'Amount 12.5 is not a whole number of cents',
    ],
    [
      'amount not a number',
      (j) => (j.amount = Number.NaN),
      'Amount',
      'Amount NaN is not a whole number of cents',
    ],
    [
      'amount over 10 digits',
      (j) => (j.amount = 10_000_000_000),
      'Amount',
      'Amount $100,000,000.00 is more than the $99,999,999.99 an ABA file can hold',
    ],
  ])('%s', (_, edit, field, reason) => {
    const problems = problemsOf(batchWith((_b, j) => edit(j)));
    expect(problems).toEqual([
      {
        clientId: 'C-0003',
        clientName: 'Jane Citizen',
        field,
        key: expect.stringMatching(/^debits\[2\]\./) as unknown as string,
        debit: 2,
        reason,
        message: `C-0003 Jane Citizen: ${reason}`,
      },
    ]);
  });

  it('the key says where in the batch', () => {
    expect(problemsOf(batchWith((_, j) => (j.bsb = '1')))[0]?.key).toBe('debits[2].bsb');
    expect(problemsOf(batchWith((_, j) => (j.amount = 0)))[0]?.key).toBe('debits[2].amount');
  });

  it('a debit with neither client ID nor name is named by its place in the batch', () => {
    const problems = problemsOf(
      batchWith((_, j) => {
        j.clientId = '';
        j.clientName = '';
        j.bsb = '12-345';
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Debit 3: BSB "12-345" must be six digits written nnn-nnn',
    ]);
    expect(problems[0]).not.toHaveProperty('clientId');
  });

  it('every problem of every debit is listed, one a line', () => {
    const b = batchWith((batch, j) => {
      j.bsb = '12-345';
      j.amount = 0;
      batch.debits[0]!.accountTitle = 'B 李';
    });
    const problems = problemsOf(b);
    expect(problems.map((p) => p.message)).toEqual([
      `C-0001 Ben O'Brien: Account Name "B 李" has characters banks do not accept: "李" (use ${BANK_CHARACTERS_HELP})`,
      'C-0003 Jane Citizen: BSB "12-345" must be six digits written nnn-nnn',
      'C-0003 Jane Citizen: Amount $0.00 must be more than $0.00',
    ]);
    expect(() => buildAbaFile(b)).toThrow(
      'C-0003 Jane Citizen: BSB "12-345" must be six digits written nnn-nnn\nC-0003 Jane Citizen: Amount',
    );
  });
});

describe('settings problems name the setting', () => {
  it.each<[string, (b: AbaBatch) => void, string, string]>([
    [
      'bank of two letters',
      (b) => (b.header.bank = 'CB'),
      'ABA Bank',
      'ABA Bank "CB" must be the bank\'s three-letter APCA code, e.g. CBA',
    ],
    [
      'bank with a digit',
      (b) => (b.header.bank = 'C8A'),
      'ABA Bank',
      'ABA Bank "C8A" must be the bank\'s three-letter APCA code, e.g. CBA',
    ],
    ['bank blank', (b) => (b.header.bank = ''), 'ABA Bank', 'ABA Bank is blank'],
    [
      'user name over 26',
      (b) => (b.header.userName = 'HARBOUR PERSONAL TRAINING PTY'),
      'ABA User Name',
      'ABA User Name "HARBOUR PERSONAL TRAINING PTY" is 29 characters; the limit is 26',
    ],
    [
      'user name with a bad character',
      (b) => (b.header.userName = 'HARBOUR PT | PTY'),
      'ABA User Name',
      `ABA User Name "HARBOUR PT | PTY" has characters banks do not accept: "|" (use ${BANK_CHARACTERS_HELP})`,
    ],
    ['user name blank', (b) => (b.header.userName = ''), 'ABA User Name', 'ABA User Name is blank'],
    [
      'user ID with a letter',
      (b) => (b.header.userId = '30150X'),
      'ABA User ID',
      'ABA User ID "30150X" must be the APCA user ID the bank issued: up to six digits',
    ],
    [
      'user ID of seven digits',
      (b) => (b.header.userId = '1234567'),
      'ABA User ID',
      'ABA User ID "1234567" must be the APCA user ID the bank issued: up to six digits',
    ],
    [
      'user ID zero',
      (b) => (b.header.userId = '000000'),
      'ABA User ID',
      'ABA User ID "000000" must be the APCA user ID the bank issued: up to six digits',
    ],
    ['user ID blank', (b) => (b.header.userId = ''), 'ABA User ID', 'ABA User ID is blank'],
    [
      'description over 12',
      (b) => (b.header.description = 'PT DEBITS SEP'),
      'ABA Description',
      'ABA Description "PT DEBITS SEP" is 13 characters; the limit is 12',
    ],
    ['description blank', (b) => (b.header.description = ''), 'ABA Description', 'ABA Description is blank'],
    [
      'processing date not a date',
      (b) => (b.header.processingDate = '2016-02-30'),
      'Processing Date',
      'Processing Date "2016-02-30" is not a date written YYYY-MM-DD',
    ],
    [
      'processing date in 1999',
      (b) => (b.header.processingDate = '1999-12-31'),
      'Processing Date',
      'Processing Date 1999-12-31 must be in the years 2000 to 2099 (the file has a two-digit year)',
    ],
    [
      'processing date in 2100',
      (b) => (b.header.processingDate = '2100-01-01'),
      'Processing Date',
      'Processing Date 2100-01-01 must be in the years 2000 to 2099 (the file has a two-digit year)',
    ],
    [
      'studio BSB',
      (b) => (b.trace.bsb = '03-2000'),
      'Studio BSB',
      'Studio BSB "03-2000" must be six digits written nnn-nnn',
    ],
    [
      'studio account number',
      (b) => (b.trace.accountNumber = '12345678901'),
      'Studio Account Number',
      'Studio Account Number "12345678901" is 11 characters; the limit is 9',
    ],
    [
      'remitter over 16',
      (b) => (b.trace.remitter = 'HARBOUR PT STUDIO'),
      'Remitter',
      'Remitter "HARBOUR PT STUDIO" is 17 characters; the limit is 16',
    ],
    ['remitter blank', (b) => (b.trace.remitter = ''), 'Remitter', 'Remitter is blank'],
    [
      'balancing account name over 32',
      (b) => (b.balancing = { accountTitle: 'HARBOUR PERSONAL TRAINING PTY LTD', lodgementReference: 'X' }),
      'Studio Account Name',
      'Studio Account Name "HARBOUR PERSONAL TRAINING PTY LTD" is 33 characters; the limit is 32',
    ],
    [
      'balancing reference over 18',
      (b) => (b.balancing = { accountTitle: 'HARBOUR PT', lodgementReference: 'PT DEBITS 12 160916' }),
      'Balancing Reference',
      'Balancing Reference "PT DEBITS 12 160916" is 19 characters; the limit is 18',
    ],
    [
      'balancing reference blank',
      (b) => (b.balancing = { accountTitle: 'HARBOUR PT', lodgementReference: '' }),
      'Balancing Reference',
      'Balancing Reference is blank',
    ],
  ])('%s', (_, edit, field, message) => {
    const problems = problemsOf(batchWith((b) => edit(b)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, message });
    expect(problems[0]).not.toHaveProperty('clientId');
  });
});

describe('batch-wide rules', () => {
  it('a batch with no debits is an error', () => {
    const b = fixtureBatch();
    b.debits = [];
    expect(problemsOf(b)).toEqual([
      { field: 'Debits', key: 'debits', message: 'The batch has no debits; an ABA file needs at least one' },
    ]);
  });

  it('debits adding up to more than the 10-digit total field holds', () => {
    const b = batchWith((batch, j) => {
      j.amount = 9_999_999_999;
      batch.debits = [j, { ...j, clientId: 'C-0004' }];
    });
    expect(problemsOf(b)).toEqual([
      {
        field: 'Total',
        key: 'debits',
        message:
          'The debits add up to $199,999,999.98, more than the $99,999,999.99 an ABA file can hold; split the batch',
      },
    ]);
  });

  it('more records than the 6-digit count holds (the balancing credit counts)', () => {
    const b = fixtureBatch();
    b.debits = Array.from({ length: MAX_ABA_RECORDS }, () => ({ ...jane, amount: 1 }));
    expect(problemsOf(b)).toEqual([
      {
        field: 'Count',
        key: 'debits',
        message:
          'The file would have 1000000 records, more than the 999999 an ABA file can hold; split the batch',
      },
    ]);
    b.balancing = null;
    expect(validateAbaBatch(b)).toEqual([]);
  });

  it('a missing header or trace is reported field by field, not thrown as a TypeError', () => {
    const b = { ...fixtureBatch(), header: undefined, trace: undefined } as unknown as AbaBatch;
    const fields = problemsOf(b).map((p) => p.field);
    expect(fields).toEqual([
      'ABA Bank',
      'ABA User Name',
      'ABA User ID',
      'ABA Description',
      'Processing Date',
      'Studio BSB',
      'Studio Account Number',
      'Remitter',
    ]);
  });
});
