// What the last preview announced, read back from the Reconciliation tab it wrote, so apply (which plans
// afresh) can say when its dishonour fee IDs are not the ones the preview showed: something was saved
// in between. The tab is the one record every caller shares (sidebar or command line).
import type { Table } from '../table';
import type { ReconciledRow } from '../tabs/reconciliation';

const FEE = /dishonour fee (INV-\d+)/;

interface Announced {
  reference: string;
  fee: string;
}

/** The columns announcedFees reads of the tab (besides its title row): all apply needs of it. */
export const ANNOUNCED_COLUMNS = ['Report Row', 'Reference', 'Note'] as const;

/** The fee each row of a preview of this report shape announced, by report row; empty after an apply. */
export function announcedFees(tab: Table, shape: string): Map<number, Announced> {
  const out = new Map<number, Announced>();
  const [head = []] = tab.snapshot.values;
  if (head[1] !== shape || !/^Preview /.test(String(head[3] ?? ''))) return out;
  const [rowCol, refCol, noteCol] = ANNOUNCED_COLUMNS.map((h) => tab.columns.get(h));
  if (rowCol === undefined || refCol === undefined || noteCol === undefined) return out;
  for (const r of tab.rows) {
    const fee = FEE.exec(String(r.cells[noteCol] ?? ''))?.[1];
    const reportRow = Number(r.cells[rowCol]);
    if (fee && Number.isInteger(reportRow))
      out.set(reportRow, { reference: String(r.cells[refCol] ?? ''), fee });
  }
  return out;
}

/**
 * Marks each row whose fee differs from the one the preview announced for the same report row, and
 * returns one sentence for them all ('' when every fee is as previewed).
 */
export function noteChangedFees(
  rows: ReconciledRow[],
  feeOfRow: ReadonlyMap<number, string>,
  announced: ReadonlyMap<number, Announced>,
): string {
  const now: string[] = [];
  const before: string[] = [];
  for (const r of rows) {
    const fee = feeOfRow.get(r.reportRow);
    const was = announced.get(r.reportRow);
    if (!fee || !was || was.reference !== r.reference || was.fee === fee) continue;
    // Said beside the fee it is about, before what else the note says.
    r.note = r.note.replace(
      /dishonour fee INV-\d+ \$[\d,]+\.\d\d/,
      (m) => `${m} (the preview showed ${was.fee})`,
    );
    now.push(fee);
    before.push(was.fee);
  }
  if (!now.length) return '';
  // Another action's invoice, or a fee of a row confirmed at apply, took the numbers first.
  const one = now.length === 1;
  return `Apply numbered the dishonour fee${one ? '' : 's'} ${now.join(' ')}, not ${before.join(' ')} as the preview showed: other invoices took ${one ? 'that number' : 'those numbers'} first.`;
}
