// The same hostile files given to the commands that read outside xlsx:
// `zhenggai import` (filled unit forms) and `zhenggai init --from-table`.
// Each is refused with exit code 1 and a message naming the file — never an
// internal error or a stack trace — and nothing is written.
import { cpSync, existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { craftZip, workbookParts } from './zip-builder.js';

const root = mkdtempSync(path.join(tmpdir(), 'zhenggai-hostile-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const MB = 1024 * 1024;

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function hugeFile(name: string): string {
  const file = path.join(root, name);
  writeFileSync(file, '');
  truncateSync(file, 100 * MB);
  return file;
}

function honestBomb(name: string): string {
  // 300 parts of 1 MB of zeros: about 300 KB on disk, 300 MB unpacked.
  const part = new Uint8Array(MB);
  const file = path.join(root, name);
  writeFileSync(file, craftZip([...workbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'), ...Array.from({ length: 300 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 2}.xml`, data: part }))]));
  return file;
}

function planCopy(name: string): string {
  const dir = path.join(root, name);
  cpSync('data/guanyang-2022', dir, { recursive: true });
  return dir;
}

describe('zhenggai import', () => {
  test('a 100 MB file and a zip bomb: refused by name, nothing imported', async () => {
    const plan = planCopy('import-plan');
    const result = await cli(['import', plan, hugeFile('农办-huge.xlsx'), honestBomb('林业站-bomb.xlsx'), '--period', '2023-12']);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('内部错误');
    expect(result.err).toMatch(/农办-huge\.xlsx.*文件过大/);
    expect(result.err).toMatch(/林业站-bomb\.xlsx.*(压缩比为 \d+:1，超过上限|解压后超过)/);
    expect(existsSync(path.join(plan, 'progress', '2023-12.json'))).toBe(false);
  });
});

describe('zhenggai init --from-table', () => {
  test('a 100 MB file: refused, no plan folder made', async () => {
    const dir = path.join(root, 'new-plan-1');
    const result = await cli(['init', dir, '--from-table', hugeFile('table-huge.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('内部错误');
    expect(result.err).toMatch(/table-huge\.xlsx.*文件过大/);
    expect(existsSync(path.join(dir, 'plan.json'))).toBe(false);
  });

  test('a zip bomb: refused, no plan folder made', async () => {
    const dir = path.join(root, 'new-plan-2');
    const result = await cli(['init', dir, '--from-table', honestBomb('table-bomb.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('内部错误');
    expect(result.err).toMatch(/table-bomb\.xlsx.*(压缩比为 \d+:1，超过上限|解压后超过)/);
    expect(existsSync(path.join(dir, 'plan.json'))).toBe(false);
  });

  test('a zip bomb whose directory understates its sizes: refused after inflating no more than it declares', async () => {
    const file = path.join(root, 'table-liar.xlsx');
    writeFileSync(file, craftZip([...workbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'), { name: 'xl/sharedStrings.xml', data: new Uint8Array(50 * MB), declaredSize: 1024 }]));
    const dir = path.join(root, 'new-plan-3');
    const result = await cli(['init', dir, '--from-table', file]);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('内部错误');
    expect(result.err).toContain('table-liar.xlsx：部件 xl/sharedStrings.xml 解压后超过所记的 1024 字节');
    expect(existsSync(path.join(dir, 'plan.json'))).toBe(false);
  });
});
