// The two ways a command line fails that a person can fix; anything else is a defect (exit 3).

/** The action was refused (bad input, a file it cannot use): one line on stderr, exit 1, nothing written. */
export class ActionError extends Error {}

/** Bad command line: the message is shown with a hint to --help; exit 2. */
export class UsageError extends Error {}
