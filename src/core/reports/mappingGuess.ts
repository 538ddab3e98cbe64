// A first guess at which column of an unknown report is which, from its header names (Ref, Amount,
// Date, Result …), and which status values mean paid, declined or pending, from the values it holds.
import { normalizeHeader } from './columns';
import { tidy } from './reportValues';
import type { ColumnMapping } from './types';

/** A mapping as a form holds it: '' for a column not chosen. */
export interface MappingDraft {
  reference: string[];
  date: string;
  amount: string;
  status: string;
  name: string;
  reason: string;
  paymentId: string;
  paidValues: string[];
  declinedValues: string[];
  pendingValues: string[];
}

type Role = 'date' | 'amount' | 'status' | 'reason' | 'name' | 'paymentId' | 'reference';

/** Whole header names (normalised) that mean a role, then pieces a header may contain. */
const NAMES: Record<Role, { exact: string[]; part: string[] }> = {
  date: {
    exact: ['date', 'when', 'day', 'processed', 'debitdate', 'paymentdate', 'transactiondate', 'valuedate'],
    part: ['date'],
  },
  amount: {
    exact: ['amount', 'dollars', 'value', 'debit', 'amt', 'aud', 'sum', 'total'],
    part: ['amount', 'amt'],
  },
  status: {
    exact: ['status', 'result', 'outcome', 'state', 'response'],
    part: ['status', 'result', 'outcome'],
  },
  reason: { exact: ['reason', 'why', 'message', 'comment', 'returnreason'], part: ['reason'] },
  name: {
    exact: ['name', 'member', 'customer', 'client', 'payer', 'accountname', 'accounttitle'],
    part: ['name'],
  },
  paymentId: {
    exact: ['paymentid', 'transactionid', 'txn', 'txnid', 'transid', 'receipt', 'receiptid', 'receiptno'],
    part: ['transactionid', 'txnid', 'receipt'],
  },
  reference: {
    exact: ['ref', 'reference', 'memberno', 'membernumber', 'clientid', 'customerid', 'invoice'],
    part: ['ref', 'member', 'clientid', 'customerid', 'customerno', 'clientno', 'invoice'],
  },
};
const ORDER: Role[] = ['date', 'amount', 'status', 'reason', 'name', 'paymentId', 'reference'];

const DEFAULT_VALUES = {
  paid: ['Paid', 'Success', 'S'],
  declined: ['Declined', 'Dishonoured', 'Failed', 'D', 'F'],
  pending: ['Pending'],
};
/** Status words (normalised) a report may use for each outcome. */
const STATUS_WORDS = {
  paid: [
    'paid',
    'success',
    'successful',
    's',
    'ok',
    'approved',
    'cleared',
    'settled',
    'complete',
    'completed',
    'accepted',
  ],
  declined: [
    'declined',
    'dishonoured',
    'dishonored',
    'failed',
    'fail',
    'f',
    'd',
    'rejected',
    'bounced',
    'returned',
    'reversed',
    'unpaid',
    'refused',
  ],
  pending: ['pending', 'processing', 'scheduled', 'submitted', 'inprogress', 'waiting'],
};

/** Which header holds each role: whole names first, then names containing a piece; a column once. */
function guessColumns(headers: readonly string[]): Partial<Record<Role, string>> {
  const names = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const out: Partial<Record<Role, string>> = {};
  for (const pass of ['exact', 'part'] as const)
    for (const role of ORDER) {
      if (out[role] !== undefined) continue;
      const i = names.findIndex(
        (n, j) =>
          n !== '' &&
          !taken.has(j) &&
          (pass === 'exact' ? NAMES[role].exact.includes(n) : NAMES[role].part.some((p) => n.includes(p))),
      );
      if (i < 0) continue;
      taken.add(i);
      out[role] = headers[i]!;
    }
  return out;
}

/** The defaults plus each value seen in the status column that reads as that outcome. */
function statusValues(
  seen: readonly string[],
): Pick<MappingDraft, 'paidValues' | 'declinedValues' | 'pendingValues'> {
  const pick = (outcome: keyof typeof STATUS_WORDS) => {
    const list = [...DEFAULT_VALUES[outcome]];
    const known = new Set(list.map(normalizeHeader));
    for (const v of seen) {
      const n = normalizeHeader(v);
      if (STATUS_WORDS[outcome].includes(n) && !known.has(n)) {
        known.add(n);
        list.push(tidy(v));
      }
    }
    return list;
  };
  return { paidValues: pick('paid'), declinedValues: pick('declined'), pendingValues: pick('pending') };
}

/**
 * A guess for a report we do not know. `values` holds each header's distinct values (see
 * columnValues), so the status values the report uses can be sorted into paid, declined and pending.
 */
export function guessMapping(
  headers: readonly string[],
  values: Readonly<Record<string, string[]>>,
): MappingDraft {
  const c = guessColumns(headers);
  return {
    reference: c.reference === undefined ? [] : [c.reference],
    date: c.date ?? '',
    amount: c.amount ?? '',
    status: c.status ?? '',
    name: c.name ?? '',
    reason: c.reason ?? '',
    paymentId: c.paymentId ?? '',
    ...statusValues(c.status === undefined ? [] : (values[c.status] ?? [])),
  };
}

/** A saved mapping as a form shows it, to change it. */
export function draftOf(m: ColumnMapping): MappingDraft {
  return {
    reference: [...m.reference],
    date: m.date,
    amount: m.amount,
    status: m.status ?? '',
    name: m.name ?? '',
    reason: m.reason ?? '',
    paymentId: m.paymentId ?? '',
    paidValues: [...m.paidValues],
    declinedValues: [...m.declinedValues],
    pendingValues: [...(m.pendingValues ?? [])],
  };
}
