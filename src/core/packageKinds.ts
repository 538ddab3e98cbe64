// Package kinds and sale planning in one import: the types, plus the functions that act on them.
// (Each lives in its own file; the types file imports none of them, so there is no import cycle.)
export * from './packageTypes';
export { validateSaleTerms, assertValidSaleTerms, SaleError, MAX_INSTALMENTS } from './saleTerms';
export { planSale } from './salePlan';
export { recurringCycle, rollRecurring, MAX_ROLL_CYCLES } from './recurring';
