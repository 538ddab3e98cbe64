// The commands of `studio-ledger`: each one opens the workbook, calls the same server function the menu or
// sidebar calls (on the real dist/Code.js), prints a summary, and saves only when the action succeeded.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../xlsx';
import { addDemoData } from '../demoData';
import { money, table } from './output';
import { openWorkbook, UsageError, type WorkbookSession } from './session';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  progress: (s: string) => void;
}

export type Values = Record<string, string | boolean | undefined>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  required?: boolean;
  help: string;
  value?: string;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  run(v: Values, io: Io): Promise<number>;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

/** A user error from the add-in: one line on stderr, exit 1, the workbook left as it was. */
export class ActionError extends Error {}

const COMMON: Record<string, OptionSpec> = {
  workbook: { type: 'string', required: true, help: 'the .xlsx workbook', value: 'W.xlsx' },
  today: {
    type: 'string',
    help: 'the date the action counts as today (default: the real date)',
    value: 'YYYY-MM-DD',
  },
  json: { type: 'boolean', help: 'print the result as JSON' },
};

function str(v: Values, k: string): string | undefined {
  const x = v[k];
  return typeof x === 'string' ? x : undefined;
}

function date(v: Values, k: string): string | undefined {
  const d = str(v, k);
  if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
    throw new UsageError(`--${k} ${d}: dates are YYYY-MM-DD`);
  return d;
}

function call<T>(s: WorkbookSession, fn: string, arg: Record<string, unknown>, v: Values): T {
  const r = s.addin.call<Result<T>>(fn, { ...arg, today: date(v, 'today') });
  if (!r.ok) throw new ActionError(r.error);
  return r.value;
}

/** Opens the workbook, runs `body`, saves on success. */
async function withWorkbook(
  v: Values,
  io: Io,
  body: (s: WorkbookSession) => Promise<string> | string,
  create = false,
): Promise<number> {
  const path = str(v, 'workbook')!;
  io.progress(`Reading ${path}…`);
  const s = await openWorkbook(path, { create });
  const text = await body(s);
  io.progress(`Saving ${path}…`);
  await s.save();
  io.out(text);
  return 0;
}

function json(v: Values, value: unknown): string | null {
  return v.json ? JSON.stringify(value, null, 2) : null;
}

interface SalePreview {
  saleId: string;
  clientName: string;
  packageName: string;
  kind: string;
  total: number;
  invoices: { id: string; description: string; dueDate: string; amount: number }[];
  allocations: { id: string; date: string; sessions: number }[];
}
interface BillingRunSummary {
  billingDate: string;
  batchId: string;
  rows: {
    clientId: string;
    name: string;
    billingMethod: string;
    invoiceIds: string[];
    amountDue: number;
    amountToDebit: number;
    include: boolean;
  }[];
  reminders: { clientId: string; name: string; amountDue: number }[];
  totalDue: number;
  invoicesCreated: number;
  allocationsCreated: number;
}

export const COMMANDS: Command[] = [
  {
    name: 'init',
    summary: 'create the tabs (and demo data)',
    options: {
      ...COMMON,
      demo: { type: 'boolean', help: 'add the demo studio: settings, packages, clients' },
    },
    run: (v, io) =>
      withWorkbook(
        v,
        io,
        (s) => {
          const today = date(v, 'today');
          const r = call<{ created: string[]; headersAdded: string[]; settingsAdded: string[] }>(
            s,
            'setUpWorkbook',
            {},
            v,
          );
          // A new file starts with Google's default empty sheet; the ledger does not need it.
          const blank = s.addin.emu.spreadsheet.getSheetByName('Sheet1');
          if (blank && blank.getLastRow() === 0) s.addin.emu.spreadsheet.deleteSheet(blank);
          const clients = v.demo ? addDemoData(s.addin, today ?? new Date().toISOString().slice(0, 10)) : [];
          return (
            json(v, { ...r, demoClients: clients }) ??
            [
              r.created.length ? `Created tabs: ${r.created.join(', ')}` : 'Every tab was already there.',
              r.headersAdded.length ? `Added columns: ${r.headersAdded.join(', ')}` : '',
              r.settingsAdded.length ? `Added settings: ${r.settingsAdded.join(', ')}` : '',
              clients.length
                ? `Demo studio: Harbour PT, packages PT10, PT10-5F, PT2W, clients ${clients.join(', ')}`
                : '',
            ]
              .filter(Boolean)
              .join('\n')
          );
        },
        true,
      ),
  },
  {
    name: 'add-client',
    summary: 'add a client',
    options: {
      ...COMMON,
      name: { type: 'string', required: true, help: 'name', value: 'NAME' },
      email: { type: 'string', help: 'email', value: 'EMAIL' },
      phone: { type: 'string', help: 'phone', value: 'PHONE' },
      method: {
        type: 'string',
        help: 'Manual, DD Full Integration, DD Partial Integration or DD Reconciliation',
        value: 'METHOD',
      },
      reference: { type: 'string', help: 'DD reference (default: the client ID)', value: 'REF' },
      bsb: { type: 'string', help: 'BSB, nnn-nnn', value: 'BSB' },
      account: { type: 'string', help: 'account number', value: 'NUMBER' },
      'account-name': { type: 'string', help: 'account name', value: 'NAME' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const c = call<{ id: string; name: string; billingMethod: string }>(
          s,
          'addClient',
          {
            name: str(v, 'name'),
            email: str(v, 'email'),
            phone: str(v, 'phone'),
            billingMethod: str(v, 'method'),
            ddReference: str(v, 'reference'),
            bsb: str(v, 'bsb'),
            accountNumber: str(v, 'account'),
            accountName: str(v, 'account-name'),
          },
          v,
        );
        return json(v, c) ?? `Added ${c.name} as ${c.id} (${c.billingMethod}).`;
      }),
  },
  {
    name: 'sell',
    summary: 'sell a package to a client',
    options: {
      ...COMMON,
      client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
      package: { type: 'string', required: true, help: 'package code', value: 'CODE' },
      'sale-date': { type: 'string', help: 'sale date (default: today)', value: 'D' },
      start: { type: 'string', help: 'package / billing start date (default: next billing day)', value: 'D' },
      due: { type: 'string', help: 'due date, paid in full (default: the sale date)', value: 'D' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const p = call<SalePreview>(
          s,
          'sellPackage',
          {
            clientId: str(v, 'client'),
            packageCode: str(v, 'package'),
            saleDate: date(v, 'sale-date'),
            startDate: date(v, 'start'),
            dueDate: date(v, 'due'),
          },
          v,
        );
        return (
          json(v, p) ??
          [
            `${p.saleId}: ${p.packageName} (${p.kind}) to ${p.clientName}, ${money(p.total)}`,
            table(
              ['Invoice', 'Due', 'Amount', 'Description'],
              p.invoices.map((i) => [i.id, i.dueDate, money(i.amount), i.description]),
              [2],
            ),
            table(
              ['Allocation', 'Date', 'Sessions'],
              p.allocations.map((a) => [a.id, a.date, a.sessions]),
              [2],
            ),
          ].join('\n\n')
        );
      }),
  },
  {
    name: 'ad-hoc',
    summary: 'add a one-off invoice (protein powder) for a client',
    options: {
      ...COMMON,
      client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
      description: { type: 'string', required: true, help: 'what it is for', value: 'TEXT' },
      amount: { type: 'string', required: true, help: 'amount, e.g. 49.95', value: 'AMOUNT' },
      due: { type: 'string', help: 'due date (default: today)', value: 'D' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const i = call<{ id: string; amount: number; dueDate: string; description: string }>(
          s,
          'addAdHocInvoice',
          {
            clientId: str(v, 'client'),
            description: str(v, 'description'),
            amount: str(v, 'amount'),
            dueDate: date(v, 'due'),
          },
          v,
        );
        return json(v, i) ?? `${i.id}: ${i.description}, ${money(i.amount)} due ${i.dueDate}`;
      }),
  },
  {
    name: 'bill',
    summary: 'Process Billing for billing date D',
    options: { ...COMMON, date: { type: 'string', required: true, help: 'the billing date', value: 'D' } },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<BillingRunSummary>(s, 'runBilling', { billingDate: date(v, 'date') }, v);
        const debit = r.rows.filter((x) => x.include).reduce((a, x) => a + x.amountToDebit, 0);
        return (
          json(v, r) ??
          [
            `${r.batchId} for ${r.billingDate}: ${r.rows.length} client(s) billed, ${money(r.totalDue)} due, ${money(debit)} to debit` +
              (r.invoicesCreated
                ? `; ${r.invoicesCreated} recurring invoice(s) and ${r.allocationsCreated} allocation(s) created`
                : ''),
            r.rows.length
              ? table(
                  ['Client', 'Name', 'Method', 'Invoices', 'Due', 'To debit'],
                  r.rows.map((x) => [
                    x.clientId,
                    x.name,
                    x.billingMethod,
                    x.invoiceIds.join(' '),
                    money(x.amountDue),
                    x.include ? money(x.amountToDebit) : 'not included',
                  ]),
                  [4, 5],
                )
              : 'No invoice is due by this date.',
            r.reminders.length
              ? `Manual billing reminders: ${r.reminders.map((x) => `${x.name} ${money(x.amountDue)}`).join(', ')}`
              : '',
          ]
            .filter(Boolean)
            .join('\n\n')
        );
      }),
  },
  {
    name: 'export',
    summary: 'debit file of the Process Billing tab; marks Sent',
    options: {
      ...COMMON,
      format: { type: 'string', required: true, help: 'aba or csv', value: 'aba|csv' },
      out: { type: 'string', required: true, help: 'where to write the file', value: 'F' },
    },
    run: (v, io) =>
      withWorkbook(v, io, async (s) => {
        const f = call<{
          batchId: string;
          fileName: string;
          content: string;
          debits: number;
          total: number;
          again: boolean;
          sent: unknown[];
        }>(s, 'createDebitFile', { format: str(v, 'format') }, v);
        // The file first: if it cannot be written, the invoices are not marked Sent.
        await writeFileAtomic(str(v, 'out')!, Buffer.from(f.content, 'latin1'));
        return (
          json(v, { ...f, content: undefined, out: str(v, 'out') }) ??
          `${f.batchId}: wrote ${str(v, 'out')}, ${f.debits} debit(s), ${money(f.total)}; ${f.again ? 'sent before, nothing changed' : `${f.sent.length} invoice(s) now Sent`}.`
        );
      }),
  },
  {
    name: 'mark-processed',
    summary: 'the debits of a sent batch went through: its invoices are paid',
    options: {
      ...COMMON,
      batch: { type: 'string', help: "batch ID (default: the Process Billing tab's)", value: 'B' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          batchId: string;
          payments: unknown[];
          total: number;
          clients: number;
          date: string;
        }>(s, 'markBatchProcessed', { batchId: str(v, 'batch') }, v);
        return (
          json(v, r) ??
          `${r.batchId} processed: ${r.payments.length} payment(s) from ${r.clients} client(s), ${money(r.total)}, dated ${r.date}.`
        );
      }),
  },
  {
    name: 'mark-paid',
    summary: 'Reconciliation method: mark that list paid',
    options: { ...COMMON },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          batchId: string;
          payments: unknown[];
          total: number;
          clients: number;
          date: string;
        }>(s, 'markListPaid', {}, v);
        return (
          json(v, r) ??
          `${r.batchId}: list marked paid, ${r.payments.length} payment(s) from ${r.clients} client(s), ${money(r.total)}, dated ${r.date}.`
        );
      }),
  },
  {
    name: 'decline',
    summary: "a client's debit in a batch bounced: invoices due again, payments reversed, dishonour fee",
    options: {
      ...COMMON,
      batch: { type: 'string', help: "batch ID (default: the Process Billing tab's)", value: 'B' },
      client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
      reason: { type: 'string', help: "the bank's reason (default: Declined)", value: 'TEXT' },
      date: { type: 'string', help: 'the day of the decline (default: today)', value: 'D' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          batchId: string;
          clients: { clientId: string; name: string; amount: number; reason: string }[];
          fees: { id: string; amount: number }[];
        }>(
          s,
          'processDeclines',
          {
            batchId: str(v, 'batch'),
            date: date(v, 'date'),
            declines: [{ clientId: str(v, 'client'), reason: str(v, 'reason') }],
          },
          v,
        );
        return (
          json(v, r) ??
          `${r.batchId}: ${r.clients.map((c) => `${c.name} declined ${money(c.amount)} (${c.reason})`).join(', ')}${r.fees.length ? `; dishonour fee ${r.fees.map((f) => `${f.id} ${money(f.amount)}`).join(', ')}` : ''}.`
        );
      }),
  },
  {
    name: 'reconcile',
    summary: 'preview, then apply (--apply), a DD report',
    options: {
      ...COMMON,
      report: {
        type: 'string',
        required: true,
        help: 'the report file: Ezidebit CSV, Debitsuccess, ABA return, or a mapped CSV',
        value: 'F',
      },
      apply: { type: 'boolean', help: 'apply it (without: preview only, written to the Reconciliation tab)' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        let text: string;
        try {
          text = readFileSync(str(v, 'report')!, 'latin1');
        } catch {
          throw new UsageError(`cannot read the report ${str(v, 'report')}`);
        }
        const r = call<{
          shape: string;
          applied: boolean;
          rows: {
            reportRow: number;
            outcome: string;
            clientId: string;
            amount: number | null;
            invoiceIds: string[];
            note: string;
          }[];
          totals: {
            paid: { count: number; amount: number };
            declined: { count: number; amount: number };
            unmatched: { count: number; amount: number };
            pending: { count: number };
            already: number;
            errors: number;
          };
          payments: number;
          fees: number;
        }>(s, v.apply ? 'applyReconcile' : 'previewReconcile', { text }, v);
        const t = r.totals;
        return (
          json(v, r) ??
          [
            `${r.applied ? 'Applied' : 'Preview (nothing applied; see the Reconciliation tab)'}: ${r.shape} report, ${r.rows.length} row(s)`,
            table(
              ['Row', 'Outcome', 'Client', 'Amount', 'Invoices', 'Note'],
              r.rows.map((x) => [
                x.reportRow,
                x.outcome,
                x.clientId,
                x.amount === null ? '' : money(x.amount),
                x.invoiceIds.join(' '),
                x.note,
              ]),
              [0, 3],
            ),
            `Paid ${t.paid.count} (${money(t.paid.amount)}), declined ${t.declined.count} (${money(t.declined.amount)}), unmatched ${t.unmatched.count} (${money(t.unmatched.amount)}), pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}` +
              (r.applied ? `; ${r.payments} payment row(s), ${r.fees} dishonour fee(s)` : ''),
          ].join('\n\n')
        );
      }),
  },
  {
    name: 'outstanding',
    summary: 'overdue invoices per client on date D (also rewrites the Outstanding and Balances tabs)',
    options: {
      ...COMMON,
      date: {
        type: 'string',
        required: true,
        help: 'overdue on this date: due before it, unpaid',
        value: 'D',
      },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          asOf: string;
          total: number;
          reminder: string | null;
          clients: {
            clientId: string;
            name: string;
            billingMethod: string;
            invoiceIds: string[];
            owed: number;
            oldestDue: string;
            daysOverdue: number;
            lastPayment: { date: string; amount: number } | null;
            lastDeclineReason: string;
          }[];
        }>(s, 'refreshOutstanding', { date: date(v, 'date') }, v);
        return (
          json(v, r) ??
          [
            r.reminder ? `${r.reminder} on ${r.asOf}.` : `Nobody has an overdue invoice on ${r.asOf}.`,
            r.clients.length
              ? table(
                  [
                    'Client',
                    'Name',
                    'Method',
                    'Invoices',
                    'Owed',
                    'Oldest due',
                    'Days',
                    'Last payment',
                    'Last decline',
                  ],
                  r.clients.map((c) => [
                    c.clientId,
                    c.name,
                    c.billingMethod,
                    c.invoiceIds.join(' '),
                    money(c.owed),
                    c.oldestDue,
                    c.daysOverdue,
                    c.lastPayment ? `${money(c.lastPayment.amount)} on ${c.lastPayment.date}` : 'none',
                    c.lastDeclineReason,
                  ]),
                  [4, 6],
                )
              : '',
          ]
            .filter(Boolean)
            .join('\n\n')
        );
      }),
  },
  {
    name: 'sessions',
    summary:
      'record sessions a client used (warns about overdue invoices and an empty balance; never refuses)',
    options: {
      ...COMMON,
      client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
      sessions: { type: 'string', required: true, help: 'how many sessions', value: 'N' },
      date: { type: 'string', help: 'the day they were used (default: today)', value: 'D' },
      sale: {
        type: 'string',
        help: 'the package (sale ID) they came from (default: oldest with sessions left)',
        value: 'S',
      },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          date: string;
          clientId: string;
          sessions: number;
          parts: { saleId: string; sessions: number }[];
          warnings: string[];
          after: {
            name: string;
            left: number;
            packages: { saleId: string; packageName: string; left: number }[];
          };
        }>(
          s,
          'recordSessions',
          {
            clientId: str(v, 'client'),
            sessions: str(v, 'sessions'),
            date: date(v, 'date'),
            saleId: str(v, 'sale'),
          },
          v,
        );
        const from = r.parts.map((p) => `${p.sessions} from ${p.saleId || 'no package'}`).join(', ');
        return (
          json(v, r) ??
          [
            `${r.after.name} (${r.clientId}): ${r.sessions} session(s) on ${r.date} (${from}); ${r.after.left} left.`,
            ...r.warnings.map((w) => `Warning: ${w}`),
          ].join('\n')
        );
      }),
  },
  {
    name: 'cancel',
    summary: 'cancel a package from a date: later invoices Cancelled, no more sessions; optional fee',
    options: {
      ...COMMON,
      sale: { type: 'string', required: true, help: 'sale ID', value: 'S' },
      from: { type: 'string', help: 'first day of the cancellation (default: today)', value: 'D' },
      fee: { type: 'string', help: 'cancellation fee, e.g. 50', value: 'AMOUNT' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{ summary: string }>(
          s,
          'cancelSale',
          { saleId: str(v, 'sale'), from: date(v, 'from'), fee: str(v, 'fee') },
          v,
        );
        return json(v, r) ?? `${r.summary}.`;
      }),
  },
  {
    name: 'pause',
    summary: 'pause an instalment or recurring package (holiday hold): debits in the hold move after it',
    options: {
      ...COMMON,
      sale: { type: 'string', required: true, help: 'sale ID', value: 'S' },
      from: { type: 'string', required: true, help: 'first day of the hold', value: 'D' },
      to: { type: 'string', required: true, help: 'last day of the hold', value: 'D' },
    },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          summary: string;
          moves: { id: string; from: string; to: string; amount: number }[];
          nextCycle: { cycle: number; dueDate: string } | null;
        }>(s, 'pauseSale', { saleId: str(v, 'sale'), from: date(v, 'from'), to: date(v, 'to') }, v);
        return (
          json(v, r) ??
          [
            `${r.summary.split('; ')[0]}.`,
            r.moves.length
              ? table(
                  ['Invoice', 'Was due', 'Now due', 'Amount'],
                  r.moves.map((m) => [m.id, m.from, m.to, money(m.amount)]),
                  [3],
                )
              : 'No invoice made so far falls due in the hold: nothing moved.',
            r.nextCycle
              ? `Cycles not made yet follow the hold: cycle ${r.nextCycle.cycle} falls due ${r.nextCycle.dueDate}.`
              : '',
          ]
            .filter(Boolean)
            .join('\n\n')
        );
      }),
  },
  {
    name: 'upkeep',
    summary: 'the daily upkeep once: roll recurring packages to today, refresh Outstanding and Balances',
    options: { ...COMMON },
    run: (v, io) =>
      withWorkbook(v, io, (s) => {
        const r = call<{
          today: string;
          invoicesCreated: number;
          allocationsCreated: number;
          statusChanges: { saleId: string; to: string }[];
          overdueClients: number;
          overdueTotal: number;
        }>(s, 'runDailyUpkeep', {}, v);
        return (
          json(v, r) ??
          `Upkeep through ${r.today}: ${r.invoicesCreated} recurring invoice(s) and ${r.allocationsCreated} allocation(s) created` +
            (r.statusChanges.length
              ? `; ${r.statusChanges.map((c) => `${c.saleId} ${c.to}`).join(', ')}`
              : '') +
            `; ${r.overdueClients} client(s) owe ${money(r.overdueTotal)}.`
        );
      }),
  },
];
