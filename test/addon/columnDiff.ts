// Runs the desk actions on two copies of one workbook, once as built (Record payment and
// Record sessions read the history tabs by their columns) and once with every readColumns answered by a
// whole read (as before the columns were chosen), and tells what differs: results, tabs, properties.
import { vi } from 'vitest';
import { refundPayment, recordPayment } from '../../src/addon/deskMoney';
import { recordSessions } from '../../src/addon/sessions';
import { SpreadsheetPort } from '../../src/addon/spreadsheetPort';
import type { PaymentRequest } from '../../src/sheets/actions/recordPayment';
import type { RefundRequest } from '../../src/sheets/actions/refund';
import type { Addin } from './harness';

const GLOBALS = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'Utilities', 'Logger', 'Session'];

/** Runs `run` in this process over the add-in's emulation; `whole`: readColumns reads whole tabs. */
export function inProcess<T>(addin: Addin, whole: boolean, run: () => T): T {
  for (const g of GLOBALS) vi.stubGlobal(g, (addin.emu.globals as unknown as Record<string, unknown>)[g]);
  const spy = whole
    ? vi.spyOn(SpreadsheetPort.prototype, 'readColumns').mockImplementation(function (
        this: SpreadsheetPort,
        name: string,
      ) {
        return this.readTabs([name])[name] ?? null;
      })
    : null;
  try {
    return run();
  } finally {
    spy?.mockRestore();
    vi.unstubAllGlobals();
  }
}

/** Every tab but the Log, dates as ISO text, the report tabs' Refreshed time blanked. */
export function workbook(addin: Addin): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of addin.emu.spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (name === 'Log') continue;
    const values = addin.tab(name).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
    const at = values[0]?.indexOf('Refreshed') ?? -1;
    if (at >= 0) values[0]![at + 1] = '';
    out[name] = values;
  }
  return out;
}

export type Step =
  | { pay: PaymentRequest & { today: string } }
  | { sessions: { clientId: string; sessions: number; date: string; today: string } }
  | { refund: RefundRequest & { today: string } };

function runStep(step: Step): unknown {
  if ('pay' in step) return recordPayment(step.pay);
  if ('sessions' in step) return recordSessions(step.sessions);
  return refundPayment(step.refund);
}

export interface Outcome {
  results: unknown[];
  workbook: Record<string, unknown[][]>;
  properties: Record<string, string>;
}

/** The steps on `addin`, desk payments and sessions read by columns, or (whole) as before. */
export function outcome(addin: Addin, whole: boolean, steps: readonly Step[]): Outcome {
  const results = steps.map((s) => inProcess(addin, whole, () => runStep(s)));
  return {
    results,
    workbook: workbook(addin),
    properties: Object.fromEntries(addin.emu.properties.document),
  };
}
