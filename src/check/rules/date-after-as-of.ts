import { shownNumberOf } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

export const dateAfterAsOf: Rule = {
  id: 'date-after-as-of',
  severity: 'error',
  description: '完成日期、销号日期或调整批准日期晚于本期统计截止日期 / completion, closure or extension approval date after the as-of date',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      const asOf = file.data.asOf;
      const dated = [
        { path: ['completedOn'], date: entry.completedOn, name: '完成日期' },
        { path: ['closure', 'date'], date: entry.closure?.date, name: '销号日期' },
        { path: ['extension', 'approvedOn'], date: entry.extension?.approvedOn, name: '调整批准日期' },
      ];
      for (const { path, date, name } of dated) {
        if (date && date > asOf) {
          findings.push({ source: file.source, path: ['problems', index, ...path], message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的${name} ${date} 晚于统计截止日期 ${asOf}` });
        }
      }
    }
    return findings;
  },
};
