import { shownNumberOf } from '../../model/numbering.js';
import { isCompleted } from '../../derive/problem-state.js';
import type { Finding, Rule } from '../rule.js';

export const completedWithoutDate: Rule = {
  id: 'completed-without-date',
  severity: 'error',
  description: '已完成（含已销号）的问题缺少完成日期，或未完成的问题填了完成日期 / completed problem without completedOn, or completedOn on an unfinished one',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      if (isCompleted(entry.status) && !entry.completedOn) {
        findings.push({ source: file.source, path: ['problems', index, 'status'], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题状态为“${entry.status}”，缺少完成日期 completedOn` });
      } else if (!isCompleted(entry.status) && entry.completedOn) {
        findings.push({ source: file.source, path: ['problems', index, 'completedOn'], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题状态为“${entry.status}”，不应有完成日期` });
      }
    }
    return findings;
  },
};
