// The ledger's money rules, each in one place: records, the invoice state machine, decline rules, the debit
// story, receipts and credit, and the integrity checks of what was read.
export * from './records';
export * from './invoiceState';
export * from './declineRules';
export * from './debitStory';
export * from './receipts';
export * from './integrity';
export * from './billingMethods';
