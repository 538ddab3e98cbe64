/** An error a user can cause and fix: shown as its one-line message, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Where a bad cell is: "Invoices row 12, column Due Date: …". */
export function cellError(tab: string, row: number, column: string, problem: string): UserError {
  return new UserError(`${tab} row ${row}, column ${column}: ${problem}`);
}
