// The text banks accept in ABA names and references (the BECS character set), how a name typed with
// accents or curly quotes is written in it, and the starts a spreadsheet would run as a formula.

/** Letters, digits, space and & * , . / - ' ( ) + ^ _ [ ] ; : = # % ! $ @ ? (the BECS set). */
const BANK_CHARACTER = /^[A-Za-z0-9 &*,./\-'()+^_[\];:=#%!$@?]$/;
const BANK_TEXT = /^[A-Za-z0-9 &*,./\-'()+^_[\];:=#%!$@?]*$/;

export const BANK_CHARACTERS_HELP =
  "letters, digits, spaces and & * , . / - ' ( ) + ^ _ [ ] ; : = # % ! $ @ ?";

/** Characters with a usual plain form that Unicode does not decompose to (quotes, dashes, ß, æ, ø …). */
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '`': "'",
  '\u00B4': "'",
  // The set has no double quote: a nickname in quotes keeps its quotes as apostrophes.
  '"': "'",
  '\u201C': "'",
  '\u201D': "'",
  '\u201E': "'",
  '\u2033': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** One character as the bank will get it: José's é is e, O’Neil's ’ is ', a no-break space a space. */
function plainCharacter(ch: string): string {
  if (BANK_CHARACTER.test(ch)) return ch;
  const mapped = PLAIN[ch];
  if (mapped !== undefined) return mapped;
  // Compatibility decomposition splits é into e and its accent (and ﬁ into f i); the accents go.
  return ch.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Text in the bank's character set as far as it can be: what is left outside it cannot be written. */
export function toBankText(s: string): string {
  return BANK_TEXT.test(s) ? s : Array.from(s, plainCharacter).join('');
}

/** The distinct characters of s that have no form in the bank's set, in order of first appearance. */
export function rejectedCharacters(s: string): string[] {
  if (BANK_TEXT.test(s)) return []; // the usual case, without splitting the string
  const bad = Array.from(s).filter((ch) => !BANK_TEXT.test(plainCharacter(ch)));
  return [...new Set(bad)];
}

/** How to show a rejected character: control and invisible characters by code point. */
export function showCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || /\s/.test(ch)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${ch}"`;
}

/**
 * The first character when a spreadsheet opening the file would take the text as a formula (= + - @,
 * or a tab or CR hiding one), else null. Upload files are never altered to defuse one: such text is
 * refused where it is entered and left out of the file on billing day.
 */
export function formulaStart(s: string): string | null {
  const first = s.charAt(0);
  return /^[=+\-@\t\r]$/.test(first) ? first : null;
}
