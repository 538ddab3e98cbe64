// Issue 15's targets, checked on the bench's rows: printed with their figures and PASS/FAIL (the bench
// never exits non-zero for a miss; it measures).
export interface BenchRow {
  studio: string;
  clients: number;
  years: number;
  invoices: number;
  gridCells: number;
  action: string;
  /** null when the action failed. */
  ms: number | null;
  addinMs: number | null;
  /** The collector's pauses within the action (all of the process's, service calls included). */
  gcMs: number | null;
  floorMs: number | null;
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  dataCells: number;
  tabsRead: string[];
  /** Tabs read beyond their head and last rows (reads of more than a few dozen rows). */
  deepReads: string[];
  note: string;
  checksum?: number;
}

const LEDGER_TABS = ['Invoices', 'Allocations', 'Payments', 'Attendance'];
const HOT = ['Process Billing (run)', 'Create debit file (ABA)', 'Mark batch processed', 'Reconcile apply'];
const DESK = ['Sell package', 'Add client', 'Ad-hoc invoice'];
const WHOLE = [...HOT.slice(0, 3), 'Reconcile preview', 'Reconcile apply'];

const pass = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
const n0 = (n: number | null): string => (n === null ? 'failed' : n.toFixed(0));

export function printTargets(
  rows: readonly BenchRow[],
  studios: { main: string; long: string; short: string },
  say: (line: string) => void,
): void {
  const find = (studio: string, action: string): BenchRow | undefined =>
    rows.find((r) => r.studio === studio && r.action === action);
  say('\nTargets');
  say(`(a) ${studios.main}: add-in <= 10x floor; cells read <= 1.1x data cells`);
  for (const action of HOT) {
    const r = find(studios.main, action);
    if (!r) continue;
    const x = r.addinMs !== null && r.floorMs ? r.addinMs / r.floorMs : null;
    const ratio = r.dataCells ? r.cellsRead / r.dataCells : 0;
    say(
      `    ${action.padEnd(28)} add-in ${n0(r.addinMs)} ms = ${x === null ? '-' : x.toFixed(1)}x floor (${r.floorMs?.toFixed(1) ?? '-'} ms) ${pass(x !== null && x <= 10)}; read ${r.cellsRead.toLocaleString()} = ${ratio.toFixed(2)}x data ${r.dataCells.toLocaleString()} ${pass(r.dataCells > 0 && ratio <= 1.1)}`,
    );
  }
  say(
    `(b) desk actions (median of 5 runs): ${studios.long} within 1.5x of ${studios.short}; reads no more of ${LEDGER_TABS.join(', ')} than their heads and last rows`,
  );
  for (const action of DESK) {
    const a = find(studios.long, action);
    const b = find(studios.short, action);
    if (!a || !b) continue;
    const ms = a.addinMs !== null && b.addinMs ? a.addinMs / b.addinMs : null;
    const cells = b.cellsRead ? a.cellsRead / b.cellsRead : null;
    const touched = [...new Set([...a.deepReads, ...b.deepReads])].filter((t) => LEDGER_TABS.includes(t));
    say(
      `    ${action.padEnd(28)} add-in ${n0(a.addinMs)} vs ${n0(b.addinMs)} ms = ${ms?.toFixed(2) ?? '-'}x ${pass(ms !== null && ms <= 1.5)}; read ${a.cellsRead.toLocaleString()} vs ${b.cellsRead.toLocaleString()} = ${cells?.toFixed(2) ?? '-'}x ${pass(cells !== null && cells <= 1.5)}; history read beyond heads: ${touched.join(', ') || 'none'} ${pass(!touched.length)}`,
    );
  }
  say(`(c) whole-ledger actions: add-in ${studios.long} <= 4.4x ${studios.short}`);
  for (const action of WHOLE) {
    const a = find(studios.long, action);
    const b = find(studios.short, action);
    if (!a || !b) continue;
    const x = a.addinMs !== null && b.addinMs ? a.addinMs / b.addinMs : null;
    say(
      `    ${action.padEnd(28)} ${n0(a.addinMs)} vs ${n0(b.addinMs)} ms = ${x?.toFixed(2) ?? '-'}x ${pass(x !== null && x <= 4.4)}`,
    );
  }
}
