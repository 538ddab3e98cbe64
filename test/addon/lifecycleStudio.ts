// Shared set-up for the lifecycle suites (outstanding, sessions, pause/cancel, upkeep): the seed's studio
// billing every second Friday from 16 Sep 2016, with a clock the bundle's `new Date()` reads.
import { createAppsScript } from '../../src/local/gas';
import { loadAddin, records, type Addin } from './harness';
import { setBankSettings, setUpStudio } from './studio';

/** An add-in whose clock says `iso` at 10:00 in Sydney; move it with `at`. */
export function clockedAddin(iso: string): { addin: Addin; at: (iso: string, time?: string) => void } {
  let now = sydney(iso);
  const emu = createAppsScript({ timeZone: 'Australia/Sydney', htmlDir: 'dist', today: () => new Date(now) });
  return {
    addin: loadAddin({ emu }),
    at: (d, time = '10:00') => {
      now = sydney(d, time);
    },
  };
}

/** A Sydney wall-clock time as an instant (AEST +10 / AEDT +11 from the first Sunday in October). */
export function sydney(iso: string, time = '10:00'): number {
  const guess = Date.parse(`${iso}T${time}:00+10:00`);
  const offset = new Intl.DateTimeFormat('en-AU', { timeZone: 'Australia/Sydney', timeZoneName: 'short' })
    .format(guess)
    .includes('AEDT')
    ? 11
    : 10;
  return Date.parse(`${iso}T${time}:00+${offset}:00`);
}

/** Set up as the seed's studio with debit-file settings and a $15 dishonour fee. */
export function billingStudio(addin: Addin, today = '2016-09-13'): void {
  setUpStudio(addin, today);
  setBankSettings(addin);
}

export const rowsOf = (addin: Addin, tab: string) => records(addin.tab(tab));

/** Rows of a regenerated report tab (header on row 3) as objects. */
export function reportRows(addin: Addin, tab: string): Record<string, unknown>[] {
  return records(addin.tab(tab).slice(2));
}

export const invoice = (addin: Addin, id: string) =>
  rowsOf(addin, 'Invoices').find((i) => i['Invoice ID'] === id)!;
export const logActions = (addin: Addin) => rowsOf(addin, 'Log').map((l) => l.Action);
