// google.script.run targets of the Sell package sidebar.
import type { Cents } from '../core/money';
import type { BillingCycle } from '../core/billingCycle';
import { LedgerTx } from '../sheets/ledgerTx';
import { billingCycle, readSettings } from '../sheets/tabs/settings';
import {
  planSell,
  saleDefaults,
  SELL_APPENDS,
  SELL_TABS,
  writeSell,
  type SellPlan,
  type SellRequest,
} from '../sheets/actions/sell';
import { readClients } from '../sheets/tabs/clients';
import { readPackages } from '../sheets/tabs/packages';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface SellForm {
  today: string;
  billingDay: string;
  /** The studio's billing cycle, so the sidebar can move the default start date with the sale date. */
  cycle: BillingCycle;
  clients: { id: string; name: string; billingMethod: string; email: string }[];
  packages: {
    code: string;
    name: string;
    kind: string;
    sessions: number;
    price: Cents;
    instalments: number | null;
    frequency: string | null;
  }[];
}

export interface SalePreview {
  saleId: string;
  clientId: string;
  clientName: string;
  packageCode: string;
  packageName: string;
  kind: string;
  saleDate: string;
  startDate: string;
  dueDate: string;
  total: Cents;
  invoices: { id: string; description: string; dueDate: string; amount: Cents }[];
  allocations: { id: string; date: string; sessions: number }[];
  warnings: string[];
}

function toPreview(p: SellPlan): SalePreview {
  return plain({
    saleId: p.sale.id,
    clientId: p.sale.clientId,
    clientName: p.clientName,
    packageCode: p.sale.packageCode,
    packageName: p.sale.packageName,
    kind: p.sale.kind,
    saleDate: p.sale.saleDate,
    startDate: p.sale.startDate,
    dueDate: p.sale.dueDate,
    total: p.invoices.reduce((s, i) => s + i.amount, 0),
    invoices: p.invoices.map((i) => ({
      id: i.id,
      description: i.description,
      dueDate: i.dueDate,
      amount: i.amount,
    })),
    allocations: p.allocations.map((a) => ({ id: a.id, date: a.date, sessions: a.sessions })),
    warnings: p.warnings,
  });
}

export function getSellForm(req?: Request): Result<SellForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, SELL_TABS);
    const defaults = saleDefaults(tx, ctx.today, 'Instalments');
    return plain({
      today: ctx.today,
      billingDay: defaults.billingDay,
      cycle: billingCycle(readSettings(tx.table('settings'), ctx.today, ctx.port.timeZone())),
      clients: readClients(tx.table('clients'))
        .filter((c) => c.status !== 'Inactive')
        .map((c) => ({ id: c.id, name: c.name, billingMethod: c.billingMethod, email: c.email })),
      packages: readPackages(tx.table('packages'))
        .filter((p) => p.active)
        .map((p) => ({
          code: p.code,
          name: p.name,
          kind: p.kind,
          sessions: p.sessions,
          price: p.price,
          instalments: p.instalments,
          frequency: p.frequency,
        })),
    });
  });
}

/** The same plan Save would write, with provisional IDs; writes nothing. */
export function previewSale(req: SellRequest & Request): Result<SalePreview> {
  return attempt(() => {
    const ctx = context(req);
    return toPreview(
      planSell(new LedgerTx(ctx.port, SELL_TABS, { appendOnly: SELL_APPENDS }), req, ctx.today),
    );
  });
}

export function sellPackage(req: SellRequest & Request): Result<SalePreview> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, SELL_TABS, { appendOnly: SELL_APPENDS });
      const plan = planSell(tx, req, ctx.today);
      writeSell(tx, plan);
      const total = plan.invoices.reduce((s, i) => s + i.amount, 0);
      tx.commit(
        'Sell package',
        `${plan.sale.id} ${plan.sale.packageCode} to ${plan.sale.clientId}: ${plan.invoices.length} invoice(s) totalling ${(total / 100).toFixed(2)}, ${plan.allocations.length} allocation(s)`,
        ctx.timestamp(),
      );
      return toPreview(plan);
    });
  });
}
