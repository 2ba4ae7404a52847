import { shownNumberOf } from '../../model/numbering.js';
import { isReopened } from '../../derive/review.js';
import { STATUS_RANK } from '../../derive/problem-state.js';
import type { ProblemProgress } from '../../model/progress-schema.js';
import type { Finding, Rule } from '../rule.js';

export const statusRegression: Rule = {
  id: 'status-regression',
  severity: 'warning',
  description: '状态较上期倒退，而 note 中未说明原因（回头看发现反弹的除外） / status went back since the previous period without a note (a 反弹 found by a 回头看 explains it)',
  check({ folder }) {
    const findings: Finding[] = [];
    let previous = new Map<number, { entry: ProblemProgress; period: string }>();
    for (const file of folder.progress) {
      const current = new Map<number, { entry: ProblemProgress; period: string }>();
      for (const [index, entry] of file.data.problems.entries()) {
        current.set(entry.number, { entry, period: file.data.period });
        const before = previous.get(entry.number);
        if (before && STATUS_RANK[entry.status] < STATUS_RANK[before.entry.status] && !entry.note && !isReopened(entry)) {
          findings.push({
            source: file.source,
            path: ['problems', index, 'status'],
            message: `第 ${shownNumberOf(folder.plan, entry.number)} 号问题状态由“${before.entry.status}”（${before.period}）退回“${entry.status}”，请在 note 中说明原因`,
          });
        }
      }
      previous = current;
    }
    return findings;
  },
};
