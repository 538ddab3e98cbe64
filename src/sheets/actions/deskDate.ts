// The date of money handled at the desk (a payment, a refund): today unless typed, never after today, and
// never before the client's first record. The Clients tab keeps no date a client was added, so that is the
// earliest of their Sale Dates, invoices' Created dates and Payments dates (no check for a client with none).
import { compareDates, type IsoDate } from '../../core/calendar';
import { UserError } from '../errors';
import type { Client } from '../records';
import { optionalDateField, type DateText } from './fields';
import type { Ledger } from './reports';

/** The client's earliest dated record, and what it was. */
export function firstRecordOf(ledger: Ledger, clientId: string): { date: IsoDate; what: string } | null {
  let first: { date: IsoDate; what: string } | null = null;
  const see = (date: IsoDate | null | undefined, what: string) => {
    if (date && (!first || compareDates(date, first.date) < 0)) first = { date, what };
  };
  for (const s of ledger.sales) if (s.clientId === clientId) see(s.saleDate, `sale ${s.id}`);
  for (const i of ledger.invoices) if (i.clientId === clientId) see(i.created, `invoice ${i.id}`);
  for (const p of ledger.payments) if (p.clientId === clientId) see(p.date, `payment ${p.id}`);
  return first;
}

export function deskDate(
  value: unknown,
  label: string,
  today: IsoDate,
  ledger: Ledger,
  client: Client,
  dateText: DateText,
): IsoDate {
  const date = optionalDateField(value, 'date', label) ?? today;
  if (compareDates(date, today) > 0)
    throw new UserError(`${label} ${dateText(date)} is after today (${dateText(today)}).`, 'date');
  const first = firstRecordOf(ledger, client.id);
  if (first && compareDates(date, first.date) < 0)
    throw new UserError(
      `${label} ${dateText(date)} is before ${client.id} ${client.name}'s first record (${first.what}, ${dateText(first.date)}).`,
      'date',
    );
  return date;
}
