import { shownNumber } from '../../model/numbering.js';
import { parseDeadline } from '../../derive/deadline.js';
import { chineseDate } from '../../model/dates.js';
import type { Finding, Rule } from '../rule.js';

/**
 * An explicit dueDate / longTerm wins over the phrase (docs/domain.md,
 * explicit due date), but the phrase is what every document prints: when the
 * phrase can be read and says another date or another long-term duty, the
 * paper shows one deadline and the statistics count by another (a tester's
 * 10月底前完成 with dueDate 2024-06-30 was never overdue in December). The
 * office should make them agree, or write the phrase the date stands for.
 */
export const dueDateDiffers: Rule = {
  id: 'due-date-differs',
  severity: 'warning',
  description: '写明的 dueDate 或 longTerm 与整改时限原文读出的不一致（文书印的是原文） / dueDate or longTerm disagrees with the printed deadline phrase',
  check({ folder }) {
    const { plan, planSource } = folder;
    const findings: Finding[] = [];
    for (const [index, problem] of plan.problems.entries()) {
      if (problem.dueDate === undefined && problem.longTerm === undefined) continue;
      const read = parseDeadline(problem.deadline, plan.notice.date);
      if (!read.ok) continue; // a phrase that cannot be read is what dueDate is for
      const { due, longTerm } = read.deadline;
      if (problem.dueDate !== undefined && due !== null && due !== problem.dueDate) {
        findings.push({
          source: planSource,
          path: ['problems', index, 'dueDate'],
          message: `第 ${shownNumber(problem)} 号问题的 dueDate（${chineseDate(problem.dueDate)}）与整改时限“${problem.deadline}”（读作 ${chineseDate(due)}）不一致；文书印的是原文，统计按 dueDate：请改成一致`,
        });
      }
      if (problem.longTerm !== undefined && problem.longTerm !== longTerm) {
        findings.push({
          source: planSource,
          path: ['problems', index, 'longTerm'],
          message: `第 ${shownNumber(problem)} 号问题的 longTerm: ${problem.longTerm} 与整改时限“${problem.deadline}”（${longTerm ? '读作长期坚持' : '未写长期坚持'}）不一致；请改成一致`,
        });
      }
    }
    return findings;
  },
};
