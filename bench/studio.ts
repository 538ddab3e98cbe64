// A synthetic studio for the bench, built straight into the emulation's tabs. What the studio is:
// - N clients on fortnightly recurring PT: odd-numbered clients on "PT 2 a week" ($160, 4 sessions a
//   fortnight), even-numbered on "PT 1 a week" ($90, 2 sessions a fortnight);
// - clients join and leave over the years: most joined early (the founders of a studio of this size),
//   the rest through the years; one in five left at some point (client Inactive, sale Cancelled From
//   the cycle after their last), so not every client has the whole history;
// - every cycle a client was on is invoiced, allocated and paid, with the rows each billing method makes:
//   DD Full and Partial Integration a Direct debit Payments row with the cycle's Batch ID, DD
//   Reconciliation a DD report row (Reference, Provider Ref, Batch ID) and its Reconciled key, Manual a
//   Cash payment with its Receipt ID;
// - one Attendance row per session day attended (4 or 2 a fortnight);
// - the latest cycle falls on the billing date, and only its invoices are left for the billing run.
// All of it must stay under Sheets' 10,000,000-cell cap with room for the actions to add rows.
import { addDays, type IsoDate } from '../src/core/calendar';
import { midnightInZone } from '../src/addon/zonedDate';
import type { AddinRuntime } from '../src/local/runtime';

const ZONE = 'Australia/Sydney';
const METHODS = [
  'DD Full Integration',
  'DD Full Integration',
  'DD Full Integration',
  'DD Partial Integration',
  'DD Reconciliation',
  'Manual',
] as const;

const PACKAGES = {
  PT2W: { name: 'PT 2 a week', price: 160, sessions: 4, days: [0, 3, 7, 10] },
  PT1W: { name: 'PT 1 a week', price: 90, sessions: 2, days: [1, 8] },
} as const;
type PackageCode = keyof typeof PACKAGES;

export interface StudioSize {
  clients: number;
  years: number;
}

export interface StudioClient {
  n: number;
  id: string;
  method: (typeof METHODS)[number];
  pkg: PackageCode;
  price: number;
  /** The first cycle (0-based) the client was billed for. */
  join: number;
  /** The cycle their sale was cancelled from (no invoice on or after it); `cycles` for a client still on. */
  leave: number;
}

export interface Studio {
  billingDate: IsoDate;
  cycles: number;
  /** The ISO date of each cycle, oldest first; the last is the billing date. */
  cycleDates: IsoDate[];
  clients: StudioClient[];
  invoices: number;
  /** An active Manual client, for the desk payment. */
  manualClient: string;
  /** An active client of any method, for sales, ad-hoc invoices and sessions. */
  activeClient: string;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** A fixed pseudo-random number in [0, 1) for (client, salt): the same studio every run. */
function unit(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x9e3779b9), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

export function ezidebitPaymentId(cycle: number, client: number): string {
  return `EZ${pad(cycle, 3)}-${pad(client, 5)}`;
}

function planClients(size: StudioSize, cycles: number): StudioClient[] {
  const out: StudioClient[] = [];
  for (let n = 1; n <= size.clients; n++) {
    const pkg: PackageCode = n % 2 === 1 ? 'PT2W' : 'PT1W';
    // The first 20 clients are founders still on (the bench's sample clients); the rest join mostly early.
    const join = n <= 20 ? 0 : Math.floor(unit(n, 1) ** 2 * 0.5 * (cycles - 1));
    const room = cycles - 1 - join;
    const leaves = n > 20 && room > 1 && unit(n, 2) < 0.2;
    const leave = leaves ? join + 1 + Math.floor(unit(n, 3) * (room - 1)) : cycles;
    out.push({
      n,
      id: `C-${pad(n, 5)}`,
      method: METHODS[n % METHODS.length]!,
      pkg,
      price: PACKAGES[pkg].price,
      join,
      leave,
    });
  }
  return out;
}

function setSettings(addin: AddinRuntime, values: Record<string, unknown>): void {
  const sheet = addin.emu.spreadsheet.getSheetByName('Settings')!;
  const rows = sheet.getDataRange().getValues();
  rows.forEach((r, i) => {
    if (typeof r[0] === 'string' && r[0] in values) r[1] = values[r[0]] as never;
    rows[i] = r;
  });
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
}

/** Writes rows below the header, growing the tab to fit exactly (rows may be ragged: padded to the widest). */
function writeTab(addin: AddinRuntime, tab: string, rows: unknown[][]): void {
  const sheet = addin.emu.spreadsheet.getSheetByName(tab)!;
  if (!rows.length) return;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of rows) while (r.length < width) r.push('');
  const need = rows.length + 1;
  if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(2, 1, rows.length, width).setValues(rows as never);
}

/** Builds the studio in `addin`'s spreadsheet. */
export function buildStudio(addin: AddinRuntime, size: StudioSize): Studio {
  const cycles = Math.round(size.years * 26);
  const start = '2020-01-07';
  const cycleDates = Array.from({ length: cycles }, (_, k) => addDays(start, k * 14));
  const billingDate = cycleDates[cycles - 1]!;
  const midnights = new Map<IsoDate, Date>();
  const day = (iso: IsoDate): Date => {
    let d = midnights.get(iso);
    if (!d) midnights.set(iso, (d = midnightInZone(iso, ZONE)));
    return d;
  };
  const cycleDay = (k: number, offset = 0): Date => day(addDays(cycleDates[k]!, offset));

  addin.call('setUpWorkbook', { today: start });
  setSettings(addin, {
    'Business Name': 'Bench Studio',
    'Billing Day': day(start),
    'ABA Bank': 'CBA',
    'ABA User Name': 'BENCH STUDIO PTY LTD',
    'ABA User ID': '301500',
    'ABA Description': 'PT DEBITS',
    'Studio BSB': '032-000',
    'Studio Account Number': '123456',
    'Studio Account Name': 'BENCH STUDIO PTY LTD',
  });
  writeTab(
    addin,
    'Packages',
    (Object.keys(PACKAGES) as PackageCode[]).map((code) => {
      const p = PACKAGES[code];
      return [code, p.name, 'Recurring', p.sessions, p.price, '', 'Fortnightly', true];
    }),
  );

  const plan = planClients(size, cycles);
  const clients: unknown[][] = [];
  const sales: unknown[][] = [];
  const invoices: unknown[][] = [];
  const allocations: unknown[][] = [];
  const attendance: unknown[][] = [];
  const payments: unknown[][] = [];
  const reconciled: unknown[][] = [];
  let pay = 0;
  let receipt = 0;
  const reportRow = new Map<number, number>();
  for (const c of plan) {
    const p = PACKAGES[c.pkg];
    const dd = c.method !== 'Manual';
    const left = c.leave < cycles;
    clients.push([
      c.id,
      `Client ${c.n}`,
      `c${c.n}@example.com`,
      '',
      c.method,
      c.id,
      dd ? '062-000' : '',
      dd ? pad(10_000_000 + c.n, 8) : '',
      `CLIENT ${c.n}`,
      left ? 'Inactive' : 'Active',
    ]);
    const sale = `S-${pad(c.n, 6)}`;
    const saleDate = cycleDay(c.join);
    sales.push([
      sale,
      saleDate,
      c.id,
      c.pkg,
      'Recurring',
      saleDate,
      saleDate,
      p.price,
      '',
      'Fortnightly',
      p.sessions,
      left ? 'Cancelled' : 'Active',
      p.name,
      '',
      left ? cycleDay(c.leave) : '',
    ]);
    // Every cycle the client was on, but the latest (the billing run's), is invoiced and paid.
    const last = Math.min(c.leave, cycles - 1);
    for (let k = c.join; k < last; k++) {
      const instalment = k - c.join + 1;
      const invId = `INV-${pad(invoices.length + 1, 7)}`;
      const date = cycleDay(k);
      const batch = dd ? `B-${pad(k + 1, 6)}` : '';
      invoices.push([
        invId,
        sale,
        c.id,
        `${p.name} fortnightly — cycle ${instalment}`,
        instalment,
        date,
        p.price,
        p.price,
        'Paid',
        batch,
        0,
        date,
      ]);
      allocations.push([`A-${pad(allocations.length + 1, 7)}`, sale, c.id, date, p.sessions, instalment]);
      for (const d of p.days) attendance.push([cycleDay(k, d), c.id, 1, sale]);
      const payId = `P-${pad(++pay, 7)}`;
      if (c.method === 'Manual') {
        payments.push([payId, date, c.id, invId, p.price, 'Cash', '', '', '', `R-${pad(++receipt, 6)}`]);
      } else if (c.method === 'DD Reconciliation') {
        const ref = ezidebitPaymentId(k, c.n);
        const row = (reportRow.get(k) ?? 1) + 1;
        reportRow.set(k, row);
        payments.push([payId, date, c.id, invId, p.price, 'DD report', `ezidebit:${ref}`, batch, ref]);
        reconciled.push([`ezidebit:${ref}:paid`, cycleDay(k, 3), row, date, 'Paid', c.id, invId, p.price]);
      } else {
        payments.push([payId, date, c.id, invId, p.price, 'Direct debit', batch, batch]);
      }
    }
  }
  writeTab(addin, 'Clients', clients);
  writeTab(addin, 'Sales', sales);
  writeTab(addin, 'Invoices', invoices);
  writeTab(addin, 'Allocations', allocations);
  writeTab(addin, 'Attendance', attendance);
  writeTab(addin, 'Payments', payments);
  writeTab(addin, 'Reconciled', reconciled);
  const active = plan.filter((c) => c.leave === cycles);
  return {
    billingDate,
    cycles,
    cycleDates,
    clients: plan,
    invoices: invoices.length,
    manualClient: active.find((c) => c.method === 'Manual')!.id,
    activeClient: active[0]!.id,
  };
}
