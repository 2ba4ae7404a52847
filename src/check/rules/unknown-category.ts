import type { Finding, Rule } from '../rule.js';

export const unknownCategory: Rule = {
  id: 'unknown-category',
  severity: 'error',
  description: '问题的类别不是 categories 中的 id，或类别 id 重复 / problem category not among the categories, or a category id used twice',
  check({ folder }) {
    const { planSource, plan } = folder;
    const findings: Finding[] = [];
    const ids = new Set<string>();
    for (const [index, category] of plan.categories.entries()) {
      if (ids.has(category.id)) findings.push({ source: planSource, path: ['categories', index, 'id'], message: `类别 id“${category.id}”重复` });
      ids.add(category.id);
    }
    for (const [index, problem] of plan.problems.entries()) {
      if (!ids.has(problem.category)) {
        findings.push({ source: planSource, path: ['problems', index, 'category'], message: `类别“${problem.category}”不存在（已有：${[...ids].join('、')}）` });
      }
    }
    return findings;
  },
};
