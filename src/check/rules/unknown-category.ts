import type { Finding, Rule } from '../rule.js';

/**
 * A problem's category must be one of the plan's categories, and each id is
 * listed once. A plan that lists no categories is a flat list: a category on
 * one of its problems has nothing to refer to (docs/domain.md#categories). A
 * problem with no category is `category-missing`'s to report.
 */
export const unknownCategory: Rule = {
  id: 'unknown-category',
  severity: 'error',
  description: '问题的类别不是 categories 中的 id（方案没有类别时问题不能写类别），或类别 id 重复 / problem category not among the categories (none allowed in a plan without categories), or a category id used twice',
  check({ folder }) {
    const { planSource, plan } = folder;
    const findings: Finding[] = [];
    const ids = new Set<string>();
    for (const [index, category] of plan.categories.entries()) {
      if (ids.has(category.id)) findings.push({ source: planSource, path: ['categories', index, 'id'], message: `类别 id“${category.id}”重复` });
      ids.add(category.id);
    }
    for (const [index, problem] of plan.problems.entries()) {
      if (problem.category === undefined || ids.has(problem.category)) continue;
      const message =
        ids.size === 0
          ? `类别“${problem.category}”不存在：方案没有列出类别（categories）。不分类的问题清单请删去各问题的 category；要分类请在 categories 中列出各类别，并给每个问题写上 category`
          : `类别“${problem.category}”不存在（已有：${[...ids].join('、')}）`;
      findings.push({ source: planSource, path: ['problems', index, 'category'], message });
    }
    return findings;
  },
};
