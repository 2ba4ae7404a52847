import { shownNumberOf } from '../../model/numbering.js';
import { dueForReview } from '../../derive/review.js';
import type { Finding, Rule } from '../rule.js';

/**
 * The plan's `reviewSchedule` makes completed problems due a 回头看 in given
 * periods (docs/domain.md#回头看, `dueForReview`): a due problem whose entry
 * in that period's file records none is a warning at the entry — the office
 * may not have done it yet, or not written it down.
 */
export const reviewDueMissing: Rule = {
  id: 'review-due-missing',
  severity: 'warning',
  description: '按方案的回头看安排本期应回头看的问题，进展中没有回头看记录 / a 回头看 the plan’s schedule makes due this period is not recorded',
  check({ folder }) {
    const findings: Finding[] = [];
    const history = folder.progress.map((p) => p.data);
    folder.progress.forEach((file, i) => {
      const due = new Set(dueForReview(folder.plan, history.slice(0, i + 1)));
      for (const [index, entry] of file.data.problems.entries()) {
        if (!due.has(entry.number) || (entry.reviews ?? []).length > 0) continue;
        findings.push({
          source: file.source,
          path: ['problems', index],
          message: `按方案的回头看安排（reviewSchedule），第 ${shownNumberOf(folder.plan, entry.number)} 号问题 ${file.data.period} 应开展回头看，本期进展没有记录（reviews）`,
        });
      }
    });
    return findings;
  },
};
