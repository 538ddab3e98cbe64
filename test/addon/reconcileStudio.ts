// The studio the reconcile tests share: Ben, Cara, Dan and Eve (the report fixtures' clients) billed on
// Fri 16 Sep 2016 (or Ben and Cara known to Debitsuccess), and the View the reconcile server functions
// answer with.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { ok, setSetting, setUpStudio } from './studio';

export const fixture = (name: string) => readFileSync(`test/fixtures/reports/${name}`, 'utf8');

/** Ben, Cara, Dan and Eve (the fixtures' clients) billed on Fri 16 Sep 2016, the batch sent. */
export function studio(opts: { send?: boolean } = {}): Addin {
  const addin = loadAddin();
  setUpStudio(addin, '2016-09-13');
  setSetting(addin, 'Billing Day', '2016-09-16');
  setSetting(addin, 'Dishonour Fee', 15);
  for (const [k, v] of Object.entries({
    'ABA Bank': 'CBA',
    'ABA User Name': 'HARBOUR PT PTY LTD',
    'ABA User ID': '301500',
    'Studio BSB': '032-000',
    'Studio Account Number': '123456',
  }))
    setSetting(addin, k, v);
  const today = '2016-09-13';
  const client = (name: string, ref: string, bsb: string, account: string) =>
    ok<{ id: string }>(
      addin.run('addClient', {
        name,
        billingMethod: 'DD Full Integration',
        ddReference: ref,
        bsb,
        accountNumber: account,
        today,
      }),
    ).id;
  const ben = client("Ben O'Brien", 'HPT-BEN', '062-000', '11112222');
  const cara = client('Cara Smith', 'HPT-CARA', '082-001', '987654321');
  const dan = client('Dan Nguyen', 'HPT-DAN', '063-111', '55501234');
  const eve = client('Eve Ray', 'HPT-EVE', '062-001', '33334444');
  expect([ben, cara, dan, eve]).toEqual(['C-0004', 'C-0005', 'C-0006', 'C-0007']);
  ok(addin.run('sellPackage', { clientId: ben, packageCode: 'PT10-5F', today })); // INV-000001..5, $220 from 16 Sep
  ok(addin.run('sellPackage', { clientId: cara, packageCode: 'PT2W', today })); // INV-000006, $160 on 16 Sep
  ok(
    addin.run('addAdHocInvoice', {
      clientId: dan,
      description: 'Shaker and powder',
      amount: '99',
      dueDate: '2016-09-16',
      today,
    }),
  ); // INV-000007
  ok(
    addin.run('addAdHocInvoice', {
      clientId: eve,
      description: 'Casual session',
      amount: '55',
      dueDate: '2016-09-16',
      today,
    }),
  ); // INV-000008
  ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
  if (opts.send !== false) ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
  return addin;
}

/** Ben ($220 instalments) and Cara ($160), DD Reconciliation clients known to Debitsuccess by their DD References. */
export function debitsuccessStudio() {
  const addin = loadAddin();
  setUpStudio(addin, '2016-09-13');
  setSetting(addin, 'Billing Day', '2016-09-16');
  setSetting(addin, 'Dishonour Fee', 15);
  const today = '2016-09-13';
  const add = (name: string, ddReference: string) =>
    ok<{ id: string }>(
      addin.run('addClient', { name, billingMethod: 'DD Reconciliation', ddReference, today }),
    ).id;
  const ben = add("Ben O'Brien", 'C-BEN');
  const cara = add('Cara Smith', 'C-CARA');
  ok(addin.run('sellPackage', { clientId: ben, packageCode: 'PT10-5F', today })); // INV-000001..5
  ok(addin.run('sellPackage', { clientId: cara, packageCode: 'PT2W', today })); // INV-000006
  ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
  return { addin, ben, cara };
}

export const invoice = (addin: Addin, id: string) =>
  records(addin.tab('Invoices')).find((i) => i['Invoice ID'] === id)!;

export interface View {
  /** The rows a person acts on or that changed the ledger; the others are on the Reconciliation tab. */
  rows: { reportRow: number; outcome: string; clientId: string; invoiceIds: string[]; note: string }[];
  /** How many rows the view left out (they change nothing). */
  quiet: number;
  quietNote: string;
  totals: {
    paid: { count: number; amount: number };
    declined: { count: number; amount: number };
    unmatched: { count: number };
    pending: { count: number };
    already: number;
  };
  payments: number;
  fees: number;
}
