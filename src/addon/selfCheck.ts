// Check this spreadsheet (Studio Ledger > Help, and `studio-ledger self-check`): a probe of every Sheets
// behaviour the add-in relies on, run in a temporary hidden tab that is deleted afterwards. Each check's
// expected value is what Google's reference says (the page is named beside it), not what our emulation
// does: CI runs the probe against the emulation and every check must pass there, so the first run in a
// real spreadsheet shows at once which assumption, if any, does not hold. It writes one Log row.
import { LedgerTx } from '../sheets/ledgerTx';
import type { CellValue } from '../sheets/port';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';
import { NUMBER_FORMATS, SpreadsheetPort } from './spreadsheetPort';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SelfCheck {
  name: string;
  pass: boolean;
  expected: string;
  seen: string;
  /** Google's page the expected value comes from. */
  reference: string;
}

export interface SelfCheckReport {
  checks: SelfCheck[];
  passed: number;
  total: number;
}

const REF = {
  getValues: 'https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()',
  numberFormat:
    'https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)',
  plainText: 'https://support.google.com/docs/answer/56470 (Format numbers: Plain text)',
  formats: 'https://developers.google.com/sheets/api/guides/formats',
  checkboxes: 'https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()',
  timeZone:
    'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()',
  formatDate:
    'https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)',
  quotas:
    'https://developers.google.com/apps-script/guides/services/quotas (Properties value size, total storage)',
  lock: 'https://developers.google.com/apps-script/reference/lock/lock',
  cells: 'https://support.google.com/drive/answer/37603 (Spreadsheets: up to 10 million cells)',
  hide: 'https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()',
};

const PROBE_TAB = '_Studio Ledger check';
const PROBE_KEY = 'studioLedger.selfCheck';
const CELL_CAP = 10_000_000;
const STORE_BYTES = 500 * 1024;
/** The largest chunk the overdue summary stores (sheets/overdueSummaryStore). */
const VALUE_BYTES = 9000;
/** Around the daylight-saving changes of the southern and northern hemispheres, both ways. */
const DST_DATES = [
  '2016-04-02',
  '2016-04-03',
  '2016-04-04',
  '2016-10-01',
  '2016-10-02',
  '2016-10-03',
  '2016-03-12',
  '2016-03-13',
  '2016-03-14',
  '2016-11-05',
  '2016-11-06',
  '2016-11-07',
];
const LITERALS = ['=1+1', '0123', 'March 2024', '1 Feb', '10am'];

function bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function kind(v: unknown): string {
  if (v === '') return 'empty';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return typeof v;
}

const shown = (v: CellValue): string => (typeof v === 'object' ? `date ${v.date}` : JSON.stringify(v));

interface Probe {
  name: string;
  reference: string;
  expected: string;
  seen: () => string;
}

function probes(ss: Spreadsheet, sheet: Sheet, zone: string): Probe[] {
  const port = (): SpreadsheetPort => new SpreadsheetPort(ss);
  const read = (): CellValue[][] => port().readTabs([PROBE_TAB])[PROBE_TAB]?.values ?? [];
  return [
    {
      name: 'The probe tab is hidden',
      reference: REF.hide,
      expected: 'hidden',
      seen: () => (sheet.isSheetHidden() ? 'hidden' : 'shown'),
    },
    {
      name: 'Value types read back (number, boolean, text, empty)',
      reference: REF.getValues,
      expected: 'number, boolean, string, empty',
      seen: () => {
        const r = sheet.getRange(1, 1, 1, 4);
        r.setValues([[42.5, true, 'abc', '']]);
        return (r.getValues()[0] ?? []).map(kind).join(', ');
      },
    },
    {
      name: "Plain text ('@') keeps what looks like a formula, number or date",
      reference: `${REF.numberFormat}; ${REF.plainText}`,
      expected: `${LITERALS.join(' | ')}; no formulas`,
      seen: () => {
        const r = sheet.getRange(2, 1, 1, LITERALS.length);
        r.setNumberFormat('@');
        r.setValues([LITERALS]);
        const formulas = (r.getFormulas()[0] ?? []).filter((f) => f !== '').length;
        return `${(r.getValues()[0] ?? []).map(String).join(' | ')}; ${formulas ? `${formulas} formula(s)` : 'no formulas'}`;
      },
    },
    {
      name: 'A leading apostrophe keeps text as text in a cell of any format',
      reference: `${REF.getValues}; ${REF.plainText}`,
      expected: '0123 | =1+1 | 05/01/2024; no formulas',
      seen: () => {
        const r = sheet.getRange(7, 1, 1, 3);
        r.setValues([["'0123", "'=1+1", "'05/01/2024"]]);
        const formulas = (r.getFormulas()[0] ?? []).filter((f) => f !== '').length;
        return `${(r.getValues()[0] ?? []).map(String).join(' | ')}; ${formulas ? `${formulas} formula(s)` : 'no formulas'}`;
      },
    },
    {
      name: "The add-in's own text writes land as text",
      reference: `${REF.numberFormat}; ${REF.plainText}`,
      expected: LITERALS.map((t) => JSON.stringify(t)).join(' | '),
      seen: () => {
        port().writeBlocks(PROBE_TAB, [
          { row: 3, column: 1, values: [LITERALS], textColumns: LITERALS.map((_, i) => i) },
        ]);
        return (read()[2] ?? []).slice(0, LITERALS.length).map(shown).join(' | ');
      },
    },
    {
      name: "Date cells are midnight in the spreadsheet's zone, across daylight-saving changes",
      reference: `${REF.getValues}; ${REF.timeZone}; ${REF.formatDate}`,
      expected: DST_DATES.map((d) => `${d} 00:00`).join(', '),
      seen: () => {
        port().writeBlocks(PROBE_TAB, [
          { row: 4, column: 1, values: [DST_DATES.map((date) => ({ date }))], textColumns: [] },
        ]);
        const raw = sheet.getRange(4, 1, 1, DST_DATES.length).getValues()[0] ?? [];
        return raw
          .map((v) =>
            kind(v) === 'Date'
              ? Utilities.formatDate(v as Date, zone, 'yyyy-MM-dd HH:mm')
              : `${kind(v)} ${String(v)}`,
          )
          .join(', ');
      },
    },
    {
      name: 'Date cells read back through the add-in as the same calendar dates',
      reference: `${REF.getValues}; ${REF.timeZone}`,
      expected: DST_DATES.map((d) => `date ${d}`).join(', '),
      seen: () => (read()[3] ?? []).slice(0, DST_DATES.length).map(shown).join(', '),
    },
    {
      name: 'Number, currency and date formats display as the studio reads them',
      reference: REF.formats,
      expected: '$1,234.50 | 7 | 13/09/2016',
      seen: () => {
        const money = sheet.getRange(5, 1).setValue(1234.5).setNumberFormat(NUMBER_FORMATS.money);
        const count = sheet.getRange(5, 2).setValue(7).setNumberFormat(NUMBER_FORMATS.integer);
        port().writeBlocks(PROBE_TAB, [
          { row: 5, column: 3, values: [[{ date: '2016-09-13' }]], textColumns: [] },
        ]);
        const date = sheet.getRange(5, 3).setNumberFormat(NUMBER_FORMATS.date);
        return [money, count, date].map((r) => r.getDisplayValue()).join(' | ');
      },
    },
    {
      name: 'Checkboxes hold FALSE, then TRUE when ticked',
      reference: REF.checkboxes,
      expected: 'false, true, CHECKBOX',
      seen: () => {
        const r = sheet.getRange(6, 1).insertCheckboxes();
        const before = String(r.getValue());
        r.setValue(true);
        const rule = r.getDataValidation();
        return `${before}, ${String(r.getValue())}, ${rule ? String(rule.getCriteriaType()) : 'no rule'}`;
      },
    },
    {
      name: 'Time zone functions: the zone, and Utilities.formatDate across a change',
      reference: `${REF.timeZone}; ${REF.formatDate}`,
      expected: `${zone}: 2016-10-02 00:00 (AEST), 2016-10-02 11:00 (AEDT) in Australia/Sydney`,
      seen: () => {
        const before = Utilities.formatDate(
          new Date(Date.UTC(2016, 9, 1, 14)),
          'Australia/Sydney',
          'yyyy-MM-dd HH:mm',
        );
        const after = Utilities.formatDate(
          new Date(Date.UTC(2016, 9, 2, 0)),
          'Australia/Sydney',
          'yyyy-MM-dd HH:mm',
        );
        return `${ss.getSpreadsheetTimeZone()}: ${before} (AEST), ${after} (AEDT) in Australia/Sydney`;
      },
    },
    {
      name: 'Document properties hold a 9,000-byte value, and the store is under 500 KB',
      reference: REF.quotas,
      expected: `${VALUE_BYTES} bytes read back; under ${STORE_BYTES} bytes in all`,
      seen: () => {
        const props = PropertiesService.getDocumentProperties();
        const value = 'x'.repeat(VALUE_BYTES);
        props.setProperty(PROBE_KEY, value);
        let back: string | null;
        try {
          back = props.getProperty(PROBE_KEY);
        } finally {
          props.deleteProperty(PROBE_KEY);
        }
        const all = props.getProperties();
        const used = Object.keys(all).reduce((n, k) => n + bytes(k) + bytes(all[k] ?? ''), 0);
        const readBack =
          back === value ? `${VALUE_BYTES} bytes read back` : `read back ${back?.length ?? 0} characters`;
        return `${readBack}; ${used < STORE_BYTES ? `under ${STORE_BYTES} bytes in all` : `${used} bytes in all`}`;
      },
    },
    {
      name: 'The document lock can be taken and released',
      reference: REF.lock,
      expected: 'a document lock; taken; held; released',
      seen: () => {
        const lock = LockService.getDocumentLock();
        if (!lock) return 'no document lock (not a bound script or add-on)';
        const taken = lock.tryLock(10_000);
        const held = lock.hasLock();
        lock.releaseLock();
        return `a document lock; ${taken ? 'taken' : 'not taken'}; ${held ? 'held' : 'not held'}; ${lock.hasLock() ? 'still held' : 'released'}`;
      },
    },
  ];
}

/** The cells every tab's grid takes (rows x columns), which Sheets caps at 10 million. */
function capCheck(ss: Spreadsheet): SelfCheck {
  const sheets = ss.getSheets();
  const used = sheets.reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  const left = CELL_CAP - used;
  return {
    name: 'Cells left before the 10 million cell cap',
    pass: left > 0,
    expected: `fewer than ${CELL_CAP.toLocaleString('en-US')} cells`,
    seen: `${used.toLocaleString('en-US')} cells in ${sheets.length} tabs; ${Math.max(0, left).toLocaleString('en-US')} left`,
    reference: REF.cells,
  };
}

function run(p: Probe): SelfCheck {
  let seen: string;
  try {
    seen = p.seen();
  } catch (e) {
    seen = `failed: ${(e as Error).message.split('\n')[0] ?? ''}`;
  }
  return { name: p.name, pass: seen === p.expected, expected: p.expected, seen, reference: p.reference };
}

/** Runs the probe; the temporary tab is always deleted, and a Log row says how it went. */
export function runSelfCheck(req?: Request): Result<SelfCheckReport> {
  return attempt(() => {
    const ctx = context(req);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const stale = ss.getSheetByName(PROBE_TAB);
    if (stale) ss.deleteSheet(stale);
    const checks: SelfCheck[] = [];
    let sheet: Sheet | null = null;
    try {
      sheet = ss.insertSheet(PROBE_TAB);
    } catch (e) {
      // A workbook at the cap, or one this user may not change: the other checks cannot run.
      checks.push({
        name: 'A temporary tab for the probe can be made',
        pass: false,
        expected: 'made, then deleted',
        seen: `not made: ${(e as Error).message.split('\n')[0] ?? ''}`,
        reference: REF.cells,
      });
    }
    if (sheet)
      try {
        sheet.hideSheet();
        // As small as the probe needs: every cell counts toward the cap.
        if (sheet.getMaxRows() > 10) sheet.deleteRows(11, sheet.getMaxRows() - 10);
        if (sheet.getMaxColumns() > 12) sheet.deleteColumns(13, sheet.getMaxColumns() - 12);
        for (const p of probes(ss, sheet, ctx.port.timeZone())) checks.push(run(p));
      } finally {
        ss.deleteSheet(sheet);
      }
    checks.push(capCheck(ss));
    const passed = checks.filter((c) => c.pass).length;
    const failed = checks.filter((c) => !c.pass).map((c) => c.name);
    withDocumentLock(() =>
      new LedgerTx(ctx.port, []).commit(
        'Check this spreadsheet',
        `${passed} of ${checks.length} checks passed${failed.length ? `; failed: ${failed.join('; ')}` : ''}`,
        ctx.timestamp(),
      ),
    );
    return plain({ checks, passed, total: checks.length });
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Menu item Studio Ledger > Help > Check this spreadsheet: the checks in a dialog. */
export function showSelfCheck(): void {
  const ui = SpreadsheetApp.getUi();
  const r = runSelfCheck();
  if (!r.ok) {
    ui.alert('Studio Ledger', r.error, ui.ButtonSet.OK);
    return;
  }
  const rows = r.value.checks
    .map(
      (c) =>
        `<tr><td>${c.pass ? '&#10003; pass' : '&#10007; FAIL'}</td><td>${escapeHtml(c.name)}<br><small>${escapeHtml(c.reference)}</small></td><td>${escapeHtml(c.expected)}</td><td>${escapeHtml(c.seen)}</td></tr>`,
    )
    .join('');
  const html =
    `<p>${r.value.passed} of ${r.value.total} checks passed.</p>` +
    '<table border="1" cellpadding="4" style="border-collapse:collapse;font:12px sans-serif">' +
    `<tr><th>Result</th><th>Check (Google's reference)</th><th>Expected</th><th>Seen</th></tr>${rows}</table>`;
  ui.showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(900).setHeight(600),
    'Check this spreadsheet',
  );
}
