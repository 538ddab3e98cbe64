// `npm start`: a studio living with Studio Ledger, run for real through the command line on
// demo/studio.xlsx: the seed's three packages sold on the seed's dates, two billing cycles with ABA files,
// the Reconciliation list marked paid, and a decline with its dishonour fee. Each run starts fresh,
// removing only the files an earlier run made: anything else in the folder stays.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from './cli/main';

/** What the DD company sends back after the first billing day (Ezidebit's columns). */
const SAMPLE_REPORT = [
  'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
  'SCHEDULED-2001-20160916,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,19/09/2016,160.00,160.00,S,,',
  'SCHEDULED-2002-20160916,HPT-PRIYA,C-0005,"Shah, Priya",16/09/2016,,220.00,220.00,D,06,Refer to customer',
  '',
].join('\r\n');

interface Step {
  say: string;
  args: string[];
}

function demoSteps(DIR: string, REPORT: string): Step[] {
  return [
    {
      say: 'A new workbook with the demo studio (Harbour PT, billing every second Friday from 16 Sep 2016)',
      args: ['init', '--demo', '--today', '2016-09-09'],
    },
    {
      say: 'Seed: 10 PT sessions for $1,100 as 5 x $220 fortnightly, Package Start Date Tue 13 Sep',
      args: [
        'sell',
        '--client',
        'C-0001',
        '--package',
        'PT10-5F',
        '--start',
        '2016-09-13',
        '--today',
        '2016-09-13',
      ],
    },
    {
      say: 'Seed: recurring, 4 sessions a fortnight, Billing Start Date = next billing day, Fri 16 Sep',
      args: ['sell', '--client', 'C-0002', '--package', 'PT2W', '--today', '2016-09-13'],
    },
    {
      say: 'Seed: 10 PT sessions for $500, paid in full',
      args: ['sell', '--client', 'C-0004', '--package', 'PT10', '--today', '2016-09-13'],
    },
    {
      say: 'A DD Reconciliation client on the recurring package',
      args: ['sell', '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13'],
    },
    {
      say: 'Another instalment client',
      args: ['sell', '--client', 'C-0005', '--package', 'PT10-5F', '--today', '2016-09-14'],
    },
    {
      say: "Alex's Direct Debit Request: signed Tue 13 Sep, sent to the DD company Wed 14 Sep",
      args: [
        'edit-client',
        '--client',
        'C-0003',
        '--signed',
        '2016-09-13',
        '--ddr-sent',
        '2016-09-14',
        '--today',
        '2016-09-14',
      ],
    },
    {
      say: 'The registration file: every DD client with their debit schedule, now Registered',
      args: ['registration', '--out', join(DIR, 'registration-2016-09-14.csv'), '--today', '2016-09-14'],
    },
    {
      say: "Protein powder joins Jane's next debit",
      args: [
        'ad-hoc',
        '--client',
        'C-0001',
        '--description',
        'Protein powder 1kg',
        '--amount',
        '49.95',
        '--due',
        '2016-09-14',
        '--today',
        '2016-09-14',
      ],
    },
    {
      say: 'Billing day 1: Process Billing for Fri 16 Sep',
      args: ['bill', '--date', '2016-09-16', '--today', '2016-09-16'],
    },
    {
      say: 'The ABA file for the bank (Full and Partial Integration clients)',
      args: [
        'export',
        '--format',
        'aba',
        '--out',
        join(DIR, 'B-000001-2016-09-16.aba'),
        '--today',
        '2016-09-16',
      ],
    },
    { say: 'The bank processed the file', args: ['mark-processed', '--today', '2016-09-19'] },
    {
      say: "The DD company's report: Alex (Reconciliation) paid, Priya's debit dishonoured. Preview first",
      args: ['reconcile', '--report', REPORT, '--today', '2016-09-20'],
    },
    {
      say: "Apply it: Alex paid; Priya's invoices due again, the payment reversed, a $15 dishonour fee",
      args: ['reconcile', '--report', REPORT, '--apply', '--today', '2016-09-20'],
    },
    {
      say: 'The same report again changes nothing',
      args: ['reconcile', '--report', REPORT, '--apply', '--today', '2016-09-21'],
    },
    {
      say: 'Billing day 2: Fri 30 Sep (recurring cycle 2 invoiced and allocated; the decline is billed again)',
      args: ['bill', '--date', '2016-09-30', '--today', '2016-09-30'],
    },
    {
      say: 'The ABA file for cycle 2',
      args: [
        'export',
        '--format',
        'aba',
        '--out',
        join(DIR, 'B-000002-2016-09-30.aba'),
        '--today',
        '2016-09-30',
      ],
    },
    { say: 'Processed, and the Reconciliation list paid', args: ['mark-processed', '--today', '2016-10-03'] },
    { say: '', args: ['mark-paid', '--today', '2016-10-03'] },
    {
      say: "The bank returns Chris's debit of 30 Sep with code 3 (account closed): his payment reversed, one $15 fee, Chris DD stopped and not debited again",
      args: [
        'decline',
        '--client',
        'C-0002',
        '--batch',
        'B-000002',
        '--code',
        '3',
        '--date',
        '2016-10-04',
        '--today',
        '2016-10-04',
      ],
    },
    {
      say: 'Chris signs a new direct debit request: the studio sets him back to Active',
      args: ['release', '--client', 'C-0002', '--today', '2016-10-05'],
    },
    {
      say: 'Jane trains twice: her sessions left, and a reminder (not a block) if she owes',
      args: [
        'sessions',
        '--client',
        'C-0001',
        '--sessions',
        '2',
        '--date',
        '2016-10-04',
        '--today',
        '2016-10-04',
      ],
    },
    {
      say: "Tell the DD company: every DD client's debit schedule, marked notified as of Tue 4 Oct (the hidden DD Notices tab)",
      args: ['dd-changes', '--mark-notified', '--today', '2016-10-04'],
    },
    {
      say: 'Alex goes on holiday 10-23 Oct: the recurring debit of 14 Oct moves after the hold',
      args: [
        'pause',
        '--sale',
        'S-000004',
        '--from',
        '2016-10-10',
        '--to',
        '2016-10-23',
        '--today',
        '2016-10-04',
      ],
    },
    {
      say: "What changed since: Alex's pause skips the 14 Oct debit (DD Changes tab, and a CSV for the DD company)",
      args: ['dd-changes', '--out', join(DIR, 'dd-changes.csv'), '--today', '2016-10-04'],
    },
    {
      say: "The studio writes off Chris's $15 dishonour fee (the bank closed his account): no longer owed, kept with its reason",
      args: [
        'write-off',
        '--invoice',
        'INV-000018',
        '--reason',
        'Fee waived: the bank closed the account',
        '--date',
        '2016-10-05',
        '--today',
        '2016-10-05',
      ],
    },
    {
      say: "Chris's statement: every invoice, payment, reversal, fee and write-off with a running balance, and what makes up the balance (the Statement tab too)",
      args: ['statement', '--client', 'C-0002', '--today', '2016-10-05'],
    },
    {
      say: 'Sam (Manual) pays at the desk: $550 cash pays his $500 package, the $50 over is kept as his credit (one Receipt ID)',
      args: [
        'pay',
        '--client',
        'C-0004',
        '--amount',
        '550',
        '--reference',
        'Receipt book 0412',
        '--today',
        '2016-10-05',
      ],
    },
    {
      say: "Sam asks for the $50 back: the refund takes the receipt's credit first",
      args: [
        'refund',
        '--payment',
        'R-000001',
        '--amount',
        '50',
        '--reason',
        'Overpaid at the desk',
        '--today',
        '2016-10-05',
      ],
    },
    {
      say: 'Who owes what on Wed 5 Oct (the Outstanding and Balances tabs too)',
      args: ['outstanding', '--date', '2016-10-05', '--today', '2016-10-05'],
    },
  ];
}

export interface DemoLog {
  log(s: string): void;
  error(s: string): void;
}

/** The files the demo writes: the workbook, the report and each `--out`. */
function demoFiles(W: string, REPORT: string, steps: readonly Step[]): string[] {
  const outs = steps.flatMap((s) => {
    const i = s.args.indexOf('--out');
    return i >= 0 && s.args[i + 1] ? [s.args[i + 1]!] : [];
  });
  return [W, REPORT, ...outs];
}

/** An earlier run's files, and the temporary files of a save it did not finish (see writeFileAtomic). */
function removeEarlierRun(dir: string, files: readonly string[]): void {
  const names = new Set(files.map((f) => basename(f)));
  const temp = /^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (names.has(name) || names.has(temp.exec(name)?.[1] ?? '')) rmSync(join(dir, name), { force: true });
  }
}

/** Runs the demo in `dir` (an earlier run's files removed first): 0, or the failed command's exit code. */
export async function runDemo(dir: string, out: DemoLog = console): Promise<number> {
  const W = join(dir, 'studio.xlsx');
  const REPORT = join(dir, 'ezidebit-report-2016-09-19.csv');
  const steps = demoSteps(dir, REPORT);
  const files = demoFiles(W, REPORT, steps);
  mkdirSync(dir, { recursive: true });
  removeEarlierRun(dir, files);
  writeFileSync(REPORT, SAMPLE_REPORT);
  out.log('Studio Ledger demo: the real add-in bundle (dist/Code.js) on a local workbook.\n');
  for (const step of steps) {
    const args = [...step.args.slice(0, 1), '--workbook', W, ...step.args.slice(1)];
    if (step.say) out.log(`== ${step.say}`);
    out.log(`$ studio-ledger ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
    const code = await runCli(args, {
      out: (s) => out.log(s.replace(/^/gm, '  ')),
      err: (s) => out.error(s),
      progress: () => undefined,
    });
    out.log('');
    if (code !== 0) {
      out.error(`The demo stopped: that command exited ${code}.`);
      return code;
    }
  }
  out.log('Files:');
  for (const f of [...files].sort()) out.log(`  ${f}`);
  out.log(`\nOpen ${W} in LibreOffice or Excel, or import it into Google Sheets (File > Import).`);
  out.log('Try the sidebars in a browser: npm run preview -- --today 2016-10-14');
  return 0;
}
