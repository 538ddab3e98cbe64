// Sell package: one sale, its invoices and its session allocations, planned in full before anything is written.
import { nextBillingDay } from '../../core/billingCycle';
import { MAX_ABA_CENTS } from '../../core/aba';
import type { IsoDate } from '../../core/calendar';
import { formatMoney } from '../../core/money';
import { planSale, validateSaleTerms, type SaleTerms } from '../../core/packageKinds';
import { cellError, UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Client, Invoice, Sale } from '../records';
import { allocationCells } from '../tabs/allocations';
import { assertLedgerSound } from '../integrity';
import { readClients } from '../tabs/clients';
import { invoiceCells } from '../tabs/invoices';
import { readPackages } from '../tabs/packages';
import { saleCells } from '../tabs/sales';
import { TABS } from '../schema';
import { billingCycle, readSettings } from '../tabs/settings';
import { notPast2100, optionalDateField, plausibleSaleDate, textField } from './fields';

export interface SellRequest {
  clientId: string;
  packageCode: string;
  saleDate?: string;
  startDate?: string;
  dueDate?: string;
}

export interface SellPlan {
  sale: Sale;
  clientName: string;
  invoices: Invoice[];
  allocations: Allocation[];
  /** Not refusals: the client may buy, but their direct debits are on hold. */
  warnings: string[];
}

/** What a sale reads whole: these grow with clients and packages, not with history. */
export const SELL_TABS = ['settings', 'clients', 'packages'] as const;
/** What it only adds rows to (IDs from the counters): read by their heads alone. */
export const SELL_APPENDS = ['sales', 'invoices', 'allocations'] as const;

/** The dates a sale defaults to: start on the next billing day, paid-in-full due on the sale date. */
export function saleDefaults(tx: LedgerTx, today: IsoDate, kind: string, saleDate: IsoDate = today) {
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const billingDay = nextBillingDay(billingCycle(settings), saleDate);
  const startDate = kind === 'Paid in full' ? saleDate : billingDay;
  return { saleDate, startDate, dueDate: kind === 'Paid in full' ? saleDate : startDate, billingDay };
}

export function planSell(tx: LedgerTx, req: SellRequest, today: IsoDate): SellPlan {
  const clientId = textField(req.clientId, 'clientId', 'Client', { required: true });
  const code = textField(req.packageCode, 'packageCode', 'Package', { required: true });
  const clients = readClients(tx.table('clients'));
  assertLedgerSound({ clients });
  const client = clients.find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  const warnings = statusWarnings(client);
  const pkg = readPackages(tx.table('packages')).find((p) => p.code.toLowerCase() === code.toLowerCase());
  if (!pkg) throw new UserError(`No package ${code} on the Packages tab.`, 'packageCode');
  if (!pkg.active)
    throw new UserError(`Package ${pkg.code} is not active (Packages tab, row ${pkg.row}).`, 'packageCode');

  // Typed dates far from today are typos in the year: refused before they become invoices.
  const saleDate = plausibleSaleDate(
    optionalDateField(req.saleDate, 'saleDate', 'Sale date') ?? today,
    today,
  );
  const defaults = saleDefaults(tx, today, pkg.kind, saleDate);
  const typed = (value: string | undefined, field: string, label: string) => {
    const d = optionalDateField(value, field, label);
    return d && notPast2100(d, field, label);
  };
  const startDate = typed(req.startDate, 'startDate', 'Start date') ?? defaults.startDate;
  const dueDate =
    pkg.kind === 'Paid in full' ? (typed(req.dueDate, 'dueDate', 'Due date') ?? defaults.dueDate) : startDate;

  const saleId = tx.ids.next('sale');
  const terms: SaleTerms = { saleId, clientId: client.id, pkg, saleDate, startDate, dueDate };
  const problems = validateSaleTerms(terms);
  if (problems.length) throw new UserError(problems[0]!);
  const drafts = planSale(terms);
  // A debit is one ABA record, whose amount field has 10 digits of cents: refused now, not on billing day.
  const tooLarge = drafts.invoices.find((d) => d.amount > MAX_ABA_CENTS);
  if (tooLarge)
    throw cellError(
      TABS.packages.name,
      pkg.row ?? 0,
      'Price',
      `package ${pkg.code}'s ${pkg.kind === 'Paid in full' ? 'price' : 'debit'} of ${formatMoney(tooLarge.amount)} is more than the ${formatMoney(MAX_ABA_CENTS)} one debit can be (the ABA file's amount field)`,
    );

  const sale: Sale = {
    id: saleId,
    saleDate,
    clientId: client.id,
    packageCode: pkg.code,
    packageName: pkg.name,
    kind: pkg.kind,
    startDate,
    dueDate,
    total: pkg.price,
    instalments: pkg.kind === 'Paid in full' ? 1 : pkg.instalments,
    frequency: pkg.kind === 'Paid in full' ? null : pkg.frequency,
    sessions: pkg.sessions,
    status: 'Active',
  };
  const invoices: Invoice[] = drafts.invoices.map((d) => ({
    id: tx.ids.next('invoice'),
    saleId,
    clientId: client.id,
    description: d.description,
    instalment: d.instalment,
    dueDate: d.dueDate,
    amount: d.amount,
    paid: 0,
    status: 'Open',
    batchId: '',
    created: today,
  }));
  const allocations: Allocation[] = drafts.allocations.map((a) => ({
    id: tx.ids.next('allocation'),
    saleId,
    clientId: client.id,
    date: a.date,
    sessions: a.sessions,
    cycle: a.cycle,
  }));
  return { sale, clientName: client.name, invoices, allocations, warnings };
}

/** Inactive clients buy nothing; a client whose debits the bank stopped may, with a warning. */
function statusWarnings(client: Client): string[] {
  const status = client.status.trim();
  if (status === 'Inactive')
    throw new UserError(
      `${client.id} ${client.name} is Inactive (Clients tab, row ${client.row ?? 0}, column Status): set them back to Active to sell.`,
      'clientId',
    );
  if (status === 'DD stopped')
    return [
      `${client.name}'s direct debit was stopped by the bank: these invoices are not debited until the client is Active again.`,
    ];
  if (status === 'Update bank details')
    return [
      `${client.name}'s bank details were refused by the bank: these invoices are not debited until BSB or Account Number change.`,
    ];
  return [];
}

export function writeSell(tx: LedgerTx, plan: SellPlan): void {
  tx.append('sales', saleCells(plan.sale));
  for (const i of plan.invoices) tx.append('invoices', invoiceCells(i));
  for (const a of plan.allocations) tx.append('allocations', allocationCells(a));
}
