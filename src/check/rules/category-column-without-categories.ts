import { FIELD_LABELS } from '../../model/vocabulary.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A plan without categories has no category column (docs/domain.md#categories):
 * a column of `tableColumns` or `reportColumns` naming one asks for what the
 * plan cannot fill. An error, so the office deletes the column rather than
 * get a table other than the one it listed (or, were it the only column, none).
 */
export const categoryColumnWithoutCategories: Rule = {
  id: 'category-column-without-categories',
  severity: 'error',
  description: '方案没有类别，任务分解表或进展情况表却列了类别栏 / a category column in a plan without categories',
  check({ folder }) {
    const { planSource, plan } = folder;
    if (plan.categories.length > 0) return [];
    const findings: Finding[] = [];
    for (const [key, table] of [
      ['tableColumns', '任务分解表'],
      ['reportColumns', '进展情况表'],
    ] as const) {
      for (const [index, column] of (plan[key] ?? []).entries()) {
        if (column.field !== 'category') continue;
        const header = (column.header ?? FIELD_LABELS.category).replace(/\n/g, '');
        findings.push({ source: planSource, path: [key, index, 'field'], message: `方案没有类别（categories），${table}不能有“${header}”栏：请删去这一栏，或在 categories 中列出类别并给每个问题写上 category` });
      }
    }
    return findings;
  },
};
