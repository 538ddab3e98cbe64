// The pure billing core: money, dates, schedules and sale plans. No I/O, no Apps Script, no Date objects.
export * from './money';
export * from './calendar';
export * from './frequency';
export * from './split';
export * from './billingCycle';
export * from './packageKinds';
export * from './descriptions';
