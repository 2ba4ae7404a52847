import { categoryOf } from '../../model/plan-categories.js';
import { shownNumber } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A category's problems stand together in plan order (docs/domain.md#categories):
 * the task table lists problems in that order and merges the category cell
 * down each run, so a problem placed after another category's problems (one
 * appended at the end of plan.json) splits its category in two on paper,
 * while the plan body, which groups by category, prints it under its heading —
 * the two documents then disagree on where it stands.
 */
export const categorySplit: Rule = {
  id: 'category-split',
  severity: 'warning',
  description: '同一类别的问题在方案中不相邻，任务分解表会把该类别分成两段 / a category’s problems are not together in plan order, so the task table splits the category',
  check({ folder }) {
    const { planSource, plan } = folder;
    if (plan.categories.length === 0) return [];
    const findings: Finding[] = [];
    const ended = new Set<string>();
    let current: string | undefined;
    for (const [index, problem] of plan.problems.entries()) {
      const category = problem.category;
      if (category === undefined || category === current) continue;
      if (current !== undefined) ended.add(current);
      current = category;
      if (!ended.has(category)) continue;
      const label = categoryOf(plan, problem)?.label ?? category;
      const before = plan.problems[index - 1]!;
      findings.push({
        source: planSource,
        path: ['problems', index],
        message: `第 ${shownNumber(problem)} 号问题（类别“${label}”）排在其他类别的问题（第 ${shownNumber(before)} 号）之后，与同类别的问题不相邻：任务分解表按方案中的次序排列，“${label}”会被分成两段；请把它移到“${label}”的其他问题之后`,
      });
    }
    return findings;
  },
};
