// The records a decline works on, held for one action: each client's invoices and payments as they stand
// after the declines planned so far (so a second arrival of the same debit in one action sees the first),
// and every record changed, written once at the end. No rule lives here: the debit story decides.
import type { Cents } from '../../core/money';
import { REFUSED_USER_ID_KEY } from '../batches';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice, Payment } from '../records';
import { clientCells } from '../tabs/clients';
import { invoiceCells } from '../tabs/invoices';
import { paymentCells } from '../tabs/payments';
import type { Settings } from '../tabs/settings';
import { releaseFixedClients } from './clientRelease';

export interface DeclineLedger {
  readonly dishonourFee: Cents | null;
  readonly retryLimit: number;
  /** Settings' ABA User ID: the one a code-8 decline says the bank refused. */
  readonly abaUserId: string;
  /** Change these only through putInvoice, putPayment and putClient, so the writes see every change. */
  readonly clients: Map<string, Client>;
  readonly invoicesOf: Map<string, Invoice[]>;
  readonly paymentsOf: Map<string, Payment[]>;
  /** Changed or new records by ID, latest version; one without a `row` is appended. */
  readonly changed: {
    readonly invoices: Map<string, Invoice>;
    readonly payments: Map<string, Payment>;
    readonly clients: Map<string, Client>;
  };
  /** Set when a code-8 decline is recorded: the ABA User ID debit files now wait on. */
  refusedUserId: string | null;
  /**
   * The clients whose invoice or payment list changed, in order (repeats kept): whoever keeps something
   * made from a client's lists (Reconcile's books by batch) drops it when the client shows up here.
   */
  readonly listsChanged: string[];
}

function byClient<T extends { clientId: string }>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  // Indexed: run once per action over 155k rows, mostly unoptimised, where `for of` makes an object a step.
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    const list = out.get(r.clientId);
    if (list) list.push(r);
    else out.set(r.clientId, [r]);
  }
  return out;
}

/**
 * The working set for one action, from records it has read (and checked). Clients held for bank details
 * that have since changed are released first, as any action reading Clients does.
 */
export function openDeclineLedger(
  settings: Pick<Settings, 'dishonourFee' | 'retryLimit' | 'abaUserId'>,
  clients: readonly Client[],
  invoices: readonly Invoice[],
  payments: readonly Payment[],
): DeclineLedger {
  const ledger: DeclineLedger = {
    dishonourFee: settings.dishonourFee,
    retryLimit: settings.retryLimit,
    abaUserId: settings.abaUserId.trim(),
    clients: new Map(clients.map((c) => [c.id, c])),
    invoicesOf: byClient(invoices),
    paymentsOf: byClient(payments),
    changed: { invoices: new Map(), payments: new Map(), clients: new Map() },
    refusedUserId: null,
    listsChanged: [],
  };
  for (const c of releaseFixedClients(clients)) putClient(ledger, c);
  return ledger;
}

function put<T extends { id: string; clientId: string }>(
  lists: Map<string, T[]>,
  changed: Map<string, T>,
  record: T,
): void {
  let list = lists.get(record.clientId);
  if (!list) lists.set(record.clientId, (list = []));
  const at = list.findIndex((r) => r.id === record.id);
  if (at >= 0) list[at] = record;
  else list.push(record);
  changed.set(record.id, record);
}

export function putInvoice(ledger: DeclineLedger, inv: Invoice): void {
  put(ledger.invoicesOf, ledger.changed.invoices, inv);
  ledger.listsChanged.push(inv.clientId);
}

export function putPayment(ledger: DeclineLedger, p: Payment): void {
  put(ledger.paymentsOf, ledger.changed.payments, p);
  ledger.listsChanged.push(p.clientId);
}

export function putClient(ledger: DeclineLedger, c: Client): void {
  ledger.clients.set(c.id, c);
  ledger.changed.clients.set(c.id, c);
}

/** Writes every changed record once: rows read are updated in place, new ones appended in order. */
export function writeDeclineLedger(tx: LedgerTx, ledger: DeclineLedger): void {
  for (const inv of ledger.changed.invoices.values())
    if (inv.row) tx.update('invoices', inv.row, invoiceCells(inv));
    else tx.append('invoices', invoiceCells(inv));
  for (const p of ledger.changed.payments.values())
    if (p.row) tx.update('payments', p.row, paymentCells(p));
    else tx.append('payments', paymentCells(p));
  for (const c of ledger.changed.clients.values()) if (c.row) tx.update('clients', c.row, clientCells(c));
  if (ledger.refusedUserId !== null) tx.setProperty(REFUSED_USER_ID_KEY, ledger.refusedUserId);
}
