import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';
import { readWorkbook, saveFromEmulation, writeWorkbook, type WorkbookFile } from '../../../src/local/xlsx';
import { sheet, tempFile, useTempDir } from './helpers';

const SYDNEY = 'Australia/Sydney';

function wb(label: string, rows = 3): WorkbookFile {
  return {
    timeZone: SYDNEY,
    sheets: [
      sheet('Data', {
        rows: Array.from({ length: rows }, (_, i) => [{ value: `${label}-${i}` }, { value: i }]),
      }),
    ],
    documentProperties: { label },
  };
}

/** A model whose serialisation fails half-way (a cell that throws when read). */
function exploding(): WorkbookFile {
  const book = wb('new', 50);
  const cell = book.sheets[0]!.rows[40]![0]!;
  Object.defineProperty(cell, 'value', {
    get() {
      throw new Error('boom while serialising');
    },
  });
  return book;
}

describe('atomic save', () => {
  const tmp = useTempDir();

  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const dir = tmp();
    const path = tempFile(dir);
    await writeWorkbook(path, wb('first'));
    expect((await readWorkbook(path)).documentProperties).toEqual({ label: 'first' });
    await writeWorkbook(path, wb('second'));
    expect((await readWorkbook(path)).documentProperties).toEqual({ label: 'second' });
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a model that throws while serialising leaves the original byte-for-byte, no temp file', async () => {
    const dir = tmp();
    const path = tempFile(dir);
    await writeWorkbook(path, wb('original'));
    const before = readFileSync(path);
    await expect(writeWorkbook(path, exploding())).rejects.toThrow('boom while serialising');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a failure after the temporary file is written (before the rename) removes it', async () => {
    const dir = tmp();
    const path = tempFile(dir);
    await writeWorkbook(path, wb('original'));
    const before = readFileSync(path);
    let seen = '';
    await expect(
      writeWorkbook(path, wb('new', 500), {
        beforeRename: (temp) => {
          seen = temp;
          // the complete new workbook is there, next to the target, under a hidden unique name
          expect(existsSync(temp)).toBe(true);
          expect(join(temp, '..')).toBe(dir);
          expect(basename(temp)).toMatch(
            new RegExp(`^\\.book\\.xlsx\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`),
          );
          throw new Error('disk full (injected)');
        },
      }),
    ).rejects.toThrow('disk full (injected)');
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a failing rename (the target is a folder) cleans up; a missing folder fails before writing', async () => {
    const dir = tmp();
    const target = join(dir, 'book.xlsx');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    await expect(writeWorkbook(target, wb('new'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('x');

    await expect(writeWorkbook(join(dir, 'missing', 'book.xlsx'), wb('new'))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('saveFromEmulation is atomic too', async () => {
    const dir = tmp();
    const path = tempFile(dir);
    const emu = createAppsScript({ timeZone: SYDNEY });
    emu.spreadsheet.getSheets()[0]!.getRange('A1').setValue('kept');
    await saveFromEmulation(path, emu);
    const before = readFileSync(path);
    emu.spreadsheet.getSheets()[0]!.getRange('A1').setValue('lost');
    await expect(
      saveFromEmulation(path, emu, {
        beforeRename: () => {
          throw new Error('injected');
        },
      }),
    ).rejects.toThrow('injected');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('keeps the file mode, follows a symbolic link, and concurrent saves each land whole', async () => {
    const dir = tmp();
    const real = join(dir, 'real.xlsx');
    await writeWorkbook(real, wb('a'));
    chmodSync(real, 0o640);
    const link = join(dir, 'link.xlsx');
    symlinkSync(real, link);
    await writeWorkbook(link, wb('b'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect((await readWorkbook(real)).documentProperties).toEqual({ label: 'b' });

    await Promise.all([writeWorkbook(real, wb('c', 2000)), writeWorkbook(real, wb('d', 10))]);
    const label = (await readWorkbook(real)).documentProperties.label;
    expect(['c', 'd']).toContain(label);
    expect((await readWorkbook(real)).sheets[0]!.rows).toHaveLength(label === 'c' ? 2000 : 10);
    expect(readdirSync(dir).sort()).toEqual(['link.xlsx', 'real.xlsx']);
  });
});

describe('reading', () => {
  const tmp = useTempDir();

  it('a missing file or one that is not a workbook fails with the path in the message', async () => {
    const dir = tmp();
    await expect(readWorkbook(join(dir, 'nope.xlsx'))).rejects.toThrow(
      /Cannot read .*nope\.xlsx as an \.xlsx workbook/,
    );
    const csv = join(dir, 'data.xlsx');
    writeFileSync(csv, 'a,b\n1,2\n');
    await expect(readWorkbook(csv)).rejects.toThrow(/Cannot read .*data\.xlsx as an \.xlsx workbook/);
  });
});
