import { describe, expect, it } from 'vitest';
import { categoryColumnWithoutCategories } from '../../../src/check/rules/category-column-without-categories.js';
import type { PlanInput } from '../../../src/model/plan-schema.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

function flat(edit: (p: PlanInput) => void = () => {}): PlanInput {
  return withPlan((p) => {
    p.categories = [];
    for (const problem of p.problems) delete problem.category;
    edit(p);
  });
}

describe('category-column-without-categories', () => {
  it('passes a categorised plan with a category column, and a flat plan on the default columns', () => {
    expect(runRule(categoryColumnWithoutCategories, { plan: withPlan((p) => (p.tableColumns = [{ field: 'category', header: '方面' }, { field: 'number', header: '序号' }])) })).toEqual([]);
    expect(runRule(categoryColumnWithoutCategories, { plan: flat() })).toEqual([]);
  });

  it('reports a category column a flat plan lists, in the task table and the report table', () => {
    const plan = flat((p) => {
      p.tableColumns = [
        { field: 'number', header: '序号' },
        { field: 'category', header: '问题\n来源' },
        { field: 'summary', header: '问题' },
      ];
      p.reportColumns = [{ field: 'category' }, { field: 'number' }, { field: 'status' }];
    });
    const found = runRule(categoryColumnWithoutCategories, { plan });
    expect(found.map((d) => [d.path, d.severity, d.message])).toEqual([
      [['tableColumns', 1, 'field'], 'error', '方案没有类别（categories），任务分解表不能有“问题来源”栏：请删去这一栏，或在 categories 中列出类别并给每个问题写上 category'],
      [['reportColumns', 0, 'field'], 'error', '方案没有类别（categories），进展情况表不能有“发现问题方式”栏：请删去这一栏，或在 categories 中列出类别并给每个问题写上 category'],
    ]);
  });
});
