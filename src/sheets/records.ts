// The studio's records as the workbook holds them: core's ledger records plus `row`, the sheet row they came from.
import type { IsoDate } from '../core/calendar';
import type { PackageDef } from '../core/packageKinds';
import type * as ledger from '../core/ledger/records';

export interface Client extends ledger.Client {
  readonly row?: number;
}

export interface StudioPackage extends PackageDef {
  readonly row?: number;
  active: boolean;
}

export interface Sale extends ledger.Sale {
  readonly row?: number;
}

export interface Invoice extends ledger.Invoice {
  readonly row?: number;
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

export interface Payment extends ledger.Payment {
  readonly row?: number;
}

export interface LogEntry {
  timestamp: string;
  action: string;
  details: string;
}
