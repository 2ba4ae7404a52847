import { shownNumber } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

export const leadAlsoCooperating: Rule = {
  id: 'lead-also-cooperating',
  severity: 'warning',
  description: '牵头单位又列为同一问题的配合单位 / lead unit also listed as a cooperating unit',
  check({ folder }) {
    const findings: Finding[] = [];
    for (const [index, problem] of folder.plan.problems.entries()) {
      for (const [i, unit] of problem.cooperatingUnits.entries()) {
        if (problem.leadUnits.includes(unit)) {
          findings.push({ source: folder.planSource, path: ['problems', index, 'cooperatingUnits', i], message: `第 ${shownNumber(problem)} 号问题的牵头单位“${unit}”又列为配合单位` });
        }
      }
    }
    return findings;
  },
};
