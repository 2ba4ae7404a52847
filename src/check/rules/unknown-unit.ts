import type { Finding, Rule } from '../rule.js';

export const unknownUnit: Rule = {
  id: 'unknown-unit',
  severity: 'error',
  description: '牵头单位、配合单位须在单位名录（units）中',
  check({ folder }) {
    const { planSource, plan } = folder;
    const known = new Set(plan.units.map((u) => u.name));
    const findings: Finding[] = [];
    for (const [index, problem] of plan.problems.entries()) {
      for (const key of ['leadUnits', 'cooperatingUnits'] as const) {
        for (const [i, unit] of problem[key].entries()) {
          if (!known.has(unit)) {
            findings.push({ source: planSource, path: ['problems', index, key, i], message: `单位“${unit}”不在单位名录中（已有：${[...known].join('、')}）` });
          }
        }
      }
    }
    return findings;
  },
};
