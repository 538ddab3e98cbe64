// Text from users and reports must stay text: never a formula, never silently turned into a number or date.

const FORMULA_LEAD = /^[=+\-@]/;
// Strings Sheets would parse into something else when written: numbers, dates, times, booleans, percentages.
const COERCIBLE =
  /^\s*(?:[-+]?[$€£]?\s*[\d.,]+\s*%?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}:\d{2}(?::\d{2})?|true|false)\s*$/i;

/** True when writing `text` as is could become a formula or another type. */
export function needsQuoting(text: string): boolean {
  return FORMULA_LEAD.test(text) || COERCIBLE.test(text) || text.startsWith("'");
}

/** The string to write so the cell shows exactly `text`: a leading apostrophe makes Sheets keep it literal. */
export function safeText(text: string): string {
  return needsQuoting(text) ? `'${text}` : text;
}
