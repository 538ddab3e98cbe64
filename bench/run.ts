// npm run bench: Process Billing and the debit file on a synthetic studio, through the emulation of Apps
// Script and the real bundle. Prints rows, milliseconds and service calls per action; the calls must not
// grow with the number of rows.
import { startAddin, type AddinRuntime } from '../src/local/runtime';
import { addDays } from '../src/core/calendar';
import { buildStudio, type StudioSize } from './studio';

interface Measured {
  action: string;
  ms: number;
  calls: number;
  note: string;
}

function measure<T>(addin: AddinRuntime, action: string, fn: () => T, note: (r: T) => string): Measured {
  addin.emu.calls.reset();
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  const res = r as { ok?: boolean; error?: string };
  if (res && res.ok === false) throw new Error(`${action} failed: ${res.error}`);
  return { action, ms, calls: addin.emu.calls.total(), note: note(r) };
}

type Ok<T> = { ok: true; value: T };

/** An Ezidebit-shaped report: one row per client per cycle, newest cycles first; a few declines and pending. */
function ddReport(clients: number, billingDate: string, rows: number): string {
  const lines = [
    'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
  ];
  for (let i = 0; i < rows; i++) {
    const c = (i % clients) + 1;
    const cycle = Math.floor(i / clients);
    const date = addDays(billingDate, -14 * cycle);
    const dmy = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    const status = i % 20 === 7 ? 'D,06,Refer to customer' : i % 20 === 13 ? 'P,,' : 'S,,';
    lines.push(`PAY-${i},,C-${String(c).padStart(5, '0')},Client ${c},${dmy},,160.00,160.00,${status}`);
  }
  return lines.join('\r\n');
}

const quick = process.argv.includes('--quick');

/** The spreadsheet's grid: every tab's rows x columns, what Sheets counts toward its 10,000,000-cell cap. */
function gridCells(addin: ReturnType<typeof startAddin>): number {
  return addin.emu.spreadsheet
    .getSheets()
    .reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

function bench(label: string, size: StudioSize): void {
  const addin = startAddin();
  const t0 = performance.now();
  let built: { billingDate: string; invoices: number };
  try {
    built = buildStudio(addin, size);
  } catch (e) {
    // A studio too big for one spreadsheet is refused as Sheets would refuse it: say so and go on.
    console.log(
      `\n${label}: ${size.clients.toLocaleString()} clients, ${size.years} years: not built (${(e as Error).message})`,
    );
    return;
  }
  const { billingDate, invoices } = built;
  const buildMs = performance.now() - t0;
  console.log(
    `\n${label}: ${size.clients.toLocaleString()} clients, ${size.years} years fortnightly, ${invoices.toLocaleString()} invoice rows, ${gridCells(addin).toLocaleString()} grid cells of 10,000,000 (built in ${(buildMs / 1000).toFixed(1)} s)`,
  );
  const today = billingDate;
  const reportRows = quick ? 2_000 : 20_000;
  const report = ddReport(size.clients, billingDate, reportRows);
  const rows: Measured[] = [
    measure(
      addin,
      'Process Billing (run)',
      () =>
        addin.call<Ok<{ rows: unknown[]; invoicesCreated: number; totalDue: number }>>('runBilling', {
          billingDate,
          today,
        }),
      (r) =>
        `${r.value.rows.length} debits, ${r.value.invoicesCreated} recurring invoices created, $${(r.value.totalDue / 100).toFixed(2)} due`,
    ),
    measure(
      addin,
      'Process Billing (again, same date)',
      () => addin.call<Ok<{ invoicesCreated: number }>>('runBilling', { billingDate, today }),
      (r) => `${r.value.invoicesCreated} created`,
    ),
    measure(
      addin,
      'Create debit file (ABA)',
      () => addin.call<Ok<{ debits: number; content: string }>>('createDebitFile', { format: 'aba', today }),
      (r) => `${r.value.debits} debits, ${r.value.content.length.toLocaleString()} bytes`,
    ),
    measure(
      addin,
      'Mark batch processed',
      () => addin.call<Ok<{ payments: unknown[] }>>('markBatchProcessed', { today }),
      (r) => `${r.value.payments.length} payments`,
    ),
    measure(
      addin,
      `Reconcile preview (${reportRows.toLocaleString()}-row report)`,
      () =>
        addin.call<Ok<{ rows: unknown[]; totals: { paid: { count: number } } }>>('previewReconcile', {
          text: report,
          today,
        }),
      (r) => `${r.value.rows.length} rows, ${r.value.totals.paid.count} paid`,
    ),
    measure(
      addin,
      'Reconcile apply',
      () => addin.call<Ok<{ payments: number; fees: number }>>('applyReconcile', { text: report, today }),
      (r) => `${r.value.payments} payment rows, ${r.value.fees} fees`,
    ),
    measure(
      addin,
      'Sell package',
      () =>
        addin.call<Ok<{ saleId: string }>>('sellPackage', {
          clientId: 'C-00001',
          packageCode: 'PT2W',
          today,
        }),
      (r) => r.value.saleId,
    ),
  ];
  console.log('  action                               ms   service calls  result');
  for (const r of rows)
    console.log(
      `  ${r.action.padEnd(34)} ${r.ms.toFixed(0).padStart(6)}  ${String(r.calls).padStart(14)}  ${r.note}`,
    );
}

// The main studio (4 years of history), the same clients with 1 year (growth with history), and five times
// the clients with 9 months (growth with clients): each must fit under the 10M-cell cap.
bench('Studio', quick ? { clients: 200, years: 4 } : { clients: 2_000, years: 4 });
bench('Studio, 1 year', quick ? { clients: 200, years: 1 } : { clients: 2_000, years: 1 });
bench('Studio x5, 9 months', quick ? { clients: 1_000, years: 0.75 } : { clients: 10_000, years: 0.75 });
