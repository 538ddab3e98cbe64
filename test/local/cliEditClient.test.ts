// edit-client and registration through the command line on a real .xlsx: the DDR dates saved to the file,
// a refusal leaving the file byte-for-byte as it was, the registration CSV written as UTF-8 and read back,
// the clients marked Registered in the saved workbook and not exported twice unless --again.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';
import { ok, soldStudio } from './cliStudio';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-edit-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function row(rows: string[][], id: string): Record<string, string> {
  const r = rows.find((x) => x[0] === id)!;
  return Object.fromEntries(rows[0]!.map((h, i) => [h, r[i] ?? '']));
}

describe('edit-client and registration on a real workbook', () => {
  it('saves the DDR, refuses a bad BSB writing nothing, writes the registration file once', async () => {
    const W = join(dir, 'studio.xlsx');
    await soldStudio(W);
    const out = await ok(
      W,
      'edit-client',
      '--client',
      'C-0001',
      '--account-name',
      'José Citizen',
      '--signed',
      '2016-09-12',
      '--ddr-sent',
      '2016-09-13',
      '--today',
      '2016-09-13',
    );
    expect(out).toBe('C-0001 Jane Citizen: changed Account Name, Authority Signed, DDR Sent.');
    const clients = await tab(W, 'Clients');
    expect(row(clients, 'C-0001')).toMatchObject({
      'Account Name': 'José Citizen',
      'Authority Signed': expect.stringMatching(/2016|12\/09|9\/12/),
      'DDR Sent': expect.stringMatching(/2016|13\/09|9\/13/),
    });

    const before = readFileSync(W);
    const refused = await cli('edit-client', '--workbook', W, '--client', 'C-0001', '--bsb', '12');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('BSB "12" must be six digits');
    expect(readFileSync(W).equals(before)).toBe(true);

    const F = join(dir, 'registration.csv');
    const reg = await ok(W, 'registration', '--out', F, '--today', '2016-09-13');
    expect(reg.split('\n')[0]).toMatch(
      /^Wrote .*registration\.csv: \d+ client\(s\), now Registered: C-0001 C-0002/,
    );
    const bytes = readFileSync(F);
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true }).data;
    const jane = rows.find((r) => r['Client ID'] === 'C-0001')!;
    expect(jane).toMatchObject({
      'Account Name': 'José Citizen',
      BSB: '062-000',
      'Account Number': '12345678',
      'Authority Signed': '2016-09-12',
      'DDR Sent': '2016-09-13',
      'First Debit': '2016-09-16',
      'First Amount': '220.00',
      Summary: '5 x $220.00 every fortnight from 2016-09-16',
    });
    // UTF-8: é is two bytes.
    expect(bytes.includes(Buffer.from('Jos\u00e9', 'utf8'))).toBe(true);
    expect(row(await tab(W, 'Clients'), 'C-0001').Registered).not.toBe('');

    const G = join(dir, 'again.csv');
    const none = await ok(W, 'registration', '--out', G, '--today', '2016-09-14');
    expect(none).toContain('No client to register');
    expect(existsSync(G)).toBe(false);
    await ok(W, 'registration', '--out', G, '--again', '--today', '2016-09-14');
    expect(readFileSync(G, 'utf8')).toContain('C-0001,');
  });
});
