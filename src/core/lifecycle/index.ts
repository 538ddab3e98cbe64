// Package lifecycle: holds (pauses), cancellation, overdue lists and balances. Pure: no I/O.
export * from './holds';
export * from './schedule';
export * from './recurringHeld';
export * from './cancel';
export * from './outstanding';
export * from './balances';
