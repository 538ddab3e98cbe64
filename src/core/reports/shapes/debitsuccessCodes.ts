// Debitsuccess's code tables (TransType, PaymentTransactionCode, ReversalReasonCode) are not public. A code
// gets a meaning here only once it has been seen in a real Debitsuccess file, with where it was seen;
// until then it is shown exactly as given. Codes the test fixtures make up are never added here.

/** ReversalReasonCode -> the words shown for it. None seen in a real file yet. */
export const DEBITSUCCESS_REVERSAL_REASONS: Readonly<Record<string, string>> = Object.freeze({});

/** A reversal's reason as people see it: the table's words, else the code as given. */
export function debitsuccessReversalReason(code: string): string {
  return DEBITSUCCESS_REVERSAL_REASONS[code.toUpperCase()] ?? `Reversal code ${code}`;
}
