// One debit or payment often covers several invoices: it settles them oldest first.
import type { Cents } from '../money';

export interface Owing {
  id: string;
  balance: Cents;
}

export interface Spread {
  parts: { invoiceId: string; amount: Cents }[];
  /** What is left after every invoice is settled: an overpayment, never dropped. */
  leftover: Cents;
}

export function spreadOldestFirst(owing: readonly Owing[], amount: Cents): Spread {
  if (!Number.isInteger(amount) || amount < 0) throw new Error(`Cannot spread ${amount} cents`);
  let left = amount;
  const parts: Spread['parts'] = [];
  for (const o of owing) {
    if (left <= 0) break;
    if (o.balance <= 0) continue;
    const take = Math.min(o.balance, left);
    parts.push({ invoiceId: o.id, amount: take });
    left -= take;
  }
  return { parts, leftover: left };
}
