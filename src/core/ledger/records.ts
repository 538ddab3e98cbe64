// The studio's records, as the ledger rules see them. The sheets layer adds only the row number.
import type { IsoDate } from '../calendar';
import type { Frequency } from '../frequency';
import type { Cents } from '../money';
import type { PackageKind } from '../packageKinds';

export const BILLING_METHODS = [
  'Manual',
  'DD Full Integration',
  'DD Partial Integration',
  'DD Reconciliation',
] as const;
export type BillingMethod = (typeof BILLING_METHODS)[number];

export const CLIENT_STATUSES = ['Active', 'Inactive', 'Update bank details', 'DD stopped'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const INVOICE_STATUSES = [
  'Open',
  'Sent',
  'Part paid',
  'Paid',
  'Declined',
  'Held',
  'Cancelled',
  'Written off',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const SALE_STATUSES = ['Active', 'Paused', 'Cancelled', 'Completed'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export interface Client {
  id: string;
  name: string;
  email: string;
  phone: string;
  billingMethod: BillingMethod;
  ddReference: string;
  bsb: string;
  accountNumber: string;
  accountName: string;
  /** Free text as read; see `clientStatus` for the rule's reading of it. */
  status: string;
  /** The bank details a "fix details" decline was made with: held until BSB or account differ. */
  declinedBsb?: string;
  declinedAccount?: string;
  /** The Direct Debit Request: the day the client signed the authority, only where recorded. */
  authoritySigned?: IsoDate;
  /** The day the DDR was sent to the DD company (Partial Integration, Reconciliation). */
  ddrSent?: IsoDate;
  /** The day the client went out to the DD company in a registration file. */
  registered?: IsoDate;
}

export interface Sale {
  id: string;
  saleDate: IsoDate;
  clientId: string;
  packageCode: string;
  packageName: string;
  kind: PackageKind;
  startDate: IsoDate;
  dueDate: IsoDate;
  /** Recurring: the price per cycle. Otherwise the package total. */
  total: Cents;
  instalments: number | null;
  frequency: Frequency | null;
  /** Recurring: sessions per cycle. Otherwise the total sessions. */
  sessions: number;
  status: SaleStatus;
}

export interface Invoice {
  id: string;
  saleId: string;
  clientId: string;
  description: string;
  instalment: number | null;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
  batchId: string;
  created?: IsoDate | null;
  /** What the batch in Batch ID debits from this invoice (a client on holiday may pay less). */
  sentAmount?: Cents | null;
  declineReason?: string;
  /** Declines that count toward the Retry Limit since the last release. */
  declineCount?: number;
  /** Why and when the studio gave up collecting it (set with Status Written off, cleared by an undo). */
  writeOffReason?: string;
  writeOffDate?: IsoDate | null;
}

export interface Payment {
  id: string;
  date: IsoDate;
  clientId: string;
  /** Blank for money kept as the client's credit (and for spending it). */
  invoiceId: string;
  amount: Cents;
  method: string;
  reference: string;
  /** The batch whose debit this is (old rows kept it only as the first word of Reference). */
  batchId?: string;
  /** The provider's own ID of the payment: Ezidebit PaymentID, Debitsuccess DocketNo, ABA batch + reference. */
  providerRef?: string;
  receiptId?: string;
  refundOf?: string;
  reason?: string;
}
