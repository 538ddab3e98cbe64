// The Direct Debit Request's dates, as Add client and Edit client take them: the day the client signed
// the authority and the day it went to the DD company. Neither is after today, and it is not sent before
// it is signed. A blank given to Edit client clears the date (written as a blank cell).
import { compareDates, type IsoDate } from '../../core/calendar';
import { UserError } from '../errors';
import { notPast2100, optionalDateField, type DateText } from './fields';

export interface DdrDates {
  authoritySigned?: IsoDate;
  ddrSent?: IsoDate;
}

/** A typed DDR date: undefined when not given, '' when given blank (cleared), else checked. */
export function ddrDateField(
  value: unknown,
  field: string,
  label: string,
  today: IsoDate,
  show: DateText,
): IsoDate | undefined {
  if (value === undefined || value === null) return undefined;
  const d = optionalDateField(value, field, label);
  if (d === null) return '';
  notPast2100(d, field, label);
  if (compareDates(d, today) > 0)
    throw new UserError(`${label} ${show(d)} is after today (${show(today)}): check the date.`, field);
  return d;
}

/** The DDR is not sent to the DD company before the client signed it. */
export function checkDdrOrder(dates: DdrDates, show: DateText, field: string): void {
  const { authoritySigned: signed, ddrSent: sent } = dates;
  if (signed && sent && compareDates(sent, signed) < 0)
    throw new UserError(
      `DDR sent ${show(sent)} is before the authority was signed (${show(signed)}): check the dates.`,
      field,
    );
}
