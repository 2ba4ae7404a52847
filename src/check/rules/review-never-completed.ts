import { shownNumberOf } from '../../model/numbering.js';
import { isCompleted } from '../../derive/problem-state.js';
import type { Finding, Rule } from '../rule.js';

/**
 * 回头看 re-checks a problem already rectified (docs/domain.md#回头看): a
 * record dated before any completion of the problem — in the progress files
 * up to and including its own — checks nothing that was done. Reported at
 * each such record.
 */
export const reviewNeverCompleted: Rule = {
  id: 'review-never-completed',
  severity: 'error',
  description: '对尚未完成整改的问题记录了回头看（回头看日期前没有完成记录） / a 回头看 on a problem not completed by its date',
  check({ folder }) {
    const findings: Finding[] = [];
    const firstCompleted = new Map<number, string>();
    for (const file of folder.progress) {
      for (const entry of file.data.problems) {
        const done = isCompleted(entry.status) ? entry.completedOn : undefined;
        const known = firstCompleted.get(entry.number);
        if (done !== undefined && (known === undefined || done < known)) firstCompleted.set(entry.number, done);
      }
      for (const [index, entry] of file.data.problems.entries()) {
        for (const [r, review] of (entry.reviews ?? []).entries()) {
          const done = firstCompleted.get(entry.number);
          if (done !== undefined && done <= review.date) continue;
          const when = done === undefined ? '此前各期均没有完成记录' : `完成日期 ${done} 晚于回头看`;
          findings.push({
            source: file.source,
            path: ['problems', index, 'reviews', r],
            message: `第 ${shownNumberOf(folder.plan, entry.number)} 号问题 ${review.date} 的回头看针对的是已完成整改的问题，但${when}：请核对日期，或删去这条记录`,
          });
        }
      }
    }
    return findings;
  },
};
