// The demo studio: the seed's Harbour PT with its three packages and a client on each billing method.
import { TABS } from '../sheets/schema';
import type { ServerAnswer } from './cli/server';
import type { AddinRuntime } from './runtime';

export const DEMO_SETTINGS: Record<string, unknown> = {
  'Business Name': 'Harbour PT',
  'Billing Frequency': 'Fortnightly',
  'Billing Day': '2016-09-16',
  'Dishonour Fee': 15,
  'ABA Bank': 'CBA',
  'ABA User Name': 'HARBOUR PT PTY LTD',
  'ABA User ID': '301500',
  'ABA Description': 'PT DEBITS',
  'Studio BSB': '032-000',
  'Studio Account Number': '123456',
  'Studio Account Name': 'HARBOUR PT PTY LTD',
  'ABA Balancing Record': 'Yes',
};

export const DEMO_PACKAGES: unknown[][] = [
  ['PT10', 'PT', 'Paid in full', 10, 500, '', '', true],
  ['PT10-5F', 'PT', 'Instalments', 10, 1100, 5, 'Fortnightly', true],
  ['PT2W', 'PT 2 a week', 'Recurring', 4, 160, '', 'Fortnightly', true],
];

export const DEMO_CLIENTS = [
  {
    name: 'Jane Citizen',
    email: 'jane@example.com',
    phone: '0400 111 222',
    billingMethod: 'DD Full Integration',
    bsb: '062-000',
    accountNumber: '12345678',
    ddReference: 'HPT-JANE',
  },
  {
    name: 'Chris Nguyen',
    email: 'chris@example.com',
    phone: '0400 333 444',
    billingMethod: 'DD Partial Integration',
    bsb: '063-111',
    accountNumber: '55501234',
    ddReference: 'HPT-CHRIS',
  },
  {
    name: 'Alex Wong',
    email: 'alex@example.com',
    billingMethod: 'DD Reconciliation',
    ddReference: 'HPT-ALEX',
  },
  { name: 'Sam Lee', email: 'sam@example.com', billingMethod: 'Manual' },
  {
    name: 'Priya Shah',
    email: 'priya@example.com',
    billingMethod: 'DD Full Integration',
    bsb: '732-000',
    accountNumber: '98765432',
    ddReference: 'HPT-PRIYA',
  },
];

/** The document property that marks a workbook made by `init --demo`: what the demo put in it. */
export const DEMO_MARKER = 'studioLedger.demo';

interface DemoMark {
  clients: string[];
  packages: string[];
}

/** The tabs that hold a studio's own records (the others are set-up, lists made from these, or logs). */
const DATA_TABS = [
  'clients',
  'packages',
  'sales',
  'invoices',
  'allocations',
  'attendance',
  'payments',
] as const;

/** The first column (the ID) of each row below the header; blank rows are no data. */
function ids(addin: AddinRuntime, tab: (typeof DATA_TABS)[number]): string[] {
  const sheet = addin.emu.spreadsheet.getSheetByName(TABS[tab].name);
  if (!sheet) return [];
  const rows = sheet
    .getDataRange()
    .getDisplayValues()
    .filter((r) => r.some((c) => c.trim() !== ''));
  return rows.slice(1).map((r) => r[0] ?? '');
}

function readMark(addin: AddinRuntime): DemoMark | null {
  try {
    const m = JSON.parse(addin.emu.properties.document.get(DEMO_MARKER) ?? 'null') as DemoMark | null;
    return m && Array.isArray(m.clients) && Array.isArray(m.packages) ? m : null;
  } catch {
    return null;
  }
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether demo data may go in: `empty` (no records), `demo` (exactly what an earlier `init --demo` put
 * there: its clients and packages, nothing else), or `data`, with the tabs that hold records.
 */
export type DemoState = { kind: 'empty' } | { kind: 'demo' } | { kind: 'data'; tabs: string[] };

export function demoState(addin: AddinRuntime): DemoState {
  const rows = DATA_TABS.map((tab) => ({ tab, ids: ids(addin, tab) }));
  const used = rows.filter((r) => r.ids.length);
  if (!used.length) return { kind: 'empty' };
  const mark = readMark(addin);
  const only = (tab: string, want: readonly string[]) => same(rows.find((r) => r.tab === tab)!.ids, want);
  if (
    mark &&
    used.every((r) => r.tab === 'clients' || r.tab === 'packages') &&
    only('clients', mark.clients) &&
    only('packages', mark.packages)
  )
    return { kind: 'demo' };
  return {
    kind: 'data',
    tabs: used.map((r) => `${TABS[r.tab].name} (${r.ids.length} row${r.ids.length === 1 ? '' : 's'})`),
  };
}

/** Fills the settings set-up has just added with the demo's; every other setting is kept as it is. */
function typeIntoSettings(
  addin: AddinRuntime,
  values: Record<string, unknown>,
  fresh: readonly string[],
): string[] {
  const sheet = addin.emu.spreadsheet.getSheetByName('Settings');
  if (!sheet) throw new Error('Settings tab missing');
  const range = sheet.getDataRange();
  const rows = range.getValues();
  const kept: string[] = [];
  for (const r of rows) {
    const key = r[0];
    if (typeof key !== 'string' || !(key in values)) continue;
    if (fresh.includes(key)) r[1] = values[key] as never;
    else kept.push(key);
  }
  range.setValues(rows);
  return kept;
}

function typeIntoPackages(addin: AddinRuntime, rows: unknown[][]): void {
  const sheet = addin.emu.spreadsheet.getSheetByName('Packages');
  if (!sheet) throw new Error('Packages tab missing');
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows as never);
}

export interface DemoAdded {
  clients: string[];
  /** Demo settings not written because the workbook already had that setting. */
  settingsKept: string[];
}

/**
 * What a studio owner would type in after Set up workbook, then the clients added through the add-in.
 * Only for a workbook without records (see demoState); `freshSettings` are the settings set-up has
 * just added, the only ones the demo may fill.
 */
export function addDemoData(addin: AddinRuntime, today: string, freshSettings: readonly string[]): DemoAdded {
  const settingsKept = typeIntoSettings(addin, DEMO_SETTINGS, freshSettings);
  typeIntoPackages(addin, DEMO_PACKAGES);
  const clients: string[] = [];
  for (const c of DEMO_CLIENTS) {
    const r = addin.call<ServerAnswer<'addClient'>>('addClient', { ...c, today });
    if (!r.ok) throw new Error(`demo client ${c.name}: ${r.error}`);
    clients.push(r.value.id);
  }
  const mark: DemoMark = { clients, packages: DEMO_PACKAGES.map((p) => String(p[0])) };
  addin.emu.properties.document.set(DEMO_MARKER, JSON.stringify(mark));
  return { clients, settingsKept };
}
