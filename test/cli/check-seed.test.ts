import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkPlanFolder } from '../../src/documents/check.js';

describe('zhenggai check on the bundled 官阳镇 plan', () => {
  it('reports the seed’s real inconsistencies as warnings, and nothing else', async () => {
    const diagnostics = await checkPlanFolder('data/guanyang-2022');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byRule = (id: string) => diagnostics.filter((d) => d.ruleId === id);
    expect(byRule('stated-count').map((d) => d.message)).toEqual(['文中写“23个具体问题”，但问题清单列出 21 个问题']);
    expect(byRule('empty-category')).toHaveLength(1);
    expect(byRule('lead-also-cooperating').map((d) => d.path)).toEqual([['problems', 7, 'cooperatingUnits', 0]]);
    // Every 7月底前 deadline (problems 1, 3, 4, 5, 6, 9, 18, 21) falls before the notice of 2023-09-07.
    expect(byRule('deadline-before-notice').map((d) => d.path)).toEqual(
      [0, 2, 3, 4, 5, 8, 17, 20].map((i) => ['problems', i, 'deadline']),
    );
    // The household in problem 3 — and not the officials named in 三、整改要求.
    expect(byRule('privacy').map((d) => d.path)).toEqual([['problems', 2, 'summary']]);
    expect(diagnostics).toHaveLength(12);
  });

  it('exits 0 from the real binary and prints file:line:col', () => {
    const out = execFileSync('node', ['bin/zhenggai.js', 'check', 'data/guanyang-2022'], { encoding: 'utf8' });
    expect(out).toMatch(/^data\/guanyang-2022\/plan\.json:\d+:\d+ {2}warning {2}.+\[privacy\]$/m);
    expect(out).toContain('0 个错误，12 个警告');
  });

  it('exits 1 with a message, not a stack trace, for bad arguments', () => {
    const run = spawnSync('node', ['bin/zhenggai.js', 'check'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('请指定方案文件夹');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const unknown = spawnSync('node', ['bin/zhenggai.js', 'frobnicate'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('没有“frobnicate”这个命令；命令有：check、table、');
    // A typo is named as a command, with the one it most likely meant (it was "无法识别这些选项：chek").
    const typo = spawnSync('node', ['bin/zhenggai.js', 'chek', 'data/guanyang-2022'], { encoding: 'utf8' });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('没有“chek”这个命令，是否要用 check？');
  });

  it('shows help in Chinese and English', () => {
    const out = execFileSync('node', ['bin/zhenggai.js', '--help'], { encoding: 'utf8' });
    expect(out).toContain('检查方案与进展数据 / Check a plan folder');
  });
});
