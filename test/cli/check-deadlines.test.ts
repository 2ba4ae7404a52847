// `zhenggai check <plan-dir> --deadlines` from the real binary (bin/zhenggai.js,
// built by `npm test`): every problem's phrase with the due date and long-term
// flag it was read as, and where that came from (issue 19).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function zhenggai(...args: string[]) {
  return spawnSync('node', ['bin/zhenggai.js', ...args], { encoding: 'utf8' });
}

/** A copy of the bundled plan (without its progress files) with some problems' deadline fields replaced. */
function planWith(fields: Record<number, Record<string, unknown>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-deadlines-'));
  folders.push(dir);
  cpSync('data/guanyang-2022/plan.json', path.join(dir, 'plan.json'));
  const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  delete plan.$schema;
  for (const [number, values] of Object.entries(fields)) Object.assign(plan.problems[Number(number) - 1], values);
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  return dir;
}

describe('zhenggai check --deadlines', () => {
  // The notice is dated 2023-09-07: phrases without a year take 2023, spans count from that day.
  const dir = planWith({
    1: { deadline: '12月中旬前' },
    2: { deadline: '2024年第一季度' },
    3: { deadline: '2024年春节前' },
    4: { deadline: '中期（3个月内）' },
    5: { deadline: '持续推进' },
    6: { deadline: '短期整改，2023年10月底前见效' },
    7: { deadline: '汛期前完成', dueDate: '2024-05-31' },
    8: { deadline: '久久为功', longTerm: true },
  });

  it('lists each phrase with its due date, long-term flag and source, then the usual findings', () => {
    const run = zhenggai('check', dir, '--deadlines');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(1, 9)).toEqual([
      '1  “12月中旬前”  →  2023-12-20  按原文',
      '2  “2024年第一季度”  →  2024-03-31  按原文',
      '3  “2024年春节前”  →  2024-02-09  按原文',
      '4  “中期（3个月内）”  →  2023-12-07  按原文',
      '5  “持续推进”  →  无具体期限，长期坚持  按原文',
      '6  “短期整改，2023年10月底前见效”  →  2023-10-31  按原文',
      '7  “汛期前完成”  →  2024-05-31  按 dueDate/longTerm',
      '8  “久久为功”  →  无具体期限，长期坚持  按 dueDate/longTerm',
    ]);
    // Header, 21 problems, a blank line, then check's own output.
    expect(lines[21]).toMatch(/^21  “/);
    expect(lines[22]).toBe('');
    expect(lines[23]).toMatch(/plan\.json:\d+:\d+  warning  /);
    expect(run.stdout).toMatch(/0 个错误，\d+ 个警告/);
  });

  it('gives the same in --format json, beside the diagnostics', () => {
    const run = zhenggai('check', dir, '--deadlines', '--format', 'json');
    expect(run.status).toBe(0);
    const { deadlines, diagnostics } = JSON.parse(run.stdout);
    expect(deadlines).toHaveLength(21);
    expect(deadlines.slice(0, 1)).toEqual([{ number: 1, phrase: '12月中旬前', due: '2023-12-20', longTerm: false, immediate: false, source: 'phrase' }]);
    expect(deadlines[6]).toEqual({ number: 7, phrase: '汛期前完成', due: '2024-05-31', longTerm: false, immediate: false, source: 'explicit' });
    expect(deadlines[7]).toEqual({ number: 8, phrase: '久久为功', due: null, longTerm: true, immediate: false, source: 'explicit' });
    expect(diagnostics.every((d: { severity: string }) => d.severity === 'warning')).toBe(true);
  });

  it('still refuses a phrase it cannot read, naming the file and JSON path, exit 1 — with and without --deadlines', () => {
    const bad = planWith({ 3: { deadline: '汛期前完成' } });
    for (const args of [[], ['--deadlines']]) {
      const run = zhenggai('check', bad, ...args);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`${path.basename(bad)}/plan\\.json:\\d+:\\d+  error  无法理解整改时限“汛期前完成”.*\\(problems\\[2\\]\\.deadline\\)  \\[deadline-phrase\\]`));
    }
    expect(zhenggai('check', bad, '--deadlines').stdout).toContain('3  “汛期前完成”  →  无法理解整改时限“汛期前完成”');
    const json = JSON.parse(zhenggai('check', bad, '--deadlines', '--format', 'json').stdout);
    expect(json.deadlines[2]).toMatchObject({ number: 3, due: null, source: 'phrase', error: expect.stringContaining('汛期前完成') });
    expect(json.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { path: string }) => d.path)).toEqual(['problems[2].deadline']);
  });

  it('names a dueDate that is not a date at its path, exit 1', () => {
    const bad = planWith({ 3: { dueDate: '2024-6-1' } });
    const run = zhenggai('check', bad, '--deadlines');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/plan\.json:\d+:\d+  error  .*\(problems\[2\]\.dueDate\)/);
  });
});
