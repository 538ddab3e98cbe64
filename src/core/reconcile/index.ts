// Reconciling a DD report, pure: who each row is about, its key, what the provider calls it, and which
// story it joins (a receipt, the decline of a debit, a reversal); the sheets action reads and writes.
export * from './identify';
export * from './reportKey';
export * from './providerRef';
export * from './evidence';
export * from './receipt';
export * from './clientBatches';
export * from './standing';
export * from './unbatched';
export * from './route';
export * from './settle';
