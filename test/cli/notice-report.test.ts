import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { zipText } from '../helpers/unzip.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));
const NOTICE = '官阳府发〔2023〕27号-关于印发《官阳镇2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改工作方案》的通知.docx';

function planCopy(): string {
  const dir = path.join(tmp('plan'), 'guanyang-2022');
  cpSync('data/guanyang-2022', dir, { recursive: true });
  return dir;
}

describe('zhenggai notice', () => {
  it('writes <发文字号>-<title>.docx under <out>/<plan>/', async () => {
    const out = tmp('notice');
    const result = await runCli(['notice', 'data/guanyang-2022', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022'))).toEqual([NOTICE]);
  });
  it('uses an office’s own template and falls back to the bundled ones for the rest', async () => {
    const templates = tmp('templates');
    writeFileSync(path.join(templates, 'notice.hbs'), '现将方案印发给你们，请结合实际认真贯彻落实。\n');
    const out = tmp('notice');
    expect((await runCli(['notice', 'data/guanyang-2022', '--out', out, '--templates', templates])).exit).toBe(0);
    const xml = zipText(readFileSync(path.join(out, 'guanyang-2022', NOTICE)), 'word/document.xml');
    expect(xml).toContain('请结合实际认真贯彻落实。');
    expect(xml).not.toContain('请认真执行。');
    // plan.hbs was not overridden: the plan body is still there.
    expect(xml).toContain('强化组织领导。');
  });
  it('reports a template error with the template file and line, exit 1, nothing written', async () => {
    const templates = tmp('templates');
    writeFileSync(path.join(templates, 'notice.hbs'), '第一段。\n\n{{#each body}}\n{{docNumbr}}\n{{/each}}\n');
    const out = tmp('notice');
    const result = await runCli(['notice', 'data/guanyang-2022', '--out', out, '--templates', templates]);
    expect(result.exit).toBe(1);
    expect(result.err).toMatch(/notice\.hbs:4/);
    expect(existsSync(path.join(out, 'guanyang-2022'))).toBe(false);
  });
  it('names a templates folder that does not exist', async () => {
    const result = await runCli(['notice', 'data/guanyang-2022', '--out', tmp('n'), '--templates', '/no/such/templates']);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('模板文件夹不存在');
  });
});

describe('zhenggai report', () => {
  it('writes the report and 整改台账-<period>.xlsx in <out>/<plan>/<period>/', async () => {
    const out = tmp('report');
    const result = await runCli(['report', 'data/guanyang-2022', '--period', '2023-10', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022', '2023-10')).sort()).toEqual([
      '官阳府文〔2023〕36号-巫山县官阳镇人民政府关于2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况的报告.docx',
      '整改台账-2023-10.xlsx',
    ]);
  });
  it('a period with no progress file: a clear message, exit 1', async () => {
    const result = await runCli(['report', 'data/guanyang-2022', '--period', '2023-12', '--out', tmp('r')]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('没有 2023-12 的进展文件 progress/2023-12.json（已有：2023-09、2023-10、2023-11）');
  });
  it('a malformed period: exit 1', async () => {
    expect((await runCli(['report', 'data/guanyang-2022', '--period', '2023-13', '--out', tmp('r')])).err).toContain('YYYY-MM');
  });
  it('a problem missing from the period: exit 1 naming the problem, nothing written', async () => {
    const plan = planCopy();
    const file = path.join(plan, 'progress', '2023-10.json');
    const progress = JSON.parse(readFileSync(file, 'utf8'));
    progress.problems = progress.problems.filter((p: { number: number }) => p.number !== 5);
    writeFileSync(file, JSON.stringify(progress, null, 2));
    const out = tmp('r');
    const result = await runCli(['report', plan, '--period', '2023-10', '--out', out]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('缺少问题 5');
    expect(existsSync(path.join(out, 'guanyang-2022'))).toBe(false);
  });
  it('a progress file that does not match the plan: the checker’s error, exit 1', async () => {
    const plan = planCopy();
    const file = path.join(plan, 'progress', '2023-10.json');
    const progress = JSON.parse(readFileSync(file, 'utf8'));
    progress.problems[0].number = 99;
    writeFileSync(file, JSON.stringify(progress, null, 2));
    const result = await runCli(['report', plan, '--period', '2023-10', '--out', tmp('r')]);
    expect(result.exit).toBe(1);
    expect(result.err).toMatch(/progress\/2023-10\.json:\d+:\d+ {2}error {2}方案中没有第 99 号问题/);
  });
  it('a period whose report block is not written yet: exit 1, no invented prose', async () => {
    const plan = planCopy();
    const file = path.join(plan, 'progress', '2023-11.json');
    const progress = JSON.parse(readFileSync(file, 'utf8'));
    delete progress.report;
    writeFileSync(file, JSON.stringify(progress, null, 2));
    const result = await runCli(['report', plan, '--period', '2023-11', '--out', tmp('r')]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('还没有 report');
    rmSync(plan, { recursive: true });
    mkdirSync(plan);
  });
});
