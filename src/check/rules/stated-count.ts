import type { Finding, Rule } from '../rule.js';
import { walkStrings } from '../walk-strings.js';

// The office's prose is printed verbatim; the checker points out when it
// promises a different number of problems than the data lists.
const STATED_COUNT = /(\d+)\s*(?:个|项|条)(?:具体|突出|反馈)?问题/g;

export const statedCount: Rule = {
  id: 'stated-count',
  severity: 'warning',
  description: '方案或通知正文中写的问题个数与问题清单不一致 / number of problems stated in the prose differs from the problem list',
  check({ folder }) {
    const { planSource, plan } = folder;
    const findings: Finding[] = [];
    const prose = [
      ...walkStrings(plan.plan.preamble, ['plan', 'preamble']),
      ...walkStrings(plan.plan.goal.paragraphs, ['plan', 'goal', 'paragraphs']),
      ...walkStrings(plan.notice.body, ['notice', 'body']),
    ];
    for (const { path, text } of prose) {
      for (const match of text.matchAll(STATED_COUNT)) {
        const stated = Number(match[1]);
        if (stated !== plan.problems.length) {
          findings.push({ source: planSource, path, message: `文中写“${match[0]}”，但问题清单列出 ${plan.problems.length} 个问题` });
        }
      }
    }
    return findings;
  },
};
