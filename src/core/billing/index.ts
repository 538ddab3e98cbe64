export * from './invoiceState';
export * from './dueInvoices';
export * from './spreadPayment';
