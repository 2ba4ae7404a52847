import { describe, expect, it } from 'vitest';
import { emptyCategory } from '../../../src/check/rules/empty-category.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('empty-category', () => {
  it('passes when every category has problems', () => {
    expect(runRule(emptyCategory)).toEqual([]);
  });
  it('warns about a category without problems and says whether it is kept', () => {
    const plan = withPlan((p) => {
      p.categories.push({ id: 'soil', heading: '土壤问题', label: '土壤' }, { id: 'noise', heading: '噪声问题', label: '噪声', keepWhenEmpty: true });
    });
    expect(runRule(emptyCategory, { plan }).map((d) => d.message)).toEqual([
      '类别“土壤问题”下没有问题，正文中将省略',
      '类别“噪声问题”下没有问题，正文中仍保留其标题',
    ]);
  });
});
