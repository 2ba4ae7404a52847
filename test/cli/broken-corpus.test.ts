// Every folder under test/fixtures/broken is a plan an office could really
// write. Each must end with the expected exit code and a diagnostic naming
// the file and place — never a stack trace.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { PrintedDiagnostic } from '../../src/diagnostics/format.js';

interface Case {
  name: string;
  exit: number;
  ruleId: string;
  file: string;
  line?: number;
  path?: string;
  message: string;
}

const corpus = path.resolve('test/fixtures/broken');
const cases = JSON.parse(readFileSync(path.join(corpus, 'cases.json'), 'utf8')) as Case[];

async function runCheck(dir: string, format: 'text' | 'json' = 'json') {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await main(['check', dir, '--format', format], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { exit, out: out.join('\n'), err: err.join('\n') };
}

describe('the broken-plan corpus', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases) {
    it(`${c.name}: exit ${c.exit}, [${c.ruleId}] at ${c.file}${c.path ? ` ${c.path}` : ''}`, async () => {
      const dir = path.join(corpus, c.name);
      const { exit, out, err } = await runCheck(dir);
      expect(err).toBe('');
      expect(exit).toBe(c.exit);
      const diagnostics = JSON.parse(out) as PrintedDiagnostic[];
      const hit = diagnostics.find((d) => d.ruleId === c.ruleId && (c.path === undefined || d.path === c.path));
      expect(hit, JSON.stringify(diagnostics, null, 2)).toBeDefined();
      expect(hit!.file).toBe(path.relative(process.cwd(), path.join(dir, c.file)));
      expect(hit!.message).toContain(c.message);
      if (c.line !== undefined) expect(hit!.line).toBe(c.line);
      if (c.path !== undefined) expect(hit!.line).toBeGreaterThan(0);
      expect(out).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
    });
  }

  it('prints text diagnostics as file:line:col  severity  message  [rule]', async () => {
    const { out } = await runCheck(path.join(corpus, 'unknown-unit'), 'text');
    expect(out).toMatch(/^test\/fixtures\/broken\/unknown-unit\/plan\.json:\d+:\d+ {2}error {2}单位“水务站”不在单位名录中.* {2}\[unknown-unit\]$/m);
  });

  // Generated here rather than committed: 10 MB has no place in the repository.
  it('a 10 MB string is an Excel-limit error at its field, not a crash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-huge-'));
    cpSync(path.join(corpus, 'warn-stated-count'), dir, { recursive: true });
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    plan.problems[1].summary = '长'.repeat(10 * 1024 * 1024);
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    const { exit, out } = await runCheck(dir);
    expect(exit).toBe(1);
    const diagnostics = JSON.parse(out) as PrintedDiagnostic[];
    expect(diagnostics.find((d) => d.ruleId === 'excel-cell-limit')).toMatchObject({ path: 'problems[1].summary', line: expect.any(Number) });
  });

  it('a plan folder that does not exist is a clear error', async () => {
    const { exit, out } = await runCheck(path.join(os.tmpdir(), 'no-such-plan-folder'), 'text');
    expect(exit).toBe(1);
    expect(out).toContain('方案文件夹不存在');
  });

  it('a progress folder with a file that is a directory is reported, not thrown', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-dir-'));
    cpSync(path.join(corpus, 'warn-stated-count'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'progress', '2024-07.json'), { recursive: true });
    const { exit, out } = await runCheck(dir, 'text');
    expect(exit).toBe(1);
    expect(out).toContain('应为文件');
  });
});
