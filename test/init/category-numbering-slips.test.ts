// A task table numbered per category with a slip in one category (a fresh
// tester's tables, made with openpyxl): 一、巡察反馈问题 1, 2, 2 | 二、审计发现问题
// 1, 2 | 三、群众来信反映问题 1 — and the same with a gap, 1, 2, 3 | 1, 4 | 1.
// init keeps the numbers as the table has them and the plan numbered per
// category, so that check names the category and the number; before, the slip
// made init write a plan numbered plan-wide, and check then reported every
// restart as a duplicate.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';

async function init(file: string) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-slip-')), 'plan');
  const result = await runCli(['init', dir, '--from-table', file]);
  return { result, plan: JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { numbering?: unknown; problems: { number: number; category: string }[] } };
}

describe('init: a table numbered per category with a slip in one category', () => {
  it.each([
    ['category-numbered-duplicate.xlsx', [1, 2, 2, 1, 2, 1]],
    ['category-numbered-gap.xlsx', [1, 2, 3, 1, 4, 1]],
  ])('%s stays numbered per category, the numbers as the table has them', async (file, numbers) => {
    const { result, plan } = await init(path.join('test/fixtures/tables', file));
    expect(result.exit).toBe(0);
    expect(plan.numbering).toEqual({ scope: 'category', shownAs: '{category}-{number}' });
    expect(plan.problems.map((p) => p.number)).toEqual(numbers);
    expect(plan.problems.map((p) => p.category)).toEqual(['巡察反馈问题', '巡察反馈问题', '巡察反馈问题', '审计发现问题', '审计发现问题', '群众来信反映问题']);
  });
});
