// The printable debit schedule: a whole HTML page for a modal dialog the browser can print. Every piece of
// workbook text (names, IDs) is escaped, so none becomes markup.
import { formatDisplayDate } from '../core/calendar';
import { formatMoney } from '../core/money';
import type { ScheduleReport } from '../sheets/actions/ddSchedule';
import { escapeHtml } from './statementPrint';

const STYLE = `
body{font:13px/1.4 Arial,Helvetica,sans-serif;color:#202124;margin:16px}
h1{font-size:18px;margin:0 0 4px}p{margin:0 0 8px}table{border-collapse:collapse;width:100%;margin-bottom:8px}
th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:left}th{background:#f1f3f4}
.n{text-align:right;white-space:nowrap}.k{white-space:nowrap}
.noprint{margin-bottom:12px}@media print{.noprint{display:none}body{margin:0}}`;

export function scheduleHtml(r: ScheduleReport & { today: string }): string {
  const s = r.schedule;
  const e = escapeHtml;
  const rows = s.debits
    .map(
      (d) =>
        `<tr><td class="k">${e(formatDisplayDate(d.date))}</td><td class="n">${e(formatMoney(d.amount))}</td><td>${e(d.saleIds.join(', '))}</td></tr>`,
    )
    .join('');
  const notes = [
    s.blocked ? `No debits: ${s.blocked}` : '',
    s.openEnded ? `Continues until cancelled: the next ${s.debits.length} debits are shown.` : '',
    s.creditApplied > 0 ? `Credit of ${formatMoney(s.creditApplied)} paid the first debits.` : '',
    ...s.held.map((h) => `Held (not debited until released): ${h.invoiceId} ${formatMoney(h.amount)}`),
  ].filter(Boolean);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div class="noprint"><button onclick="window.print()">Print</button></div>
${r.business ? `<p>${e(r.business)}</p>` : ''}<h1>Debit schedule for ${e(r.client.name)} (${e(r.client.id)})</h1>
<p>${e(r.client.billingMethod)}. As of ${e(formatDisplayDate(r.today))}.</p>
${s.summary ? `<p><strong>${e(s.summary)}</strong></p>` : ''}
<table><thead><tr><th>Date</th><th class="n">Amount</th><th>Sales</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No debits to come.</td></tr>'}</tbody></table>
${notes.map((n) => `<p>${e(n)}</p>`).join('\n')}
</body></html>`;
}
