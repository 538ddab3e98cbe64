// The vocabulary of selling a package: its kind, the package itself, the sale, and what a sale creates.
// Planning code imports from here; packageKinds.ts offers these together with the functions.
import type { IsoDate } from './calendar';
import type { Frequency } from './frequency';
import type { Cents } from './money';

export type PackageKind = 'Paid in full' | 'Instalments' | 'Recurring';

export const PACKAGE_KINDS: readonly PackageKind[] = ['Paid in full', 'Instalments', 'Recurring'];

// Keyed by lower case text without spaces or hyphens; 'installments' is the US spelling people type.
const SPELLINGS: Readonly<Record<string, PackageKind>> = {
  paidinfull: 'Paid in full',
  instalments: 'Instalments',
  instalment: 'Instalments',
  installments: 'Instalments',
  installment: 'Instalments',
  recurring: 'Recurring',
};

/** Reads a Kind cell case- and space-insensitively; throws naming the allowed values. */
export function parsePackageKind(s: string): PackageKind {
  const found = SPELLINGS[s.toLowerCase().replace(/[\s\-_]+/g, '')];
  if (!found) throw new Error(`Unknown package kind "${s}": expected one of ${PACKAGE_KINDS.join(', ')}`);
  return found;
}

/** A row of the Packages tab. */
export interface PackageDef {
  code: string;
  name: string;
  kind: PackageKind;
  /** Total sessions; for Recurring, sessions per cycle. */
  sessions: number;
  /** Total price; for Recurring, price per cycle. */
  price: Cents;
  /** Instalments: number of instalments. Recurring: number of cycles, null = ongoing. Paid in full: unused. */
  instalments: number | null;
  /** Needed by Instalments and Recurring. */
  frequency: Frequency | null;
}

/** A package sold to a client, with the dates chosen at the desk. */
export interface SaleTerms {
  saleId: string;
  clientId: string;
  pkg: PackageDef;
  saleDate: IsoDate;
  /** Package Start Date (Instalments), Billing Start Date (Recurring), client's start (Paid in full). */
  startDate: IsoDate;
  /** Used by Paid in full only. */
  dueDate: IsoDate;
}

export interface InvoiceDraft {
  saleId: string;
  clientId: string;
  description: string;
  /** 1-based; for Recurring it is the cycle number. */
  instalment: number;
  dueDate: IsoDate;
  amount: Cents;
}

export interface AllocationDraft {
  saleId: string;
  clientId: string;
  date: IsoDate;
  sessions: number;
  /** 1-based; Paid in full and Instalments have a single allocation, cycle 1. */
  cycle: number;
}

/** The invoice and allocation rows a sale (or a recurring roll) is to add. */
export interface SalePlan {
  invoices: InvoiceDraft[];
  allocations: AllocationDraft[];
}
