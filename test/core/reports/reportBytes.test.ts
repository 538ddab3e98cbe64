// A report file's bytes: UTF-8 with or without a BOM, Windows-1252 only when the bytes are not UTF-8 (so
// Excel's curly quotes survive), UTF-16 with its BOM. Node's own TextDecoder is the oracle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes, readReportText } from '../../../src/core/reports';
import { REPORT_FIXTURES } from './reportFixtures';

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(REPORT_FIXTURES, name)));

describe('report bytes to text', () => {
  it('reads an Excel CSV saved in Windows-1252: accents, curly quotes and dashes survive', () => {
    const { text, encoding } = decodeReportBytes(bytes('ezidebit-windows-1252.csv'));
    expect(encoding).toBe('windows-1252');
    const rows = readReportText(text).rows;
    expect(rows.map((r) => [r.clientName, r.reason])).toEqual([
      ['García, José', null],
      ['O’Neil, Siobhán', '“Refer to customer” – call her'],
    ]);
  });

  it('reads the same report in UTF-8 without a BOM, and with one (the BOM dropped)', () => {
    const plain = decodeReportBytes(bytes('ezidebit-utf8-no-bom.csv'));
    expect(plain.encoding).toBe('utf-8');
    expect(plain.text).toBe(decodeReportBytes(bytes('ezidebit-windows-1252.csv')).text);
    const withBom = decodeReportBytes(bytes('ezidebit-bom-crlf.csv'));
    expect([withBom.encoding, withBom.text.charCodeAt(0)]).toEqual(['utf-8', 'P'.charCodeAt(0)]);
  });

  it('reads UTF-16 with its BOM (Excel’s “Unicode text”)', () => {
    const text = 'PaymentID\tCustomerName\r\nP1\tO’Neil\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeReportBytes(le)).toEqual({ text, encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeReportBytes(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('decodes any valid UTF-8 as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const b = new TextEncoder().encode(s);
        expect(decodeReportBytes(b)).toEqual({
          text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(b),
          encoding: 'utf-8',
        });
      }),
    );
  });

  it('bytes 0x80-0x9F are Windows-1252’s, as the WHATWG index maps them (unassigned ones to C1)', () => {
    const high = new Uint8Array([0xc0, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
    expect(decodeReportBytes(high)).toEqual({
      text: 'À€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
      encoding: 'windows-1252',
    });
  });

  it('any bytes that are not UTF-8 are read one byte a character, never lost', () => {
    // Node's own windows-1252 decoder reads as Latin-1, so it is no oracle for 0x80-0x9F: checked above.
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        if (b[0] === 0xff || b[0] === 0xfe) return;
        let valid = true;
        try {
          strict.decode(b);
        } catch {
          valid = false;
        }
        const got = decodeReportBytes(b);
        expect(got.encoding).toBe(valid ? 'utf-8' : 'windows-1252');
        if (valid) return;
        expect(got.text.length).toBe(b.length);
        b.forEach((x, i) => {
          if (x < 0x80 || x >= 0xa0) expect(got.text.charCodeAt(i)).toBe(x);
        });
      }),
    );
  });
});
