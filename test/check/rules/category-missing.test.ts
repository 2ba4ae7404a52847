import { describe, expect, it } from 'vitest';
import { categoryMissing } from '../../../src/check/rules/category-missing.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('category-missing', () => {
  it('passes a plan whose every problem has a category, and a plan without categories', () => {
    expect(runRule(categoryMissing)).toEqual([]);
    const flat = withPlan((p) => {
      delete p.categories;
      for (const problem of p.problems) delete problem.category;
    });
    expect(runRule(categoryMissing, { plan: flat })).toEqual([]);
  });

  it('reports a problem without a category in a plan that lists categories, at the problem', () => {
    const plan = withPlan((p) => {
      delete p.problems[1]!.category;
    });
    const found = runRule(categoryMissing, { plan });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['problems', 1]);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(found[0]!.message).toBe('问题 2 没有写类别（category）：方案列了类别（water、air），每个问题都要写其中之一；不分类的问题清单请删去 categories 和各问题的 category');
  });
});
