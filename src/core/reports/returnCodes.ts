// APCA (BECS) return codes: why a bank sent a direct debit back. Ezidebit passes them on as BankReturnCode.

export const RETURN_REASONS: Record<number, string> = {
  1: 'Invalid BSB number',
  2: 'Payment stopped',
  3: 'Account closed',
  4: 'Customer deceased',
  5: 'No account/incorrect account number',
  6: 'Refer to customer',
  8: 'Invalid user ID number',
  9: 'Technically invalid',
};

/** The reason for a code written as 6, "6" or "06"; null when the code is not a listed APCA code. */
export function returnReason(code: number | string): string | null {
  const n = typeof code === 'number' ? code : /^\s*\d{1,2}\s*$/.test(code) ? Number(code) : NaN;
  return RETURN_REASONS[n] ?? null;
}
