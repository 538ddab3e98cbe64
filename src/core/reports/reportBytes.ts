// A report file's bytes as text. UTF-8 (with or without its BOM) whenever the bytes are valid UTF-8;
// UTF-16 only with its BOM (Excel's "Unicode text"); otherwise Windows-1252, the one-byte code page
// Excel saves "CSV" in on Windows, so its curly quotes and dashes survive. Written by hand: Apps Script
// has no TextDecoder.

/** Windows-1252 0x80-0x9F (the rest of its high half is Latin-1); the five unassigned bytes map to C1. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export type ReportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const CHUNK = 8192;

function fromCodePoints(points: number[]): string {
  let out = '';
  for (let i = 0; i < points.length; i += CHUNK) out += String.fromCodePoint(...points.slice(i, i + CHUNK));
  return out;
}

/** The code points of strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), or null. */
function utf8(bytes: Uint8Array, start: number): number[] | null {
  const out: number[] = [];
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out.push(b);
      i += 1;
      continue;
    }
    const [n, min, first] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, b & 0x1f]
        : b >= 0xe0 && b <= 0xef
          ? [2, 0x800, b & 0x0f]
          : b >= 0xf0 && b <= 0xf4
            ? [3, 0x10000, b & 0x07]
            : [0, 0, 0];
    if (n === 0 || i + n >= bytes.length) return null;
    let cp = first;
    for (let k = 1; k <= n; k += 1) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out.push(cp);
    i += n + 1;
  }
  return out;
}

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units: number[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2)
    units.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.slice(i, i + CHUNK));
  return out;
}

function windows1252(bytes: Uint8Array): string {
  const points: number[] = [];
  for (const b of bytes) points.push(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b);
  return fromCodePoints(points);
}

/** The text of a report file, and which encoding it was read as. A UTF-8 BOM is dropped. */
export function decodeReportBytes(bytes: Uint8Array): { text: string; encoding: ReportEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes, false), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const points = utf8(bytes, bom);
  if (points) return { text: fromCodePoints(points), encoding: 'utf-8' };
  return { text: windows1252(bytes), encoding: 'windows-1252' };
}
