// Release: a person lets held invoices be debited again (their retry count starts over), and sets a
// client the bank's reason stopped (DD stopped, Update bank details) back to Active. The moves are the
// invoice state machine's; this file finds what to release and says what it did.
import { balanceOf, isRefusal, releaseInvoice } from '../../core/ledger/invoiceState';
import type { Cents } from '../../core/money';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice } from '../records';
import { clientCells, readClients } from '../tabs/clients';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import { activeAgain, DD_STOPPED, releaseFixedClients, UPDATE_BANK_DETAILS } from './clientRelease';
import { textField } from './fields';

export const RELEASE_TABS = ['clients', 'invoices'] as const;

export interface ReleaseRequest {
  invoiceId?: string;
  clientId?: string;
}

/** What a release did, as the sidebar and the CLI show it. */
export interface Released {
  clientId: string;
  name: string;
  released: { invoiceId: string; status: string; balance: Cents }[];
  /** The status the client had when this release set them back to Active, else null. */
  clientWas: string | null;
  /** The client's status after the release. */
  clientStatus: string;
  /** Other clients set back to Active because their bank details now differ from those refused. */
  fixed: string[];
}

export interface ReleasePlan {
  released: Released;
  invoices: Invoice[];
  clients: Client[];
}

const BLOCKED: ReadonlySet<string> = new Set([UPDATE_BANK_DETAILS, DD_STOPPED]);

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function released(invoices: readonly Invoice[]): Invoice[] {
  return invoices.map((inv) => {
    const r = releaseInvoice(inv);
    if (isRefusal(r)) throw new UserError(r.message, 'invoiceId');
    return r;
  });
}

export function planRelease(tx: LedgerTx, req: ReleaseRequest): ReleasePlan {
  const invoiceId = textField(req.invoiceId, 'invoiceId', 'Invoice');
  const clientId = textField(req.clientId, 'clientId', 'Client');
  if (invoiceId && clientId)
    throw new UserError('Give an invoice or a client to release, not both.', 'invoiceId');
  if (!invoiceId && !clientId)
    throw new UserError('Which invoice or client? Give one to release.', 'clientId');
  const clients = readClients(tx.table('clients'));
  const invoices = readInvoices(tx.table('invoices'));
  assertLedgerSound({ clients, invoices });
  const fixed = new Map(releaseFixedClients(clients).map((c) => [c.id, c]));

  let client: Client | undefined;
  let toRelease: Invoice[];
  if (invoiceId) {
    const inv = invoices.find((i) => same(i.id, invoiceId));
    if (!inv) throw new UserError(`No invoice ${invoiceId} on the Invoices tab.`, 'invoiceId');
    client = clients.find((c) => c.id === inv.clientId);
    toRelease = released([inv]);
  } else {
    client = clients.find((c) => same(c.id, clientId));
    if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
    const id = client.id;
    toRelease = released(invoices.filter((i) => i.clientId === id && i.status === 'Held'));
  }
  // Naming the client is the person's word that the bank's reason is dealt with.
  const current = client ? (fixed.get(client.id) ?? client) : undefined;
  const reactivate = !invoiceId && current && BLOCKED.has(current.status.trim()) ? current : undefined;
  if (reactivate) fixed.set(reactivate.id, activeAgain(reactivate));
  if (!toRelease.length && !reactivate)
    throw new UserError(
      `${client!.id} ${client!.name} has no held invoice and is ${client!.status || 'Active'}: there is nothing to release.`,
      'clientId',
    );
  const owner = client?.id ?? toRelease[0]!.clientId;
  return {
    released: {
      clientId: owner,
      name: client?.name ?? 'Not on the Clients tab',
      released: toRelease.map((i) => ({ invoiceId: i.id, status: i.status, balance: balanceOf(i) })),
      clientWas: reactivate ? reactivate.status : null,
      clientStatus: fixed.get(owner)?.status ?? client?.status ?? '',
      fixed: [...fixed.keys()].filter((id) => id !== reactivate?.id),
    },
    invoices: toRelease,
    clients: [...fixed.values()],
  };
}

export function writeRelease(tx: LedgerTx, plan: ReleasePlan): void {
  for (const inv of plan.invoices) tx.update('invoices', inv.row!, invoiceCells(inv));
  for (const c of plan.clients) if (c.row) tx.update('clients', c.row, clientCells(c));
}

export function releaseSummary(plan: Released): string {
  const parts = [
    plan.released.length
      ? `released ${plan.released.map((r) => `${r.invoiceId} (${r.status})`).join(', ')}`
      : '',
    plan.clientWas ? `${plan.clientId} Active again (was ${plan.clientWas})` : '',
    plan.fixed.length ? `bank details changed, Active again: ${plan.fixed.join(' ')}` : '',
  ].filter(Boolean);
  return `${plan.clientId} ${plan.name}: ${parts.join('; ')}`;
}

export interface HeldClient {
  clientId: string;
  name: string;
  status: string;
  /** The decline reason on the client's latest due invoice still owing, or their status. */
  reason: string;
  held: { invoiceId: string; dueDate: string; balance: Cents; reason: string }[];
}

/** Who waits on a person: clients with held invoices, or a status the bank's reason set. */
export function heldClients(clients: readonly Client[], invoices: readonly Invoice[]): HeldClient[] {
  const heldOf = new Map<string, Invoice[]>();
  const lastReason = new Map<string, Invoice>();
  for (const inv of invoices) {
    const prev = lastReason.get(inv.clientId);
    if (inv.declineReason && balanceOf(inv) > 0 && (!prev || prev.dueDate <= inv.dueDate))
      lastReason.set(inv.clientId, inv);
    if (inv.status !== 'Held') continue;
    const list = heldOf.get(inv.clientId);
    if (list) list.push(inv);
    else heldOf.set(inv.clientId, [inv]);
  }
  const fixed = new Set(releaseFixedClients(clients).map((c) => c.id));
  const out: HeldClient[] = [];
  for (const c of clients) {
    const held = (heldOf.get(c.id) ?? []).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const blocked = BLOCKED.has(c.status.trim()) && !fixed.has(c.id);
    if (!held.length && !blocked) continue;
    out.push({
      clientId: c.id,
      name: c.name,
      status: c.status,
      reason: lastReason.get(c.id)?.declineReason || c.status,
      held: held.map((i) => ({
        invoiceId: i.id,
        dueDate: i.dueDate,
        balance: balanceOf(i),
        reason: i.declineReason ?? '',
      })),
    });
  }
  return out;
}
