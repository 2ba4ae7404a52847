import { shownNumberOf } from '../../model/numbering.js';
import { latestRebound } from '../../derive/review.js';
import type { Finding, Rule } from '../rule.js';

/**
 * A 反弹 reopens the problem (docs/domain.md#回头看): it is rectified again
 * and needs a new deadline, recorded as the entry's `extension` approved on
 * or after the 回头看 — without it the plan's old deadline, long past, would
 * make the reopened problem overdue on paper at once. Reported at the 反弹
 * record (the latest, when there are several in one period).
 */
export const reviewReboundWithoutDeadline: Rule = {
  id: 'review-rebound-without-deadline',
  severity: 'error',
  description: '回头看发现反弹，但本期没有写新的整改时限（extension，批准日期不早于回头看） / a 反弹 (problem come back) without a new deadline',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { file, index, entry } of ctx.progressEntries()) {
      const latest = latestRebound(entry);
      if (latest === undefined) continue;
      if (entry.extension && entry.extension.approvedOn >= latest.date) continue;
      const r = entry.reviews!.indexOf(latest);
      const old = entry.extension ? `（现有 extension 批准于 ${entry.extension.approvedOn}，早于回头看）` : '';
      findings.push({
        source: file.source,
        path: ['problems', index, 'reviews', r],
        message: `第 ${shownNumberOf(ctx.folder.plan, entry.number)} 号问题 ${latest.date} 回头看发现反弹，须重新整改并确定新的整改时限${old}：请在本期写 extension（调整后时限、原因，批准日期不早于 ${latest.date}）`,
      });
    }
    return findings;
  },
};
