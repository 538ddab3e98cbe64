// The workbook contract: tab names and headers users and other tools see. Keep them exact.
import type { ColumnFormat } from './port';
import { FREQUENCIES } from '../core/frequency';
import { PACKAGE_KINDS } from '../core/packageKinds';
import { BILLING_METHODS, CLIENT_STATUSES, INVOICE_STATUSES, SALE_STATUSES } from '../core/ledger/records';

export {
  BILLING_METHODS,
  CLIENT_STATUSES,
  INVOICE_STATUSES,
  SALE_STATUSES,
  type BillingMethod,
  type ClientStatus,
  type InvoiceStatus,
  type SaleStatus,
} from '../core/ledger/records';

export interface ColumnSpec {
  readonly header: string;
  /** A required header: a workbook without it cannot be used (README.md lists them per tab). */
  readonly required: boolean;
  readonly format?: ColumnFormat;
  /**
   * A ledger column newer than some workbooks: the first action that writes it adds its header at the end
   * of the header row (a user's removal of an ordinary optional column is respected instead).
   */
  readonly added?: boolean;
}

export interface TabSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Rewritten whole by its action (Process Billing): set-up creates it but never reformats it. */
  readonly regenerated?: boolean;
  /** Kept out of the way (set-up hides it when it creates it): the add-in's own records. */
  readonly hidden?: boolean;
}

const req = (header: string, format?: ColumnFormat): ColumnSpec => ({ header, required: true, format });
const extra = (header: string, format?: ColumnFormat): ColumnSpec => ({ header, required: false, format });
const added = (header: string, format?: ColumnFormat): ColumnSpec => ({
  header,
  required: false,
  format,
  added: true,
});
const list = (values: readonly string[]): ColumnFormat => ({ kind: 'list', values });
const DATE: ColumnFormat = { kind: 'date' };
const MONEY: ColumnFormat = { kind: 'money' };
const INT: ColumnFormat = { kind: 'integer' };
const TEXT: ColumnFormat = { kind: 'text' };

export const TABS = {
  settings: { name: 'Settings', columns: [req('Setting'), req('Value')] },
  clients: {
    name: 'Clients',
    columns: [
      req('Client ID', TEXT),
      req('Name', TEXT),
      req('Email', TEXT),
      req('Phone', TEXT),
      req('Billing Method', list(BILLING_METHODS)),
      req('DD Reference', TEXT),
      req('BSB', TEXT),
      req('Account Number', TEXT),
      req('Account Name', TEXT),
      req('Status', list(CLIENT_STATUSES)),
      // The bank details a "fix details" decline was made with: held out of debits until they differ.
      added('Declined BSB', TEXT),
      added('Declined Account', TEXT),
      // The Direct Debit Request: signed, sent to the DD company, registered by a registration file.
      added('Authority Signed', DATE),
      added('DDR Sent', DATE),
      added('Registered', DATE),
    ],
  },
  packages: {
    name: 'Packages',
    columns: [
      req('Package Code', TEXT),
      req('Name', TEXT),
      req('Kind', list(PACKAGE_KINDS)),
      req('Sessions', INT),
      req('Price', MONEY),
      req('Instalments', INT),
      req('Frequency', list(FREQUENCIES)),
      req('Active', { kind: 'checkbox' }),
    ],
  },
  sales: {
    name: 'Sales',
    columns: [
      req('Sale ID', TEXT),
      req('Sale Date', DATE),
      req('Client ID', TEXT),
      req('Package Code', TEXT),
      req('Kind', list(PACKAGE_KINDS)),
      req('Start Date', DATE),
      req('Due Date', DATE),
      req('Total', MONEY),
      req('Instalments', INT),
      req('Frequency', list(FREQUENCIES)),
      req('Sessions', INT),
      req('Status', list(SALE_STATUSES)),
      extra('Package Name', TEXT),
      // Holiday holds ("2016-10-01 to 2016-10-14; …") and the cancellation date: see src/core/lifecycle.
      extra('Holds', TEXT),
      extra('Cancelled From', DATE),
    ],
  },
  invoices: {
    name: 'Invoices',
    columns: [
      req('Invoice ID', TEXT),
      req('Sale ID', TEXT),
      req('Client ID', TEXT),
      req('Description', TEXT),
      req('Instalment', INT),
      req('Due Date', DATE),
      req('Amount', MONEY),
      req('Paid', MONEY),
      req('Status', list(INVOICE_STATUSES)),
      req('Batch ID', TEXT),
      extra('Balance', MONEY),
      extra('Created', DATE),
      extra('Sent Amount', MONEY),
      extra('Decline Reason', TEXT),
      // Declines counted toward the Retry Limit since the last release.
      added('Decline Count', INT),
      // Why and when the studio gave up collecting it (Status Written off).
      added('Write-off Reason', TEXT),
      added('Write-off Date', DATE),
    ],
  },
  allocations: {
    name: 'Allocations',
    columns: [
      req('Allocation ID', TEXT),
      req('Sale ID', TEXT),
      req('Client ID', TEXT),
      req('Date', DATE),
      req('Sessions', INT),
      extra('Cycle', INT),
    ],
  },
  attendance: {
    name: 'Attendance',
    columns: [req('Date', DATE), req('Client ID', TEXT), req('Sessions', INT), extra('Sale ID', TEXT)],
  },
  payments: {
    name: 'Payments',
    columns: [
      req('Payment ID', TEXT),
      req('Date', DATE),
      req('Client ID', TEXT),
      req('Invoice ID', TEXT),
      req('Amount', MONEY),
      req('Method', TEXT),
      req('Reference', TEXT),
      added('Batch ID', TEXT),
      added('Provider Ref', TEXT),
      added('Receipt ID', TEXT),
      added('Refund Of', TEXT),
      added('Reason', TEXT),
    ],
  },
  processBilling: {
    name: 'Process Billing',
    regenerated: true,
    columns: [
      req('Client ID', TEXT),
      req('Name', TEXT),
      req('Billing Method', TEXT),
      req('Invoice IDs', TEXT),
      req('Amount Due', MONEY),
      req('Amount to Debit', MONEY),
      req('Include', { kind: 'checkbox' }),
      // Why a held invoice or a client is not debited (the sections below the debits).
      extra('Reason', TEXT),
    ],
  },
  outstanding: {
    name: 'Outstanding',
    regenerated: true,
    columns: [
      req('Client ID', TEXT),
      req('Name', TEXT),
      req('Billing Method', TEXT),
      req('Overdue Invoices', INT),
      req('Invoice IDs', TEXT),
      req('Amount Owed', MONEY),
      req('Oldest Due', DATE),
      req('Days Overdue', INT),
      req('Last Payment', DATE),
      req('Last Payment Amount', MONEY),
      req('Last Decline Reason', TEXT),
    ],
  },
  balances: {
    name: 'Balances',
    regenerated: true,
    columns: [
      req('Client ID', TEXT),
      req('Name', TEXT),
      req('Sale ID', TEXT),
      req('Package', TEXT),
      req('Status', TEXT),
      req('Sessions Allocated', INT),
      req('Sessions Used', INT),
      req('Sessions Left', INT),
      req('Invoiced', MONEY),
      req('Paid', MONEY),
      req('Owed', MONEY),
      req('Not Yet Due', MONEY),
    ],
  },
  // One client's statement, regenerated for the client chosen (see src/sheets/tabs/statement.ts).
  statement: {
    name: 'Statement',
    regenerated: true,
    columns: [
      req('Date', DATE),
      req('Type', TEXT),
      req('Reference', TEXT),
      req('Description', TEXT),
      req('Due Date', DATE),
      req('Amount', MONEY),
      req('Balance', MONEY),
    ],
  },
  log: {
    name: 'Log',
    columns: [req('Timestamp', { kind: 'datetime' }), req('Action', TEXT), req('Details', TEXT)],
  },
  ddReport: { name: 'DD Report', columns: [] },
  reconciliation: {
    name: 'Reconciliation',
    regenerated: true,
    columns: [
      req('Report Row', INT),
      req('Date', DATE),
      req('Reference', TEXT),
      req('Name', TEXT),
      req('Amount', MONEY),
      req('Report Status', TEXT),
      req('Outcome', TEXT),
      req('Client ID', TEXT),
      req('Invoice IDs', TEXT),
      req('Note', TEXT),
    ],
  },
  reconciled: {
    name: 'Reconciled',
    columns: [
      req('Key', TEXT),
      req('Applied', DATE),
      req('Report Row', INT),
      req('Date', DATE),
      req('Outcome', TEXT),
      req('Client ID', TEXT),
      req('Invoice IDs', TEXT),
      req('Amount', MONEY),
    ],
  },
  // Who owes the DD company news: each DD client whose debits differ from the last notice (ddChanges.ts).
  ddChanges: {
    name: 'DD Changes',
    regenerated: true,
    columns: [
      req('Client ID', TEXT),
      req('Name', TEXT),
      req('Change', TEXT),
      req('Old Date', DATE),
      req('Old Amount', MONEY),
      req('New Date', DATE),
      req('New Amount', MONEY),
      req('Note', TEXT),
    ],
  },
  // The schedules the DD company was told, one row per debit (a notice with no debits has one blank row).
  ddNotices: {
    name: 'DD Notices',
    hidden: true,
    columns: [
      req('Notice', INT),
      req('Client ID', TEXT),
      req('Notified', DATE),
      req('Debit Date', DATE),
      req('Amount', MONEY),
      req('Sales', TEXT),
      req('BSB', TEXT),
      req('Account Number', TEXT),
      req('Until Cancelled', TEXT),
    ],
  },
} as const satisfies Record<string, TabSpec>;

export type TabKey = keyof typeof TABS;
export const TAB_ORDER: readonly TabKey[] = [
  'settings',
  'clients',
  'packages',
  'sales',
  'invoices',
  'allocations',
  'attendance',
  'payments',
  'processBilling',
  'outstanding',
  'balances',
  'statement',
  'ddReport',
  'reconciliation',
  'reconciled',
  'ddChanges',
  'ddNotices',
  'log',
];

export const SETTING_KEYS = [
  'Business Name',
  'Time Zone',
  'Billing Frequency',
  'Billing Day',
  'Dishonour Fee',
  'Retry Limit',
  'ABA Bank',
  'ABA User Name',
  'ABA User ID',
  'ABA Description',
  'Studio BSB',
  'Studio Account Number',
  'Studio Account Name',
  'ABA Balancing Record',
  'Report Date Order',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
