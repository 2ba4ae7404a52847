import { shownNumberOf } from '../../model/numbering.js';
import type { Finding, Rule } from '../rule.js';

// 谁销号、谁签字、谁负责: a closure without its date and approver is not a closure.
export const closureIncomplete: Rule = {
  id: 'closure-incomplete',
  severity: 'error',
  description: '已销号的问题缺少销号信息 closure 或销号日期早于完成日期，未销号的问题却有 closure / closed problem without closure details or closed before completion, or closure on a problem not closed',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      const at = (...path: Array<string | number>) => ['problems', index, ...path];
      if (entry.status === '已销号') {
        if (!entry.closure) {
          findings.push({ source: file.source, path: at('status'), message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题已销号，缺少销号信息 closure（日期、审批人、验收意见）` });
        } else if (entry.completedOn && entry.closure.date < entry.completedOn) {
          findings.push({ source: file.source, path: at('closure', 'date'), message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题的销号日期 ${entry.closure.date} 早于完成日期 ${entry.completedOn}` });
        }
      } else if (entry.closure) {
        findings.push({ source: file.source, path: at('closure'), message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题状态为“${entry.status}”，不应有销号信息（销号后状态应为“已销号”）` });
      }
    }
    return findings;
  },
};
