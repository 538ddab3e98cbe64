// Timing for a big workbook (not a test: timings are machine-dependent).
//   npx tsx test/local/xlsx/bench-200k.ts [rows]
// Saves an Invoices tab of 200,000 rows x 12 columns (text, dates, money, a dropdown, a checkbox) from
// an emulation, loads it into a fresh one, and prints the times and the process's peak memory.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppsScript, zonedMidnight, type CellModel, type SheetModel } from '../../../src/local/gas';
import { loadIntoEmulation, saveFromEmulation } from '../../../src/local/xlsx';

const ROWS = Number(process.argv[2] ?? 200_000);
const ZONE = 'Australia/Sydney';

function invoices(): SheetModel {
  const headers = [
    'Invoice ID',
    'Sale ID',
    'Client ID',
    'Description',
    'Instalment',
    'Due Date',
    'Amount',
    'Paid',
    'Status',
    'Batch ID',
    'Include',
    'Notes',
  ];
  const status = {
    kind: 'list' as const,
    values: ['Open', 'Sent', 'Part paid', 'Paid', 'Declined', 'Cancelled'],
    allowInvalid: false,
  };
  const box = { kind: 'checkbox' as const };
  const days = Array.from({ length: 400 }, (_, d) => zonedMidnight(2016, 1, 1 + d, ZONE));
  const rows: CellModel[][] = [headers.map((value) => ({ value, fontWeight: 'bold' as const }))];
  for (let i = 1; i < ROWS; i++) {
    rows.push([
      { value: `INV-${String(i).padStart(6, '0')}` },
      { value: `S-${Math.floor(i / 5)}` },
      { value: `C-${i % 700}` },
      { value: `10 PT sessions (${(i % 5) + 1} of 5)` },
      { value: (i % 5) + 1 },
      { value: days[i % 400]!, numberFormat: 'dd/mm/yyyy' },
      { value: 220 + (i % 7) * 0.5, numberFormat: '$#,##0.00' },
      { value: i % 3 ? 0 : 220, numberFormat: '$#,##0.00' },
      { value: i % 3 ? 'Open' : 'Paid', validation: status },
      { value: i % 11 ? '' : `B-${i % 50}` },
      { value: i % 2 === 0, validation: box },
      { value: i % 13 ? '' : '=HYPERLINK("x")', numberFormat: '@' },
    ]);
  }
  return { name: 'Invoices', rows, maxRows: ROWS, maxColumns: 12, frozenRows: 1, hidden: false };
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-bench-'));
  const path = join(dir, 'big.xlsx');
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const emu = createAppsScript({ timeZone: ZONE });
    emu.spreadsheet.loadModel([invoices()]);
    emu.properties.document.set('nextInvoiceId', String(ROWS));

    let t = performance.now();
    await saveFromEmulation(path, emu);
    const save = performance.now() - t;
    console.log(`save ${ROWS} rows x 12: ${(save / 1000).toFixed(1)} s, file ${mb(statSync(path).size)}`);

    const fresh = createAppsScript({ timeZone: 'UTC' });
    t = performance.now();
    await loadIntoEmulation(path, fresh);
    const load = performance.now() - t;
    console.log(`load: ${(load / 1000).toFixed(1)} s`);

    const sheet = fresh.spreadsheet.getSheetByName('Invoices')!;
    const last = sheet.getRange(ROWS, 1, 1, 12).getValues()[0]!;
    console.log('last row:', JSON.stringify(last), 'zone', fresh.spreadsheet.getSpreadsheetTimeZone());
    console.log(`peak rss ${mb(Math.max(peak, process.memoryUsage().rss))}`);
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
