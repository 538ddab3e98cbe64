// Names go into an ABA file in the BECS character set: transliterated where they can be, refused where not.
import { describe, expect, it } from 'vitest';
import {
  BANK_CHARACTERS_HELP,
  buildAbaFile,
  checkReference,
  checkText,
  toBankText,
} from '../../../src/core/aba';
import { at, fixtureBatch, recordsOf } from './abaTestData';

describe('toBankText', () => {
  it.each([
    ['José', 'Jose'],
    ['O’Neil', "O'Neil"],
    ['‘Bo’ “Jo” "Mo"', "'Bo' 'Jo' 'Mo'"],
    ['Zoë Ångström-Ñúñez', 'Zoe Angstrom-Nunez'],
    ['Anne–Marie — Lee', 'Anne-Marie - Lee'],
    ['Strauß Æsir Søren Łukasz Đorđe Þór', 'Strauss AEsir Soren Lukasz Dorde THor'],
    ['ﬁnn\u00A0Ｂ', 'finn B'],
    ['e\u0301', 'e'],
    ['HPT#1_[2];:=%!$@?^', 'HPT#1_[2];:=%!$@?^'],
  ])('%j is written %j', (typed, written) => {
    expect(toBankText(typed)).toBe(written);
  });

  it('leaves what has no plain form for the check to refuse', () => {
    expect(toBankText('李 Lee')).toBe('李 Lee');
  });
});

describe('checkText and checkReference', () => {
  it('gives the text as it will be written', () => {
    expect(checkText('  José O’Neil ', 'Account Name', 32)).toEqual({ ok: true, value: "Jose O'Neil" });
  });

  it('refuses what cannot be transliterated, naming the characters', () => {
    expect(checkText('李小龙', 'Name', 32)).toEqual({
      ok: false,
      reason: `Name "李小龙" has characters banks do not accept: "李", "小", "龙" (use ${BANK_CHARACTERS_HELP})`,
    });
  });

  it('a reference may not start with a zero or a hyphen; inside it may', () => {
    expect(checkReference('HPT-0001', 'DD Reference', 18)).toEqual({ ok: true, value: 'HPT-0001' });
    expect(checkReference('0001', 'DD Reference', 18)).toEqual({
      ok: false,
      reason: 'DD Reference "0001" must not start with a zero or a hyphen (banks refuse it)',
    });
  });
});

describe('buildAbaFile writes names in the bank character set', () => {
  it('transliterated at their published positions, blank-filled to width', () => {
    const batch = fixtureBatch();
    batch.debits[0] = { ...batch.debits[0]!, accountTitle: 'José O’Neil', lodgementReference: 'Zoë–Ben' };
    batch.trace.remitter = 'Café Fit';
    const record = recordsOf(buildAbaFile(batch))[1]!;
    expect(at(record, 31, 62)).toBe("Jose O'Neil".padEnd(32));
    expect(at(record, 63, 80)).toBe('Zoe-Ben'.padEnd(18));
    expect(at(record, 97, 112)).toBe('Cafe Fit'.padEnd(16));
    expect(record).toHaveLength(120);
  });

  it('every character of the BECS set as given', () => {
    const batch = fixtureBatch();
    batch.debits[0] = { ...batch.debits[0]!, accountTitle: "A&*,./-'()+^_[];:=#%!$@?" };
    expect(at(recordsOf(buildAbaFile(batch))[1]!, 31, 62)).toBe("A&*,./-'()+^_[];:=#%!$@?".padEnd(32));
  });
});

describe('buildAbaFile writes account numbers as the layout allows', () => {
  const recordFor = (accountNumber: string) => {
    const batch = fixtureBatch();
    batch.debits[0] = { ...batch.debits[0]!, accountNumber };
    return at(recordsOf(buildAbaFile(batch))[1]!, 9, 17);
  };

  it('blanks and hyphens within 9 characters, right-justified', () => {
    expect(recordFor('12 345')).toBe('   12 345');
    expect(recordFor('12-345-67')).toBe('12-345-67');
  });

  it('a longer number with hyphens loses them', () => {
    expect(recordFor('12-345-6789')).toBe('123456789');
    expect(recordFor('1234-5678')).toBe('1234-5678');
  });

  it('all zeros is refused', () => {
    expect(() => recordFor('00-000-0000')).toThrow('Account Number "00-000-0000" must not be all zeros');
  });
});
