// The printable statement: a whole HTML page built on the server for a modal dialog the browser can print.
// Every piece of text from the workbook (names, descriptions, reasons) is escaped, so none becomes markup.
import { formatDisplayDate } from '../core/calendar';
import { showsDue } from '../core/ledger/statementLines';
import { formatMoney } from '../core/money';
import type { StatementReport } from '../sheets/tabs/statement';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
body{font:13px/1.4 Arial,Helvetica,sans-serif;color:#202124;margin:16px}
h1{font-size:18px;margin:0 0 4px}h2{font-size:15px;margin:0 0 4px}h3{font-size:14px;margin:16px 0 4px}
p{margin:0 0 8px}table{border-collapse:collapse;width:100%;margin-bottom:8px}
th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f1f3f4}.n{text-align:right;white-space:nowrap}.k{white-space:nowrap}.total td{font-weight:bold}
.noprint{margin-bottom:12px}@media print{.noprint{display:none}body{margin:0}}`;

type Cell = { text: string; num?: boolean; keep?: boolean };

function row(cells: readonly Cell[], tag: 'td' | 'th' = 'td', cls = ''): string {
  const inner = cells
    .map((c) => `<${tag}${c.num ? ' class="n"' : c.keep ? ' class="k"' : ''}>${escapeHtml(c.text)}</${tag}>`)
    .join('');
  return `<tr${cls ? ` class="${cls}"` : ''}>${inner}</tr>`;
}

const t = (text: string): Cell => ({ text });
const n = (text: string | number): Cell => ({ text: String(text), num: true });
/** Dates and IDs kept on one line. */
const k = (text: string): Cell => ({ text, keep: true });

export function statementHtml(r: StatementReport): string {
  const s = r.statement;
  const d = formatDisplayDate;
  const who = `Statement for ${r.client.name} (${r.client.id})`;
  const period =
    s.from || s.to
      ? `Lines ${s.from ? `from ${d(s.from)}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `to ${d(s.to)}` : ''}. Balance as of ${d(s.asOf)}.`
      : `As of ${d(s.asOf)}.`;
  const parts = [
    row([t('Balance'), n(formatMoney(s.balance))], 'td', 'total'),
    ...s.parts.map((p) =>
      row([
        t(
          p.key === 'overdue' && s.creditNetted
            ? `${p.label} (after ${formatMoney(s.creditNetted)} credit)`
            : p.label,
        ),
        n(formatMoney(p.amount)),
      ]),
    ),
    ...(s.writtenOff ? [row([t('Written off (not owed)'), n(formatMoney(s.writtenOff))])] : []),
  ];
  const lines = [
    ...(s.from && s.opening !== null
      ? [row([k(d(s.from)), t('Opening balance'), t(''), t(''), t(''), n(''), n(formatMoney(s.opening))])]
      : []),
    ...s.lines.map((l) =>
      row([
        k(d(l.date)),
        t(l.kind),
        k(l.ref),
        t(l.description),
        k(showsDue(l) ? d(l.dueDate!) : ''),
        n(formatMoney(l.amount)),
        n(formatMoney(l.balance)),
      ]),
    ),
    ...(s.to
      ? [row([k(d(s.to)), t('Closing balance'), t(''), t(''), t(''), n(''), n(formatMoney(s.closing))])]
      : []),
  ];
  const sessions = s.packages.length
    ? `<h3>Sessions</h3><table>${row([t('Package'), t('Sale'), n('Allocated'), n('Used'), n('Left')], 'th')}${s.packages
        .map((p) => row([t(p.packageName), t(p.saleId), n(p.allocated), n(p.used), n(p.left)]))
        .join('')}</table>`
    : '';
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(who)}</title><style>${STYLE}</style></head><body>`,
    '<div class="noprint"><button type="button" onclick="window.print()">Print</button></div>',
    r.business ? `<h1>${escapeHtml(r.business)}</h1>` : '',
    `<h2>${escapeHtml(who)}</h2><p>${escapeHtml(period)}</p>`,
    `<table class="parts">${parts.join('')}</table>`,
    '<table class="lines">',
    row([t('Date'), t('Type'), t('Ref'), t('Description'), t('Due'), n('Amount'), n('Balance')], 'th'),
    lines.length ? lines.join('') : row([t('No lines in this period.')]),
    '</table>',
    sessions,
    '</body></html>',
  ].join('');
}
