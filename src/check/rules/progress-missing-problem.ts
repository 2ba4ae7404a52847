import { shownNumber } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

// A warning, not an error: forms arrive unit by unit and a period fills up over days.
export const progressMissingProblem: Rule = {
  id: 'progress-missing-problem',
  severity: 'warning',
  description: '某期进展缺少方案中的问题 / a period has no progress for some of the plan’s problems',
  check({ folder }) {
    const findings: Finding[] = [];
    for (const file of folder.progress) {
      const present = new Set(file.data.problems.map((p) => p.number));
      const missing = folder.plan.problems.filter((p) => !present.has(p.number)).map(shownNumber);
      if (missing.length > 0) {
        findings.push({ source: file.source, path: ['problems'], message: `本期缺少问题 ${missing.join('、')} 的进展` });
      }
    }
    return findings;
  },
};
