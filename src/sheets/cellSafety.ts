// Text from users and reports must stay text: never a formula, never silently turned into a number or date.

const FORMULA_LEAD = /^[=+\-@]/;
// Strings Sheets would parse into something else when written: numbers, dates, times, booleans, percentages.
const COERCIBLE =
  /^\s*(?:[-+]?[$€£]?\s*[\d.,]+\s*%?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}:\d{2}(?::\d{2})?|true|false)\s*$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// Dates with a month's name ('March 2024', '1 Feb', 'Feb 1, 2024') and times ('10am', '6:15 pm').
const NAMED_DATE = new RegExp(
  `^\\s*(?:${MONTH},?\\s+\\d{1,4}(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?[\\s-]+${MONTH}(?:,?[\\s-]+\\d{2,4})?)\\s*$`,
  'i',
);
const TIME = /^\s*\d{1,2}(?::\d{2}){0,2}\s*[ap]\.?m\.?\s*$/i;

/**
 * True when writing `text` as is could become a formula or another type. Plain-text ('@') columns need
 * none of this; it guards the few cells that are not plain text.
 */
export function needsQuoting(text: string): boolean {
  return (
    FORMULA_LEAD.test(text) ||
    COERCIBLE.test(text) ||
    NAMED_DATE.test(text) ||
    TIME.test(text) ||
    text.startsWith("'")
  );
}

/** The string to write so the cell shows exactly `text`: a leading apostrophe makes Sheets keep it literal. */
export function safeText(text: string): string {
  return needsQuoting(text) ? `'${text}` : text;
}
