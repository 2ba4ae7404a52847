import { shownNumberOf } from '../../model/numbering.js';
import { isCompleted } from '../../derive/problem-state.js';
import { latestRebound } from '../../derive/review.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A 反弹 reopens the problem (docs/domain.md#回头看): in that period it is not
 * completed — unless rectified again after the 回头看, which a completion
 * date after it shows. A completed status with no completion after the
 * latest 反弹 would count the reopened problem as done. The earlier
 * completion and closure stay in the earlier periods' files.
 */
export const reviewReboundStillCompleted: Rule = {
  id: 'review-rebound-still-completed',
  severity: 'error',
  description: '回头看发现反弹，整改状态却仍为已完成（完成日期不晚于回头看） / a problem found come back (反弹) still recorded as completed',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      const latest = latestRebound(entry);
      if (latest === undefined || !isCompleted(entry.status)) continue;
      if (entry.completedOn !== undefined && entry.completedOn > latest.date) continue;
      findings.push({
        source: file.source,
        path: ['problems', index, 'status'],
        message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题 ${latest.date} 回头看发现反弹，已重新打开：本期整改状态应为“推进中”或“未启动”（原完成、销号记录保留在以前各期的进展文件中），重新整改完成后再填晚于回头看的完成日期`,
      });
    }
    return findings;
  },
};
