import { shownNumberOf } from '../../model/numbering.js';
import { problemState } from '../../derive/problem-state.js';
import type { Finding, Rule } from '../rule.js';

export const overdueWithoutReason: Rule = {
  id: 'overdue-without-reason',
  severity: 'warning',
  description: '问题已逾期未完成，而未填写未完成原因 reason / overdue problem without a reason',
  check(ctx) {
    const findings: Finding[] = [];
    const noticeDate = ctx.folder.plan.notice.date;
    for (const { file, index, entry, problem } of ctx.progressEntries()) {
      if (!problem || entry.reason) continue;
      const state = problemState(problem, entry, file.data.asOf, noticeDate);
      if (state.overdue && state.deadline?.due) {
        findings.push({ source: file.source, path: ['problems', index, 'status'], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题已逾期（时限 ${state.deadline.due}），请填写未完成原因 reason` });
      }
    }
    return findings;
  },
};
