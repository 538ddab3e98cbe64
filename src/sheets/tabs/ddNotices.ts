// The hidden DD Notices tab: the schedules the DD company was told, one row per debit (a notice with no
// debits, after a cancel, keeps one row with a blank Debit Date). Rows of one notice share its number.
import type { Notice } from '../../core/ledger/ddChanges';
import { encode, readDate, readInt, readMoney, readText } from '../cells';
import type { RowCells } from '../changes';
import { cellError } from '../errors';
import type { Table } from '../table';

/** Every notice on the tab, by its number. Throws naming the row and column of a bad cell. */
export function readNotices(t: Table): Notice[] {
  const byNumber = new Map<number, Notice>();
  for (const r of t.rows) {
    const clientId = readText(t, r, 'Client ID');
    if (!clientId) continue;
    const number = readInt(t, r, 'Notice', { required: true })!;
    const notified = readDate(t, r, 'Notified', { required: true })!;
    let n = byNumber.get(number);
    if (!n) {
      n = {
        notice: number,
        clientId,
        notified,
        debits: [],
        bsb: readText(t, r, 'BSB'),
        accountNumber: readText(t, r, 'Account Number'),
        openEnded: /^(yes|true)$/i.test(readText(t, r, 'Until Cancelled')),
      };
      byNumber.set(number, n);
    } else if (n.clientId !== clientId)
      throw cellError(t.spec.name, r.rowNumber, 'Notice', `notice ${number} is also client ${n.clientId}'s`);
    const date = readDate(t, r, 'Debit Date');
    if (!date) continue;
    const sales = readText(t, r, 'Sales');
    n.debits.push({
      date,
      amount: readMoney(t, r, 'Amount', { required: true })!,
      saleIds: sales ? sales.split(/[,\s]+/).filter(Boolean) : [],
    });
  }
  for (const n of byNumber.values())
    n.debits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...byNumber.values()].sort((a, b) => a.notice - b.notice);
}

/** The rows recording a notice. */
export function noticeRows(n: Notice): RowCells[] {
  const base = {
    Notice: encode.int(n.notice),
    'Client ID': encode.text(n.clientId),
    Notified: encode.date(n.notified),
    BSB: encode.text(n.bsb),
    'Account Number': encode.text(n.accountNumber),
    'Until Cancelled': encode.text(n.openEnded ? 'Yes' : 'No'),
  };
  if (n.debits.length === 0) return [base];
  return n.debits.map((d) => ({
    ...base,
    'Debit Date': encode.date(d.date),
    Amount: encode.money(d.amount),
    Sales: encode.text(d.saleIds.join(', ')),
  }));
}
