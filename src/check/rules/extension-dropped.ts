import { shownNumberOf } from '../../model/numbering.js';
import { isCompleted } from '../../derive/problem-state.js';
import type { ProblemProgress } from '../../model/progress-schema.js';
import type { Finding, Rule } from '../rule.js';

/**
 * An approved extension belongs to the progress entry of each period
 * (docs/domain.md#extensions): a later file whose entry for the problem has
 * none silently puts the plan's deadline back in force — the problem can turn
 * overdue on paper although its deadline was moved. Warned at the later
 * entry, naming the extension and the period that carried it. Not this
 * case: an entry with an extension of its own (a second one), and a problem
 * completed by then (no deadline can make it overdue).
 */
export const extensionDropped: Rule = {
  id: 'extension-dropped',
  severity: 'warning',
  description: '上期已批准调整整改时限，本期进展未再写明（将按原时限计算是否逾期） / an approved extension missing from a later period (the plan’s deadline would be back in force)',
  check({ folder }) {
    const findings: Finding[] = [];
    let previous = new Map<number, { extension: NonNullable<ProblemProgress['extension']>; period: string }>();
    for (const file of folder.progress) {
      const current = new Map(previous);
      for (const [index, entry] of file.data.problems.entries()) {
        const before = previous.get(entry.number);
        if (entry.extension) current.set(entry.number, { extension: entry.extension, period: file.data.period });
        else if (before && !isCompleted(entry.status)) {
          findings.push({
            source: file.source,
            path: ['problems', index],
            message: `第 ${shownNumberOf(folder.plan, entry.number)} 号问题在 ${before.period} 已批准将整改时限调整为“${before.extension.deadline}”（${before.extension.approvedOn} 批准），本期未写 extension，将按方案原时限计算是否逾期；如调整仍有效，请照抄上期的 extension`,
          });
          current.delete(entry.number);
        }
      }
      previous = current;
    }
    return findings;
  },
};
