import { shownNumberOf } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

export const onScheduleMissing: Rule = {
  id: 'on-schedule-missing',
  severity: 'warning',
  description: '推进中的问题未填写是否达到序时进度 onSchedule / problem in progress without onSchedule',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      if (entry.status === '推进中' && entry.onSchedule === undefined) {
        findings.push({ source: file.source, path: ['problems', index, 'status'], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题推进中，未填写是否达到序时进度 onSchedule` });
      }
    }
    return findings;
  },
};
