// The workbook-wide parts a sheet's cells refer to: the tab list (workbook.xml and its relationships),
// the cell styles (styles.xml: number format and bold per style index) and the shared strings.
import { parsePart, xmlTrue, type Attributes } from './xml';
import type { Zip } from './zip';

export interface CellStyle {
  numFmt?: string;
  bold: boolean;
  /** numFmt is a date format: a number in this style is a date */
  date: boolean;
}

export interface BookSheet {
  /** The name in the file (the metadata may give the tab's real one). */
  name: string;
  /** 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  /** The sheet's XML part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface Book {
  zip: Zip;
  sheets: BookSheet[];
  date1904: boolean;
  styles: CellStyle[];
  strings: string[];
}

/** Excel's built-in number formats, by id, with the codes exceljs gives them. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's test for a date format: y m d h s b outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A relationship target as a part name ('worksheets/sheet1.xml' from xl/ is xl/worksheets/sheet1.xml). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base === '' ? [] : base.split('/');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

async function relationships(zip: Zip, part: string): Promise<{ id: string; type: string; part: string }[]> {
  const slash = part.lastIndexOf('/');
  const dir = slash < 0 ? '' : part.slice(0, slash);
  const relsPart = `${dir === '' ? '' : `${dir}/`}_rels/${part.slice(slash + 1)}.rels`;
  const out: { id: string; type: string; part: string }[] = [];
  if (!zip.has(relsPart)) return out;
  await parsePart(zip, relsPart, {
    open(name, a) {
      if (name === 'Relationship' && a.Target !== undefined && a.TargetMode !== 'External') {
        out.push({ id: a.Id ?? '', type: a.Type ?? '', part: resolvePart(dir, a.Target) });
      }
    },
  });
  return out;
}

async function readStyles(zip: Zip, part: string | undefined): Promise<CellStyle[]> {
  if (part === undefined || !zip.has(part)) return [];
  const formats = new Map<number, string>();
  const bold: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let section = '';
  let inFont = false;
  await parsePart(zip, part, {
    open(name, a: Attributes) {
      switch (name) {
        case 'numFmts':
        case 'fonts':
        case 'cellXfs':
        case 'cellStyleXfs':
        case 'dxfs':
          section = name;
          break;
        case 'numFmt':
          // A backslash escape (LibreOffice writes \$) is dropped, as exceljs does.
          if (section === 'numFmts')
            formats.set(Number(a.numFmtId), (a.formatCode ?? '').replace(/\\(.)/g, '$1'));
          break;
        case 'font':
          if (section === 'fonts') {
            inFont = true;
            bold.push(false);
          }
          break;
        case 'b':
          if (inFont) bold[bold.length - 1] = a.val === undefined || xmlTrue(a.val);
          break;
        case 'xf':
          if (section === 'cellXfs')
            xfs.push({ numFmtId: Number(a.numFmtId) || 0, fontId: Number(a.fontId) || 0 });
          break;
        default:
          break;
      }
    },
    close(name) {
      if (name === 'font') inFont = false;
      else if (name === section) section = '';
    },
  });
  // As exceljs reads a style: format 0 (General) is no format at all.
  return xfs.map(({ numFmtId, fontId }) => {
    const code = numFmtId ? (formats.get(numFmtId) ?? BUILT_IN_FORMATS[numFmtId]) : undefined;
    const style: CellStyle = { bold: bold[fontId] === true, date: isDateFormat(code) };
    if (code) style.numFmt = code;
    return style;
  });
}

/** Each shared string as plain text (rich text runs joined; phonetic hints left out). */
async function readStrings(zip: Zip, part: string | undefined): Promise<string[]> {
  if (part === undefined || !zip.has(part)) return [];
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  await parsePart(zip, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (inT) current += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function openBook(zip: Zip): Promise<Book> {
  const root = await relationships(zip, '');
  const workbook = root.find((r) => r.type === `${REL}officeDocument`)?.part ?? 'xl/workbook.xml';
  const rels = await relationships(zip, workbook);
  const byId = new Map(rels.map((r) => [r.id, r.part]));
  const sheets: BookSheet[] = [];
  let date1904 = false;
  await parsePart(zip, workbook, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = xmlTrue(a.date1904);
      if (name !== 'sheet') return;
      // The relationship id is r:id, whatever prefix the file gives that namespace.
      const rid = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
      const part = byId.get(rid === undefined ? '' : (a[rid] ?? ''));
      if (part !== undefined && zip.has(part)) {
        sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', part });
      }
    },
  });
  const partOf = (type: string): string | undefined => rels.find((r) => r.type === `${REL}${type}`)?.part;
  return {
    zip,
    sheets,
    date1904,
    styles: await readStyles(zip, partOf('styles')),
    strings: await readStrings(zip, partOf('sharedStrings')),
  };
}
