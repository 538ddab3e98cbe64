// Set up workbook: creates what is missing (tabs, headers, formats, drop-downs, column widths, Settings
// rows, the DD Report instruction) and never clears, reorders or rewrites a user's rows or extra
// columns. Safe to run again at any time.
import type { IsoDate } from '../../core/calendar';
import { LedgerTx } from '../ledgerTx';
import type { TabLayout, TabSnapshot, WorkbookPort } from '../port';
import { SETTING_KEYS, TABS, TAB_ORDER, type TabSpec } from '../schema';
import { normaliseHeader } from '../table';
import { instructionBlock } from '../tabs/ddReport';
import { defaultSettings, settingCells, settingValueFormats } from '../tabs/settings';
import { columnWidth } from '../tabs/widths';

/** readTable looks for the header row in the first 10 rows. */
const HEADER_SEARCH_ROWS = 10;

export function planLayout(spec: TabSpec, snapshot: TabSnapshot | null): TabLayout {
  // The header row is where readTable finds it: the first of rows 1–10 holding every required header,
  // else row 1 (a new tab, or one whose row-1 header is partial and gets the missing headers there).
  const found = snapshot ? headerRowIndex(spec, snapshot) : -1;
  const headerRow = Math.max(found, 0) + 1;
  const header = snapshot?.values[headerRow - 1] ?? [];
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !positions.has(key)) positions.set(key, i + 1);
  });
  if (spec.regenerated && snapshot && found >= 0)
    return {
      name: spec.name,
      headerRow,
      addHeaders: [],
      columnFormats: [],
      cellFormats: [],
      columnWidths: widthsAt(spec, positions),
      create: false,
      frozenRows: 0,
      boldHeader: false,
    };
  let lastUsed = 0;
  header.forEach((h, i) => {
    if (normaliseHeader(h)) lastUsed = i + 1;
  });
  const addHeaders: string[] = [];
  for (const col of spec.columns) {
    const key = normaliseHeader(col.header);
    if (!positions.has(key)) {
      addHeaders.push(col.header);
      positions.set(key, lastUsed + addHeaders.length);
    }
  }
  // A regenerated tab owns its layout once it exists; set-up only creates it.
  const columnFormats = (spec.regenerated && snapshot ? [] : spec.columns)
    .filter((c) => c.format)
    .map((c) => ({ column: positions.get(normaliseHeader(c.header))!, format: c.format! }));
  return {
    name: spec.name,
    headerRow,
    addHeaders,
    columnFormats,
    cellFormats: [],
    columnWidths: widthsAt(spec, positions),
    create: snapshot === null,
    ...(spec.hidden && snapshot === null ? { hidden: true } : {}),
    frozenRows: headerRow,
    boldHeader: true,
  };
}

/** Each of our columns' width at its position (user columns are left as they are). */
function widthsAt(spec: TabSpec, positions: ReadonlyMap<string, number>): TabLayout['columnWidths'] {
  return spec.columns.flatMap((c) => {
    const column = positions.get(normaliseHeader(c.header));
    return column ? [{ column, width: columnWidth(c) }] : [];
  });
}

/** 0-based row holding every required header within the first rows (as readTable looks), or -1. */
function headerRowIndex(spec: TabSpec, snapshot: TabSnapshot): number {
  const required = spec.columns.filter((c) => c.required).map((c) => normaliseHeader(c.header));
  return snapshot.values.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const have = new Set(row.map(normaliseHeader));
    return required.every((h) => have.has(h));
  });
}

export interface SetupResult {
  created: string[];
  headersAdded: string[];
  settingsAdded: string[];
}

export function setUpWorkbook(port: WorkbookPort, today: IsoDate, timestamp: string): SetupResult {
  const snapshots = port.readTabs(TAB_ORDER.map((k) => TABS[k].name));
  const layouts = TAB_ORDER.map((k) => planLayout(TABS[k], snapshots[TABS[k].name] ?? null));
  for (const layout of layouts) port.applyLayout(layout);

  const tx = new LedgerTx(port, ['settings']);
  const settingsTable = tx.table('settings');
  const present = new Set(
    settingsTable.rows.map((r) => normaliseHeader(r.cells[settingsTable.columns.get('Setting')!] ?? '')),
  );
  const defaults = defaultSettings(today, port.timeZone());
  const settingsAdded = SETTING_KEYS.filter((k) => !present.has(normaliseHeader(k)));
  // Value cells get their format before any value goes in (a '@' cell keeps 012345678 as typed);
  // existing values stay as they are.
  const cellFormats = settingValueFormats(settingsTable, settingsAdded);
  if (cellFormats.length)
    port.applyLayout(formatsOnly(TABS.settings.name, settingsTable.headerRow, cellFormats));
  const instruction = instructionBlock(
    snapshots[TABS.ddReport.name] ?? null,
    (width) => port.readFormulas(TABS.ddReport.name, 1, 1, 1, width)[0] ?? [],
  );
  if (instruction) port.writeBlocks(TABS.ddReport.name, [instruction]);
  for (const key of settingsAdded) tx.append('settings', settingCells(key, defaults[key]));

  const result: SetupResult = {
    created: layouts.filter((l) => l.create).map((l) => l.name),
    headersAdded: layouts.filter((l) => !l.create).flatMap((l) => l.addHeaders.map((h) => `${l.name}: ${h}`)),
    settingsAdded: [...settingsAdded],
  };
  const parts = [
    result.created.length ? `created ${result.created.join(', ')}` : 'all tabs present',
    result.headersAdded.length ? `added columns ${result.headersAdded.join(', ')}` : '',
    result.settingsAdded.length ? `added settings ${result.settingsAdded.join(', ')}` : '',
  ].filter(Boolean);
  tx.commit('Set up workbook', parts.join('; '), timestamp);
  return result;
}

/** A layout that only formats cells: nothing created, no header, bold or frozen row changed. */
function formatsOnly(name: string, headerRow: number, cellFormats: TabLayout['cellFormats']): TabLayout {
  return {
    name,
    headerRow,
    addHeaders: [],
    columnFormats: [],
    cellFormats,
    columnWidths: [],
    create: false,
    frozenRows: 0,
    boldHeader: false,
  };
}
