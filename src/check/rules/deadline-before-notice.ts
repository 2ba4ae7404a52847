import { shownNumber } from '../../model/numbering.js';
import { chineseDate } from '../../model/dates.js';
import type { Finding, Rule } from '../rule.js';

export const deadlineBeforeNotice: Rule = {
  id: 'deadline-before-notice',
  severity: 'warning',
  description: '整改时限早于方案印发日期 / deadline falls before the notice date',
  check({ folder, deadlines }) {
    const noticeDate = folder.plan.notice.date;
    const findings: Finding[] = [];
    for (const [index, result] of deadlines.entries()) {
      if (!result.ok || result.deadline.immediate || result.deadline.due === null) continue;
      if (result.deadline.due < noticeDate) {
        const problem = folder.plan.problems[index]!;
        findings.push({
          source: folder.planSource,
          path: ['problems', index, result.deadline.source === 'explicit' ? 'dueDate' : 'deadline'],
          message: `第 ${shownNumber(problem)} 号问题的${result.deadline.source === 'explicit' ? '期限日期 dueDate' : `时限“${problem.deadline}”`}（${chineseDate(result.deadline.due)}）早于方案印发日期 ${chineseDate(noticeDate)}`,
        });
      }
    }
    return findings;
  },
};
