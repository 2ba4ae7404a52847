import { FIELD_LABELS } from '../../model/vocabulary.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A plan without categories prints no category column (docs/domain.md#categories):
 * a column of `tableColumns` or `reportColumns` naming one is left out, and
 * the office is told, so the table it gets is not a surprise.
 */
export const categoryColumnUnused: Rule = {
  id: 'category-column-unused',
  severity: 'warning',
  description: '方案没有类别，任务分解表或进展情况表却列了类别栏，该栏不输出 / a category column in a plan without categories: it is left out',
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
        findings.push({ source: planSource, path: [key, index, 'field'], message: `方案没有类别（categories），${table}不输出“${header}”栏；请删去这一栏` });
      }
    }
    return findings;
  },
};
