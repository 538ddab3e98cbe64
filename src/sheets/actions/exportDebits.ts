// Create debit file: the included rows of the Process Billing tab become an ABA file (or a CSV batch for
// DD companies that take an upload). Every field is checked before a byte is written; the invoices debited
// become Sent with the batch ID, and an amount lowered below what is due leaves the rest open. A client
// whose details cannot go into the file is left out with the reason (never the whole file for one client):
// their invoices stay unsent and the tab lists them as not debited.
import { isDue, oldestFirst } from '../../core/billing/dueInvoices';
import { balanceOf, isRefusal, sendInvoice } from '../../core/ledger/invoiceState';
import { debitBlock, sendsDebitFile } from '../../core/ledger/billingMethods';
import { spreadOldestFirst } from '../../core/billing/spreadPayment';
import { AbaError, planAbaUpload, planCsvUpload, type AbaBatch, type UploadPlan } from '../../core/aba';
import type { IsoDate } from '../../core/calendar';
import { formatMoney, type Cents } from '../../core/money';
import { readBatch, readRefusedUserId, writeBatch, type BatchRecord } from '../batches';
import { soundLedgerFor } from '../integrity';
import { UserError, cellError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice } from '../records';
import { readClients } from '../tabs/clients';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import {
  readBillingSheet,
  renderBillingSheet,
  type BillingRow,
  type BillingSheet,
  type SkippedLine,
} from '../tabs/processBilling';
import { readSettings, type Settings } from '../tabs/settings';
import { TABS } from '../schema';

export const EXPORT_TABS = ['settings', 'clients', 'invoices', 'processBilling'] as const;
export type DebitFormat = 'aba' | 'csv';

export interface DebitFile {
  batchId: string;
  billingDate: IsoDate;
  format: DebitFormat;
  fileName: string;
  content: string;
  debits: number;
  total: Cents;
  /** Invoices now Sent, with what the batch takes from each. */
  sent: { invoiceId: string; clientId: string; amount: Cents }[];
  /** True when the batch had been sent already: the same file again, nothing changed. */
  again: boolean;
  /** Clients left out of the file, with why: their invoices are not Sent; the tab lists them too. */
  skipped: SkippedLine[];
  /** Not refusals: things to check before uploading (e.g. a shared upload user ID in the header). */
  warnings: string[];
}

function rowsToSend(sheet: BillingSheet): BillingRow[] {
  return sheet.rows.filter((r) => sendsDebitFile(r.billingMethod) && r.include && r.amountToDebit > 0);
}

/**
 * The sheet must hold a billing run as it was made: its header's billing date and batch ID as the batch's
 * record says (a hand edit there is refused), and no row debiting more than is due.
 */
export function checkBillingSheet(
  sheet: BillingSheet,
  batchRecord?: (batchId: string) => BatchRecord | null,
): asserts sheet is BillingSheet & { billingDate: IsoDate } {
  if (!sheet.batchId || !sheet.billingDate)
    throw new UserError('The Process Billing tab holds no billing run. Run Process Billing first.');
  if (batchRecord) {
    const record = batchRecord(sheet.batchId);
    if (!record)
      throw cellError(
        TABS.processBilling.name,
        1,
        'Batch ID',
        `no billing run made batch ${sheet.batchId} (was it typed over?): run Process Billing again`,
      );
    if (record.billingDate !== sheet.billingDate)
      throw cellError(
        TABS.processBilling.name,
        1,
        'Billing Date',
        `batch ${sheet.batchId} was made for ${record.billingDate}, not ${sheet.billingDate}: run Process Billing for the date you want`,
      );
  }
  for (const r of sheet.rows) {
    if (r.amountToDebit > r.amountDue)
      throw cellError(
        TABS.processBilling.name,
        r.row ?? 0,
        'Amount to Debit',
        `${formatMoney(r.amountToDebit)} is more than the ${formatMoney(r.amountDue)} due from ${r.name}`,
      );
  }
}

function abaBatch(
  settings: Settings,
  billingDate: IsoDate,
  rows: BillingRow[],
  clients: Map<string, Client>,
): AbaBatch {
  const remitter = (settings.businessName || settings.abaUserName).slice(0, 16).trim();
  return {
    header: {
      bank: settings.abaBank,
      userName: settings.abaUserName,
      userId: settings.abaUserId,
      description: settings.abaDescription,
      processingDate: billingDate,
    },
    trace: { bsb: settings.studioBsb, accountNumber: settings.studioAccountNumber, remitter },
    debits: rows.map((r) => {
      const c = clients.get(r.clientId);
      return {
        clientId: r.clientId,
        clientName: r.name,
        bsb: c?.bsb ?? '',
        accountNumber: c?.accountNumber ?? '',
        accountTitle: c?.accountName || r.name,
        amount: r.amountToDebit,
        lodgementReference: c?.ddReference || r.clientId,
      };
    }),
    balancing: settings.abaBalancing
      ? {
          accountTitle: settings.studioAccountName || settings.abaUserName,
          lodgementReference:
            `${settings.abaDescription} ${billingDate.slice(8, 10)}${billingDate.slice(5, 7)}${billingDate.slice(2, 4)}`.slice(
              0,
              18,
            ),
        }
      : null,
  };
}

/** The file for the rows that can go into it; a refusal (settings, or no client left) as one line. */
function uploadPlan(
  format: DebitFormat,
  settings: Settings,
  billingDate: IsoDate,
  rows: BillingRow[],
  clients: Map<string, Client>,
): UploadPlan {
  try {
    if (format === 'aba') return planAbaUpload(abaBatch(settings, billingDate, rows, clients));
    return planCsvUpload(
      rows.map((r) => {
        const c = clients.get(r.clientId);
        return {
          clientId: r.clientId,
          name: r.name,
          ddReference: c?.ddReference || r.clientId,
          bsb: c?.bsb ?? '',
          accountNumber: c?.accountNumber ?? '',
          amount: r.amountToDebit,
          invoiceIds: r.invoiceIds,
        };
      }),
    );
  } catch (e) {
    if (e instanceof AbaError) {
      const [first, ...rest] = e.problems;
      const where = first?.clientId
        ? ' (Clients tab)'
        : first?.key?.startsWith('debits')
          ? ''
          : ' (Settings tab)';
      throw new UserError(
        `${first?.message ?? e.message}${where}${rest.length ? `; and ${rest.length} more problem${rest.length > 1 ? 's' : ''}` : ''}`,
      );
    }
    throw e;
  }
}

/**
 * The list must still be what the invoices say: a payment, a pause or a cancellation since Process
 * Billing ran would otherwise debit a client for money they no longer owe.
 */
/** What checkRowCurrent looks invoices up in: a Map, or an IdIndex over a whole tab. */
export type InvoicesById = { get(id: string): Invoice | undefined };

export function checkRowCurrent(r: BillingRow, invoices: InvoicesById, billingDate: IsoDate): Invoice[] {
  const list = r.invoiceIds.map((id) => {
    const inv = invoices.get(id);
    if (!inv)
      throw cellError(
        TABS.processBilling.name,
        r.row ?? 0,
        'Invoice IDs',
        `${id} is not on the Invoices tab`,
      );
    // A sorted column or a pasted cell would debit one client's bank account for another's invoices.
    if (inv.clientId !== r.clientId)
      throw cellError(
        TABS.processBilling.name,
        r.row ?? 0,
        'Client ID',
        `${id} is ${inv.clientId}'s invoice, not ${r.clientId}'s (was a column sorted on its own?): run Process Billing again`,
      );
    return inv;
  });
  const due = list.filter((i) => isDue(i, billingDate)).reduce((s, i) => s + balanceOf(i), 0);
  const stale = list.find((i) => !isDue(i, billingDate));
  if (stale || due !== r.amountDue)
    throw cellError(
      TABS.processBilling.name,
      r.row ?? 0,
      'Amount Due',
      `${r.name} owed ${formatMoney(r.amountDue)} when the list was made, but ${stale ? `${stale.id} is now ${stale.status === 'Open' || stale.status === 'Part paid' || stale.status === 'Declined' ? `due ${stale.dueDate}` : stale.status}` : `the invoices now owe ${formatMoney(due)}`}: run Process Billing again`,
    );
  if (r.amountToDebit > due)
    throw cellError(
      TABS.processBilling.name,
      r.row ?? 0,
      'Amount to Debit',
      `${formatMoney(r.amountToDebit)} is more than the ${formatMoney(due)} ${r.name}'s invoices owe`,
    );
  return list.sort(oldestFirst);
}

/** A client listed to be debited who may no longer be (Inactive, DD stopped, bank details refused). */
function checkClientDebitable(r: BillingRow, client: Client): void {
  const block = debitBlock(client);
  if (block)
    throw cellError(
      TABS.processBilling.name,
      r.row ?? 0,
      'Client ID',
      `${r.clientId} ${client.name} is ${block.split(':')[0]} since the list was made: run Process Billing again`,
    );
}

/** A batch already sent, as its invoices record it: the same file again, whatever the tab says now. */
function sentRows(
  sheet: BillingSheet,
  invoices: Iterable<Invoice>,
  clients: ReadonlyMap<string, Client>,
): BillingRow[] {
  const byClient = new Map<string, Invoice[]>();
  for (const inv of invoices) {
    if (inv.batchId !== sheet.batchId || inv.status !== 'Sent') continue;
    byClient.set(inv.clientId, [...(byClient.get(inv.clientId) ?? []), inv]);
  }
  return [...byClient].map(([clientId, list]) => {
    const c = clients.get(clientId);
    return {
      clientId,
      name: c?.name ?? clientId,
      billingMethod: c?.billingMethod ?? 'DD Full Integration',
      invoiceIds: list.sort(oldestFirst).map((i) => i.id),
      amountDue: list.reduce((s, i) => s + (i.sentAmount ?? 0), 0),
      amountToDebit: list.reduce((s, i) => s + (i.sentAmount ?? 0), 0),
      include: true,
    };
  });
}

export function planExport(
  tx: LedgerTx,
  format: DebitFormat,
  today: IsoDate,
): { file: DebitFile; updates: Invoice[]; sheet: BillingSheet } {
  const sheet = readBillingSheet(tx.table('processBilling'));
  checkBillingSheet(sheet, (id) => readBatch((k) => tx.port.getProperty(k), id));
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const clientList = readClients(tx.table('clients'));
  const invoiceList = readInvoices(tx.table('invoices'));
  // The check's index of the invoices (no ID repeats once it passed) serves the lookups below.
  const invoices = soundLedgerFor(tx, { clients: clientList, invoices: invoiceList }).invoices!;
  const clients = new Map(clientList.map((c) => [c.id, c]));
  const refusedUserId = readRefusedUserId((k) => tx.port.getProperty(k));
  if (format === 'aba' && refusedUserId !== null && refusedUserId === settings.abaUserId.trim())
    throw new UserError(
      `The bank refused ABA User ID ${refusedUserId} (return code 8, invalid user ID): correct ABA User ID on the Settings tab before the next debit file.`,
    );
  const again = sheet.status === 'Sent';
  if (sheet.status === 'Processed' || sheet.status === 'Marked paid')
    throw new UserError(
      `Batch ${sheet.batchId} is already ${sheet.status.toLowerCase()}. Run Process Billing for the next batch.`,
    );
  const rows = again ? sentRows(sheet, invoiceList, clients) : rowsToSend(sheet);
  if (!rows.length)
    throw new UserError(
      again
        ? `Batch ${sheet.batchId} has no invoice waiting as Sent: it was processed or declined.`
        : 'No client on the Process Billing tab is to be debited: tick Include for DD Full or Partial Integration clients with an amount to debit.',
    );
  for (const r of rows) {
    const client = clients.get(r.clientId);
    if (!client)
      throw cellError(
        TABS.processBilling.name,
        r.row ?? 0,
        'Client ID',
        `${r.clientId} is not on the Clients tab`,
      );
    if (!again) checkClientDebitable(r, client);
  }
  const lists = again ? null : rows.map((r) => checkRowCurrent(r, invoices, sheet.billingDate));
  const upload = uploadPlan(format, settings, sheet.billingDate, rows, clients);
  const skipped = skippedLines(format, rows, upload);
  // The batch went to the bank with these clients: a file without them would not be the file sent.
  const missing = again ? upload.skipped[0] : undefined;
  if (missing) {
    const c = clients.get(rows[missing.index]!.clientId);
    throw new UserError(
      `Batch ${sheet.batchId} was sent with ${c?.id ?? missing.clientId} ${c?.name ?? missing.clientName}, who cannot go into the file now: ${missing.reason} (Clients tab, row ${c?.row ?? 0}). Fix the row to make the same file again.`,
    );
  }
  const written = new Set(upload.written);

  const updates: Invoice[] = [];
  const sent: DebitFile['sent'] = [];
  const sendRows = rows.filter((_, n) => written.has(n));
  rows.forEach((r, n) => {
    if (!written.has(n)) return;
    if (!lists) {
      for (const id of r.invoiceIds) {
        const inv = invoices.get(id)!;
        sent.push({ invoiceId: inv.id, clientId: inv.clientId, amount: inv.sentAmount ?? 0 });
      }
      return;
    }
    const list = lists[n]!;
    const spread = spreadOldestFirst(
      list.map((i) => ({ id: i.id, balance: balanceOf(i) })),
      r.amountToDebit,
    );
    for (const part of spread.parts) {
      const inv = list.find((i) => i.id === part.invoiceId)!;
      const sentInv = sendInvoice(inv, sheet.batchId, part.amount);
      if (isRefusal(sentInv))
        throw cellError(TABS.processBilling.name, r.row ?? 0, 'Invoice IDs', sentInv.message);
      updates.push(sentInv);
      sent.push({ invoiceId: inv.id, clientId: inv.clientId, amount: part.amount });
    }
  });
  const total = sendRows.reduce((s, r) => s + r.amountToDebit, 0);
  const out = new Set(skipped.map((k) => k.clientId));
  return {
    // The tab is rewritten as sent: the clients left out move to its Not debited section.
    sheet: skipped.length
      ? {
          ...sheet,
          rows: sheet.rows.filter((r) => !out.has(r.clientId)),
          skipped: [...(sheet.skipped ?? []), ...skipped],
        }
      : sheet,
    updates,
    file: {
      batchId: sheet.batchId,
      billingDate: sheet.billingDate,
      format,
      fileName: `${sheet.batchId}-${sheet.billingDate}.${format === 'aba' ? 'aba' : 'csv'}`,
      content: upload.content,
      debits: sendRows.length,
      total,
      sent,
      again,
      skipped,
      warnings: upload.warnings,
    },
  };
}

/** The rows the upload left out, as the Process Billing tab lists clients not debited. */
function skippedLines(format: DebitFormat, rows: readonly BillingRow[], upload: UploadPlan): SkippedLine[] {
  return upload.skipped.map((k) => {
    const r = rows[k.index]!;
    return {
      clientId: r.clientId,
      name: r.name,
      billingMethod: r.billingMethod,
      invoiceIds: r.invoiceIds,
      amount: r.amountDue,
      reason: `Left out of the ${format === 'aba' ? 'ABA' : 'CSV'} file: ${k.reason} (Clients tab)`,
    };
  });
}

export function writeExport(tx: LedgerTx, plan: ReturnType<typeof planExport>): void {
  if (plan.file.again) return;
  for (const inv of plan.updates) tx.update('invoices', inv.row!, invoiceCells(inv));
  tx.rewrite('processBilling', renderBillingSheet({ ...plan.sheet, status: 'Sent' }));
  const previous = readBatch((k) => tx.port.getProperty(k), plan.file.batchId);
  writeBatch((k, v) => tx.setProperty(k, v), {
    batchId: plan.file.batchId,
    billingDate: plan.file.billingDate,
    ...previous,
    status: 'Sent',
    format: plan.file.format,
    count: plan.file.debits,
    total: plan.file.total,
  });
}
