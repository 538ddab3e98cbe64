// xl/sharedStrings.xml as a stream of chunks. exceljs's streaming writer renders the whole table as
// one XML string (millions of small pieces joined at the end), a few hundred MB for a big workbook;
// this writes the same XML a block of strings at a time.
import { Readable } from 'node:stream';

/** What exceljs's streaming workbook writer keeps of the shared strings. */
export interface SharedStringTable {
  count: number;
  values: string[];
}

/** The part of exceljs's streaming workbook writer this replaces. */
export interface SharedStringsWriter {
  sharedStrings: SharedStringTable;
  zip: { append(source: Readable, data: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

const STRINGS_PER_CHUNK = 4096;

/** exceljs's xmlEncode: the five entities; control characters other than tab, LF and CR are dropped. */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching the control characters XML cannot hold is the point
  return s.replace(/[<>&"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (ch) => {
    switch (ch) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return '';
    }
  });
}

function* chunks(table: SharedStringTable): Generator<string> {
  const values = table.values;
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${table.count}" uniqueCount="${values.length}">`
  );
  for (let i = 0; i < values.length; i += STRINGS_PER_CHUNK) {
    let xml = '';
    for (const v of values.slice(i, i + STRINGS_PER_CHUNK)) {
      // as exceljs's TextXform: edge whitespace or a line break keeps its spaces
      xml += /^\s|\n|\s$/.test(v)
        ? `<si><t xml:space="preserve">${xmlText(v)}</t></si>`
        : `<si><t>${xmlText(v)}</t></si>`;
    }
    yield xml;
  }
  yield '</sst>';
}

/** Makes the writer stream its shared strings part. */
export function streamSharedStrings(book: SharedStringsWriter): void {
  book.addSharedStrings = () => {
    const table = book.sharedStrings;
    if (table.count) book.zip.append(Readable.from(chunks(table)), { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
}
