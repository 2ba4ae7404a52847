import { describe, expect, it } from 'vitest';
import { unknownCategory } from '../../../src/check/rules/unknown-category.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('unknown-category', () => {
  it('passes known categories', () => {
    expect(runRule(unknownCategory)).toEqual([]);
  });
  it('reports an unknown category and a duplicate id', () => {
    const plan = withPlan((p) => {
      p.problems[1]!.category = 'soil';
      p.categories.push({ id: 'air', heading: '重复', label: '重复' });
    });
    const found = runRule(unknownCategory, { plan });
    expect(found.map((d) => d.message)).toEqual(['类别 id“air”重复', '类别“soil”不存在（已有：water、air）']);
  });
});

describe('unknown-category in a plan without categories', () => {
  it('passes problems without a category', () => {
    const plan = withPlan((p) => {
      delete p.categories;
      for (const problem of p.problems) delete problem.category;
    });
    expect(runRule(unknownCategory, { plan })).toEqual([]);
  });
  it('reports a category on a problem of a plan that lists none, saying both ways out', () => {
    const plan = withPlan((p) => {
      p.categories = [];
      delete p.problems[0]!.category;
      delete p.problems[2]!.category;
    });
    const found = runRule(unknownCategory, { plan });
    expect(found.map((d) => d.path)).toEqual([['problems', 1, 'category']]);
    expect(found[0]!.message).toBe('类别“water”不存在：方案没有列出类别（categories）。不分类的问题清单请删去各问题的 category；要分类请在 categories 中列出各类别，并给每个问题写上 category');
  });
});
