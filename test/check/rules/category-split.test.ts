// category-split: a category's problems stand together in plan order, else the
// task table splits the category in two (a fresh tester appended a problem of
// the first category at the end of plan.json: no warning, and the table printed
// it after the last category's rows).
import { describe, expect, it } from 'vitest';
import { categorySplit } from '../../../src/check/rules/category-split.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('category-split', () => {
  it('passes categories that stand together, and a flat plan', () => {
    expect(runRule(categorySplit)).toEqual([]);
    const flat = withPlan((p) => {
      delete p.categories;
      for (const problem of p.problems) delete problem.category;
    });
    expect(runRule(categorySplit, { plan: flat })).toEqual([]);
  });

  it('warns at a problem placed after another category’s problems, naming both and what to do', () => {
    // 水环境 1, 2; 大气 3; then a 水环境 problem appended at the end.
    const plan = withPlan((p) => {
      p.problems.push({ ...p.problems[0]!, number: 4, summary: '新增的河道问题。' });
    });
    const found = runRule(categorySplit, { plan });
    expect(found.map((f) => [f.path, f.severity])).toEqual([[['problems', 3], 'warning']]);
    expect(found[0]!.message).toBe('第 4 号问题（类别“水环境”）排在其他类别的问题（第 3 号）之后，与同类别的问题不相邻：任务分解表按方案中的次序排列，“水环境”会被分成两段；请把它移到“水环境”的其他问题之后');
  });
});
