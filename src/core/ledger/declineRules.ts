// What happens after a debit bounces, decided by the bank's reason (BECS return codes 1-9), not by a fixed
// retry calendar. One table, with the words people see. A bank-account debit's BECS code decides whenever the
// report has one; the provider's own status decides only when there is none.

/** What the studio does next with a declined debit. */
export type DeclineAction =
  /** Due again on the next billing run, at most Retry Limit times per invoice; then held for a person. */
  | 'retry'
  /** The same, but held after one retry: a card debit, code 7, or a code we do not know. */
  | 'retry-once'
  /** The client's bank details are wrong: held out of every debit file until they change. */
  | 'fix-details'
  /** The client's authority is gone: never debited again until a person sets them back to Active. */
  | 'stop'
  /** The studio's own set-up is wrong (ABA User ID): no fee, not counted, no debit file until fixed. */
  | 'studio-setup';

export interface DeclineRule {
  /** The BECS code (1-9) when the bank gave one, else null. */
  readonly code: string | null;
  readonly words: string;
  readonly action: DeclineAction;
  /** Whether the Dishonour Fee is charged (at most once per declined debit). */
  readonly fee: boolean;
  /** Whether the decline counts toward the invoice's Retry Limit. */
  readonly counts: boolean;
}

const rule = (code: string | null, words: string, action: DeclineAction, fee = true, counts = true) =>
  Object.freeze({ code, words, action, fee, counts });

/** BECS return reasons, as the return record's position 18 and Ezidebit's BankReturnCode give them. */
export const BECS_RETURN_CODES: Readonly<Record<string, DeclineRule>> = Object.freeze({
  '1': rule('1', 'Invalid BSB number', 'fix-details'),
  '2': rule('2', 'Payment stopped', 'stop'),
  '3': rule('3', 'Account closed', 'stop'),
  '4': rule('4', 'Customer deceased', 'stop'),
  '5': rule('5', 'No account / incorrect account number', 'fix-details'),
  '6': rule('6', 'Refer to customer', 'retry'),
  '7': rule('7', 'Not used (deleted)', 'retry-once', false),
  '8': rule('8', 'Invalid user ID number', 'studio-setup', false, false),
  '9': rule('9', 'Technically invalid', 'fix-details'),
});

/** Words people type for a decline by hand, mapped onto the codes (the table's own words match too). */
const WORDS_TO_CODE: ReadonlyMap<string, string> = new Map([
  ...Object.values(BECS_RETURN_CODES).map((r) => [squash(r.words), r.code!] as const),
  [squash('Insufficient funds'), '6'],
  [squash('Invalid BSB'), '1'],
  [squash('No account'), '5'],
  [squash('Incorrect account number'), '5'],
  [squash('Deceased'), '4'],
  [squash('Invalid user ID'), '8'],
]);

function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "06", "6" or " 6 " -> "6"; anything else -> null. */
export function becsCode(raw: string | null | undefined): string | null {
  const t = String(raw ?? '').trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = String(Number(t));
  return n in BECS_RETURN_CODES ? n : null;
}

/** The code a person's words name ("Account closed" -> "3"), or null for free text. */
export function codeForWords(words: string): string | null {
  return WORDS_TO_CODE.get(squash(words)) ?? null;
}

export interface DeclineEvidence {
  /** The BECS code as given (return file, BankReturnCode, `decline --code`), if any. */
  code?: string | null;
  /** The provider's status when it has no code: Ezidebit `D` (dishonoured) or `F` (fatal). */
  providerStatus?: 'D' | 'F' | null;
  /** A card debit: the bank table does not apply; the provider's words are shown as given. */
  card?: boolean;
  /** The words the provider or the person gave. */
  words?: string;
}

/** The rule for one decline. No code and no provider status (a hand decline with a note) means retry. */
export function declineRule(e: DeclineEvidence): DeclineRule {
  const words = (e.words ?? '').trim();
  if (e.card) return rule(null, words || 'Card declined', 'retry-once');
  const given = String(e.code ?? '').trim();
  if (given) {
    const code = becsCode(given);
    if (code) return BECS_RETURN_CODES[code]!;
    return rule(null, words || `Bank code ${given}`, 'retry-once');
  }
  if (e.providerStatus === 'F') return rule(null, words || 'Fatal dishonour (wrong details)', 'fix-details');
  if (e.providerStatus === 'D') return rule(null, words || 'Insufficient funds', 'retry');
  const named = words ? codeForWords(words) : null;
  if (named) return BECS_RETURN_CODES[named]!;
  return rule(null, words || 'Declined', 'retry');
}

/** How many declines an invoice may have and still be debited again. */
export function retriesAllowed(action: DeclineAction, retryLimit: number): number {
  if (action === 'retry') return retryLimit;
  if (action === 'retry-once') return Math.min(1, retryLimit);
  return 0;
}

/** The reason as the Invoices and Payments tabs show it: "Account closed (code 3)". */
export function reasonText(r: DeclineRule): string {
  return r.code ? `${r.words} (code ${r.code})` : r.words;
}
