// Where an invoice stands: the state machine lives in core/ledger; billing code imports it from here.
export { COLLECTABLE, INVOICE_STATUSES, statusAfterPayment, type InvoiceStatus } from '../ledger';
