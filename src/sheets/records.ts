// The studio's records as the workbook holds them, one interface per tab. `row` is the sheet row it came from.
import type { IsoDate } from '../core/calendar';
import type { Frequency } from '../core/frequency';
import type { Cents } from '../core/money';
import type { PackageDef, PackageKind } from '../core/packageKinds';
import type { BillingMethod, InvoiceStatus, SaleStatus } from './schema';

export interface Client {
  readonly row?: number;
  id: string;
  name: string;
  email: string;
  phone: string;
  billingMethod: BillingMethod;
  ddReference: string;
  bsb: string;
  accountNumber: string;
  accountName: string;
  status: string;
}

export interface StudioPackage extends PackageDef {
  readonly row?: number;
  active: boolean;
}

export interface Sale {
  readonly row?: number;
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
  readonly row?: number;
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
}

export interface Allocation {
  readonly row?: number;
  id: string;
  saleId: string;
  clientId: string;
  date: IsoDate;
  sessions: number;
  cycle: number | null;
}

export interface Payment {
  readonly row?: number;
  id: string;
  date: IsoDate;
  clientId: string;
  invoiceId: string;
  amount: Cents;
  method: string;
  reference: string;
}

export interface LogEntry {
  timestamp: string;
  action: string;
  details: string;
}
