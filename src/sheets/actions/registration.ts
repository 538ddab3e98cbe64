// The registration file for the DD company: every direct-debit client not yet registered (all of them
// again with `again`), each with their debit schedule, and the Registered date set on their Clients row
// so nobody is sent twice. A client who may not be debited (Inactive, DD stopped, bank details to fix)
// is left out and named.
import type { IsoDate } from '../../core/calendar';
import {
  registrationCsv,
  registrationFileName,
  registrationRow,
  type RegistrationRow,
} from '../../core/ledger/registration';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { clientCells } from '../tabs/clients';
import { ddClients, readScheduleBook, scheduleOf, SCHEDULE_TABS } from './ddSchedule';

export const REGISTRATION_TABS = SCHEDULE_TABS;

export interface RegistrationRequest {
  /** Export clients already registered too. */
  again?: boolean;
}

export interface RegistrationPlan {
  fileName: string;
  /** The CSV text (UTF-8); empty when nobody is to be registered. */
  content: string;
  rows: RegistrationRow[];
  /** The clients in the file, marked Registered today. */
  registered: { id: string; name: string }[];
  /** Direct-debit clients left out: already registered (without again) or not to be debited. */
  leftOut: { id: string; name: string; reason: string }[];
  clients: Client[];
}

export function planRegistration(tx: LedgerTx, req: RegistrationRequest, today: IsoDate): RegistrationPlan {
  const book = readScheduleBook(tx, today);
  const rows: RegistrationRow[] = [];
  const clients: Client[] = [];
  const leftOut: RegistrationPlan['leftOut'] = [];
  for (const c of ddClients(book)) {
    if (c.registered && !req.again) {
      leftOut.push({ id: c.id, name: c.name, reason: `registered on ${c.registered}` });
      continue;
    }
    const schedule = scheduleOf(book, c, today);
    if (schedule.blocked) {
      leftOut.push({ id: c.id, name: c.name, reason: schedule.blocked });
      continue;
    }
    rows.push(registrationRow(c, schedule));
    clients.push({ ...c, registered: today });
  }
  return {
    fileName: registrationFileName(today),
    content: rows.length ? registrationCsv(rows) : '',
    rows,
    registered: clients.map((c) => ({ id: c.id, name: c.name })),
    leftOut,
    clients,
  };
}

/** Sets Registered on each exported client's row. */
export function writeRegistration(tx: LedgerTx, plan: RegistrationPlan): void {
  for (const c of plan.clients)
    if (c.row !== undefined) tx.update('clients', c.row, { Registered: clientCells(c).Registered ?? '' });
}
