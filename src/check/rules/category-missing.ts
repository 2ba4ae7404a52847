import { shownNumber } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A plan either sorts every problem into a category or none (a flat list,
 * docs/domain.md#categories): once it lists categories, a problem without one
 * could be printed under no heading and in no category cell.
 */
export const categoryMissing: Rule = {
  id: 'category-missing',
  severity: 'error',
  description: '方案列了类别，问题却没有写类别（category） / a problem without a category in a plan that lists categories',
  check({ folder }) {
    const { planSource, plan } = folder;
    if (plan.categories.length === 0) return [];
    const ids = plan.categories.map((c) => c.id).join('、');
    const findings: Finding[] = [];
    for (const [index, problem] of plan.problems.entries()) {
      if (problem.category !== undefined) continue;
      findings.push({
        source: planSource,
        path: ['problems', index],
        message: `问题 ${shownNumber(problem)} 没有写类别（category）：方案列了类别（${ids}），每个问题都要写其中之一；不分类的问题清单请删去 categories 和各问题的 category`,
      });
    }
    return findings;
  },
};
