// Upload files on the real bundle: names in the bank's character set, a client who cannot go into the
// file left out (never the whole file), formula starts refused at Add client, 301500 warned about, and
// amounts too large for a debit refused at sale.
import { describe, expect, it } from 'vitest';
import { BANK_CHARACTERS_HELP, parseAbaFile } from '../../src/core/aba';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok, setSetting, setUpStudio, typeRows, type Result } from './studio';

const TODAY = '2016-09-16';

interface DebitFile {
  content: string;
  debits: number;
  total: number;
  sent: { invoiceId: string; clientId: string }[];
  skipped: { clientId: string; name: string; invoiceIds: string[]; amount: number; reason: string }[];
  warnings: string[];
}

const invoice = (addin: Addin, id: string) =>
  records(addin.tab('Invoices')).find((i) => i['Invoice ID'] === id)!;

/**
 * Types text over one cell of a client's row, as a person would on the Clients tab: in a cell not
 * formatted as plain text, with the leading apostrophe that keeps "=…" text rather than a formula.
 */
function editClient(addin: Addin, clientId: string, column: string, value: string): void {
  const sheet = addin.sheet('Clients');
  const values = sheet.getDataRange().getValues();
  const col = values[0]!.map(String).indexOf(column);
  const row = values.findIndex((r) => r[0] === clientId);
  const cell = sheet.getRange(row + 1, col + 1);
  cell.setValue(cell.getNumberFormat() === '@' ? value : `'${value}`);
  expect(cell.getValue()).toBe(value);
}

/** The billing studio plus C-0005 José O’Neil (DD Full, PT10 due on the sale day), billed for 16 Sep. */
function billed(prepare: (addin: Addin) => void = () => {}): Addin {
  const addin = billingStudio(loadAddin());
  ok(
    addin.run('addClient', {
      name: 'José O’Neil',
      billingMethod: 'DD Full Integration',
      bsb: '082-001',
      accountNumber: '987654321',
      ddReference: 'HPT-JOSE',
      today: '2016-09-13',
    }),
  );
  ok(addin.run('sellPackage', { clientId: 'C-0005', packageCode: 'PT10', today: '2016-09-13' }));
  prepare(addin);
  ok(addin.run('runBilling', { billingDate: TODAY, today: TODAY }));
  return addin;
}

describe('Create debit file leaves out a client who cannot go into it, and writes the rest', () => {
  it("ABA: Chris's account name typed as a formula; José's name transliterated", () => {
    const addin = billed((a) => editClient(a, 'C-0004', 'Account Name', '=HYPERLINK("x")'));
    const file = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));

    const reason =
      'Left out of the ABA file: Account Name "=HYPERLINK("x")" starts with "=", which a spreadsheet opening the file would run as a formula (Clients tab)';
    expect(file.skipped).toEqual([
      {
        clientId: 'C-0004',
        name: 'Chris Partial',
        billingMethod: 'DD Partial Integration',
        invoiceIds: ['INV-000008'],
        amount: 16000,
        reason,
      },
    ]);
    const aba = parseAbaFile(file.content);
    expect(aba.records.map((r) => [r.lodgementReference, r.accountTitle, r.amount])).toEqual([
      ['C-0001', 'Jane Citizen', 26995],
      ['HPT-JOSE', "Jose O'Neil", 50000],
    ]);
    expect(aba.total).toMatchObject({ debit: 76995, count: 2 });
    expect([file.debits, file.total]).toEqual([2, 76995]);

    // Chris's invoice stays unsent; the others are Sent in the batch.
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Sent', 'Batch ID': 'B-000001' });
    expect(file.sent.map((s) => s.clientId)).not.toContain('C-0004');

    // The tab, rewritten as sent: Chris under Not debited with the reason, not among the debits.
    const tab = addin.tab('Process Billing');
    expect(tab[0]![5]).toBe('Sent');
    const title = tab.findIndex((r) => r[0] === 'Not debited: client status');
    expect(tab.slice(3, title).map((r) => r[0])).not.toContain('C-0004');
    expect(tab[title + 1]).toEqual([
      'C-0004',
      'Chris Partial',
      'DD Partial Integration',
      'INV-000008',
      160,
      '',
      '',
      reason,
    ]);
    const form = ok<{ current: { skipped: { clientId: string; reason: string }[] } }>(
      addin.run('getBillingForm', { today: TODAY }),
    );
    expect(form.current.skipped).toEqual([expect.objectContaining({ clientId: 'C-0004', reason })]);

    // The Log names him and why.
    const log = records(addin.tab('Log')).at(-1)!;
    expect(log.Action).toBe('Create debit file');
    expect(log.Details).toContain(`; left out: C-0004 Chris Partial (${reason})`);

    // The same file again (sent before) is the same file: Chris is still not in it.
    const again = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));
    expect(again.content).toBe(file.content);
  });

  it('ABA: a name with no plain-letter form and a reference starting with zero', () => {
    const addin = billed((a) => {
      editClient(a, 'C-0005', 'Account Name', '李小龙');
      editClient(a, 'C-0004', 'DD Reference', '0042');
    });
    const file = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));
    // In the order of the tab's rows: DD Full Integration clients first.
    expect(file.skipped.map((k) => [k.clientId, k.reason])).toEqual([
      [
        'C-0005',
        `Left out of the ABA file: Account Name "李小龙" has characters banks do not accept: "李", "小", "龙" (use ${BANK_CHARACTERS_HELP}) (Clients tab)`,
      ],
      [
        'C-0004',
        'Left out of the ABA file: DD Reference "0042" must not start with a zero or a hyphen (banks refuse it) (Clients tab)',
      ],
    ]);
    expect(parseAbaFile(file.content).records.map((r) => r.lodgementReference)).toEqual(['C-0001']);
  });

  it('a sent batch whose client can no longer go into the file is not made again without them', () => {
    const addin = billed();
    const first = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));
    expect(first.skipped).toEqual([]);
    editClient(addin, 'C-0005', 'Account Name', '@Jose');
    const again = addin.run<Result<DebitFile>>('createDebitFile', { format: 'aba', today: TODAY });
    expect(again.ok).toBe(false);
    expect(again.error).toBe(
      'Batch B-000001 was sent with C-0005 José O’Neil, who cannot go into the file now: Account Name "@Jose" starts with "@", which a spreadsheet opening the file would run as a formula (Clients tab, row 6). Fix the row to make the same file again.',
    );
  });

  it('every client failing: refused, nothing Sent', () => {
    const addin = billed((a) => {
      for (const id of ['C-0001', 'C-0004', 'C-0005']) editClient(a, id, 'Account Name', '李');
    });
    const before = addin.tab('Invoices');
    const r = addin.run<Result<DebitFile>>('createDebitFile', { format: 'aba', today: TODAY });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /^C-0001 Jane Citizen: Account Name "李" has characters banks do not accept: "李" .*\(Clients tab\); and 2 more problems$/,
    );
    expect(addin.tab('Invoices')).toEqual(before);
  });

  it('CSV: a reference typed as a formula leaves the client out; names are written as typed', () => {
    const addin = billed((a) => editClient(a, 'C-0004', 'DD Reference', '+HPT-CHRIS'));
    const file = ok<DebitFile>(addin.run('createDebitFile', { format: 'csv', today: TODAY }));
    expect(file.content).toBe(
      'Client ID,Name,DD Reference,BSB,Account Number,Amount,Invoice IDs\r\n' +
        'C-0001,Jane Citizen,C-0001,062-000,12345678,269.95,INV-000009 INV-000001\r\n' +
        'C-0005,José O’Neil,HPT-JOSE,082-001,987654321,500.00,INV-000010\r\n',
    );
    expect(file.skipped.map((k) => [k.clientId, k.reason])).toEqual([
      [
        'C-0004',
        'Left out of the CSV file: DD Reference "+HPT-CHRIS" starts with "+", which a spreadsheet opening the file would run as a formula (Clients tab)',
      ],
    ]);
    expect(file.warnings).toEqual([]);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
  });
});

describe('ABA User ID 301500', () => {
  const warning =
    "ABA User ID 301500 is a bank's shared user ID for uploading payment files, not a direct debit user ID: the bank may refuse these debits. Put the debit user ID the bank issued the studio in Settings (ABA User ID).";

  it('is warned about in the result and the Log, and the file is still written', () => {
    const addin = billed();
    const file = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));
    expect(file.warnings).toEqual([warning]);
    expect(parseAbaFile(file.content).header.userId).toBe('301500');
    expect(records(addin.tab('Log')).at(-1)!.Details).toContain(`; warned: ${warning}`);
  });

  it("the studio's own debit user ID is not", () => {
    const addin = billed((a) => setSetting(a, 'ABA User ID', '123456'));
    const file = ok<DebitFile>(addin.run('createDebitFile', { format: 'aba', today: TODAY }));
    expect(file.warnings).toEqual([]);
    expect(records(addin.tab('Log')).at(-1)!.Details).not.toContain('warned');
  });
});

describe('Add client checks what would go into an upload file', () => {
  const studio = () => {
    const addin = loadAddin();
    setUpStudio(addin);
    return addin;
  };
  const add = (addin: Addin, req: Record<string, string>) =>
    addin.run<Result<{ id: string; name: string; accountName: string; warnings: string[] }>>('addClient', {
      billingMethod: 'DD Full Integration',
      bsb: '062-000',
      accountNumber: '12345678',
      today: '2016-09-09',
      ...req,
    });

  it.each<[string, Record<string, string>, string, string]>([
    ['a name', { name: '=HYPERLINK("x")' }, 'name', 'Name "=HYPERLINK("x")" starts with "="'],
    ['a name', { name: '+61 400', billingMethod: 'Manual' }, 'name', 'Name "+61 400" starts with "+"'],
    [
      'an account name',
      { name: 'Pat', accountName: '-Pat' },
      'accountName',
      'Account name "-Pat" starts with "-"',
    ],
    [
      'a reference',
      { name: 'Pat', ddReference: '@pat' },
      'ddReference',
      'DD reference "@pat" starts with "@"',
    ],
  ])('%s starting a formula is refused, nothing written: %j', (_, req, field, start) => {
    const addin = studio();
    const before = addin.tab('Clients');
    const r = add(addin, req);
    expect(r.ok).toBe(false);
    expect(r.field).toBe(field);
    const first = start.at(-2)!;
    expect(r.error).toBe(
      `${start}: a spreadsheet opening the bank's or DD company's file would run it as a formula. Leave out the "${first}".`,
    );
    expect(addin.tab('Clients')).toEqual(before);
  });

  it("a DD Reconciliation client's reference is the DD company's own: not restricted", () => {
    const addin = studio();
    const r = add(addin, { name: 'Rob', billingMethod: 'DD Reconciliation', ddReference: '-0042' });
    expect(r.ok).toBe(true);
    expect(r.value.warnings).toEqual([]);
  });

  it('a name with accents and curly quotes is added without a warning (it is transliterated when written)', () => {
    const r = add(studio(), { name: 'José O’Neil' });
    expect(r.ok).toBe(true);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.accountName).toBe('José O’Neil');
  });

  it('a name that cannot be transliterated is added, with a warning at once, also in the Log', () => {
    const addin = studio();
    const r = add(addin, { name: '李小龙', ddReference: '0042' });
    expect(r.ok).toBe(true);
    const later =
      'an ABA file cannot carry it, so this client is left out of the debit file until the Clients tab is fixed.';
    expect(r.value.warnings).toEqual([
      `Account Name "李小龙" has characters banks do not accept: "李", "小", "龙" (use ${BANK_CHARACTERS_HELP}): ${later}`,
      `DD Reference "0042" must not start with a zero or a hyphen (banks refuse it): ${later}`,
    ]);
    expect(records(addin.tab('Clients')).at(-1)).toMatchObject({ Name: '李小龙', 'DD Reference': '0042' });
    expect(records(addin.tab('Log')).at(-1)!.Details).toContain('; warned: Account Name "李小龙"');
  });

  it('a Manual client is not warned about an ABA file it never goes into', () => {
    const r = add(studio(), { name: '李小龙', billingMethod: 'Manual', bsb: '', accountNumber: '' });
    expect(r.ok).toBe(true);
    expect(r.value.warnings).toEqual([]);
  });
});

describe('Sell package refuses a debit larger than the ABA amount field', () => {
  const studio = (price: number, kind = 'Paid in full', instalments: number | string = '') => {
    const addin = loadAddin();
    setUpStudio(addin);
    typeRows(addin, 'Packages', [
      {
        'Package Code': 'BIG',
        Name: 'Big',
        Kind: kind,
        Sessions: 1,
        Price: price,
        Instalments: instalments,
        Frequency: kind === 'Paid in full' ? '' : 'Fortnightly',
        Active: true,
      },
    ]);
    return addin;
  };
  const sell = (addin: Addin) =>
    addin.run<Result<unknown>>('sellPackage', {
      clientId: 'C-0001',
      packageCode: 'BIG',
      today: '2016-09-09',
    });

  it('$100,000,000.00 paid in full: refused naming the Packages row, nothing written', () => {
    const addin = studio(100_000_000);
    const before = [addin.tab('Sales'), addin.tab('Invoices')];
    const r = sell(addin);
    expect(r.ok).toBe(false);
    expect(r.error).toBe(
      "Packages row 5, column Price: package BIG's price of $100,000,000.00 is more than the $99,999,999.99 one debit can be (the ABA file's amount field)",
    );
    expect([addin.tab('Sales'), addin.tab('Invoices')]).toEqual(before);
  });

  it('instalments of more than the field holds are refused; the largest that fits is sold', () => {
    const r = sell(studio(200_000_000, 'Instalments', 2));
    expect(r.ok).toBe(false);
    expect(r.error).toContain("package BIG's debit of $100,000,000.00 is more than");
    expect(sell(studio(99_999_999.99)).ok).toBe(true);
  });
});
