// Scale limits are stated, not discovered (issue 13, kind 10;
// docs/domain.md#scale-limits): a plan just over the limit is refused by
// check and by every command that reads a plan, with the limit and the
// reason, before anything is rendered — so the refusal is quick, where
// making the documents would take minutes and gigabytes.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticPlanInput } from '../helpers/synthetic-plan.js';
import { runCli } from './run.js';

const JUST_OVER = 5_001;
let dir: string;

beforeAll(() => {
  dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-')), 'synthetic-5001');
  mkdirSync(path.join(dir, 'progress'), { recursive: true });
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(syntheticPlanInput(JUST_OVER)));
  // A progress file for the period, so the refusal is the size and nothing else.
  const problems = Array.from({ length: JUST_OVER }, (_, i) => ({ number: i + 1, status: '推进中', onSchedule: true, progress: '推进中。' }));
  const report = { docNumber: '东河府文〔2023〕40号', signer: '李明', recipients: '县整改办', issuer: '东河镇人民政府', issuerMark: '东河镇人民政府', date: '2023-10-31', workDone: ['a'], difficulties: ['b'], nextSteps: ['c'] };
  writeFileSync(path.join(dir, 'progress', '2023-10.json'), JSON.stringify({ period: '2023-10', asOf: '2023-10-31', report, problems }));
});

describe('a plan just over the scale limit (5,001 problems)', () => {
  it('check: exit 1, plan-size at the 5,001st problem, the limit and the reason', async () => {
    const result = await runCli(['check', dir, '--format', 'json']);
    expect(result.exit).toBe(1);
    const errors = (JSON.parse(result.out) as Array<{ ruleId: string; path?: string; message: string }>).filter((d) => d.ruleId === 'plan-size');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('problems[5000]');
    expect(errors[0]!.message).toContain('上限 5000 个');
    expect(errors[0]!.message).toContain('内存');
  });

  it.each([
    ['table', '--type', 'docx'],
    ['table', '--type', 'xlsx'],
    ['notice'],
    ['report', '--period', '2023-10'],
    ['closure-forms', '--period', '2023-10'],
    ['forms', '--period', '2023-11'],
    ['packet', '--period', '2023-10', '--zip'],
    ['import', '--period', '2023-10', '/no/such/form.xlsx'],
  ].map((args) => [args.join(' '), args] as const))('%s: refused before rendering, nothing written', async (_name, [command, ...rest]) => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-out-'));
    const args = command === 'import' ? [command, dir, ...rest] : [command, dir, ...rest, '--out', out];
    const start = performance.now();
    const result = await runCli(args);
    const seconds = (performance.now() - start) / 1000;
    expect(result.exit).toBe(1);
    expect(result.err).toContain('[plan-size]');
    expect(result.err).toContain('上限 5000 个');
    expect(result.err).not.toContain('内部错误');
    expect(existsSync(path.join(out, 'synthetic-5001'))).toBe(false);
    // Loading and checking only: the documents of 5,000 problems take 8–80 s (docs/domain.md#scale-limits).
    expect(seconds).toBeLessThan(30);
  });
});
