// zhenggai import at its edges: files too large or forged, a form with
// nothing to import, another period's broken file, a plan with errors.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { MAX_OFFICE_FILE_BYTES, packageProblem } from '../../src/load/import-package.js';
import { MAX_XLSX_UNCOMPRESSED_BYTES } from '../../src/load/xlsx-limits.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from './broken-forms.js';

const run = (args: string[]) => runCli(args);

function planCopy(): { dir: string; tmp: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-import-cli-'));
  const dir = path.join(tmp, 'plan');
  cpSync(CORPUS_PLAN, dir, { recursive: true });
  return { dir, tmp };
}

/** The zip with its first central-directory entry claiming `size` bytes uncompressed. */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  out.writeUInt32LE(size, at + 24);
  return out;
}

describe('zhenggai import', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const { dir, tmp } = planCopy();
    const big = path.join(tmp, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(MAX_OFFICE_FILE_BYTES + 1));
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, big]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain(`${big}  error  文件过大（${MAX_OFFICE_FILE_BYTES + 1} 字节，上限 ${MAX_OFFICE_FILE_BYTES} 字节）  [file-too-large]`);
    expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(false);
  });

  it('refuses a zip that says it expands beyond the limit, without expanding it', async () => {
    const forged = claimingSize(await goodForm(), 0xf0000000);
    expect(0xf0000000).toBeGreaterThan(MAX_XLSX_UNCOMPRESSED_BYTES);
    expect(packageProblem(forged, 'xlsx')).toEqual({ ruleId: 'file-too-large', message: expect.stringContaining('解压后超过') });
  });

  it('names a missing file', async () => {
    const { dir, tmp } = planCopy();
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, path.join(tmp, 'nowhere.xlsx')]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('nowhere.xlsx  error  文件不存在');
  });

  it('writes nothing for a form with no problems to answer (a unit that only co-leads)', async () => {
    const { dir, tmp } = planCopy();
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    plan.problems[1].leadUnits = ['各村', '林业站'];
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    expect((await run(['forms', dir, '--period', CORPUS_PERIOD, '--out', path.join(tmp, 'out')])).exit).toBe(0);
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, path.join(tmp, 'out', 'plan', `forms-${CORPUS_PERIOD}`, '林业站.xlsx')]);
    expect(result.exit).toBe(0);
    expect(result.out).toContain('表格中没有需要导入的问题');
    expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(false);
  });

  it('imports despite another period\'s broken file, and reports it', async () => {
    const { dir, tmp } = planCopy();
    writeFileSync(path.join(dir, 'progress', '2024-04.json'), '{ "period": "2024-04", ');
    const form = path.join(tmp, '农办.xlsx');
    writeFileSync(form, await goodForm());
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, form]);
    expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(true);
    expect(result.err).toMatch(/progress\/2024-04\.json:1:\d+ {2}error {2}JSON 语法错误/);
    expect(result.exit).toBe(1);
  });

  it('refuses to import while this period\'s file or the plan has errors', async () => {
    const { dir, tmp } = planCopy();
    const form = path.join(tmp, '农办.xlsx');
    writeFileSync(form, await goodForm());
    writeFileSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`), '{ "period": "2024-06" }');
    const broken = await run(['import', dir, '--period', CORPUS_PERIOD, form]);
    expect(broken.exit).toBe(1);
    expect(broken.err).toContain('方案或本期进展文件有');
    expect(readFileSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`), 'utf8')).toBe('{ "period": "2024-06" }');
    const other = planCopy();
    const plan = JSON.parse(readFileSync(path.join(other.dir, 'plan.json'), 'utf8'));
    plan.problems[2].leadUnits = ['水务站'];
    writeFileSync(path.join(other.dir, 'plan.json'), JSON.stringify(plan, null, 2));
    const planError = await run(['import', other.dir, '--period', CORPUS_PERIOD, form]);
    expect(planError.exit).toBe(1);
    expect(planError.err).toMatch(/plan\.json:\d+:\d+ {2}error {2}单位“水务站”/);
  });

  it('refuses to import while plan.json has a key written twice (issue 13): the form would be checked against a value the clerk did not mean', async () => {
    const { dir, tmp } = planCopy();
    const form = path.join(tmp, '农办.xlsx');
    writeFileSync(form, await goodForm());
    const file = path.join(dir, 'plan.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"number": 1,', '"number": 1, "number": 1,'));
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, form]);
    expect(result.exit).toBe(1);
    expect(result.err).toMatch(/plan\.json:\d+:\d+ {2}error {2}字段“number”重复.*\[json-duplicate-key\]/);
    expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(false);
  });

  it('asks for the period and the files', async () => {
    const { dir } = planCopy();
    const noPeriod = await run(['import', dir, 'a.xlsx']);
    expect(noPeriod.exit).toBe(1);
    expect(noPeriod.err).toContain('period');
    const noFiles = await run(['import', dir, '--period', CORPUS_PERIOD]);
    expect(noFiles.exit).toBe(1);
  });
});
