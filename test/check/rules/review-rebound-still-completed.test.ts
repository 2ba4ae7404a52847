import { describe, expect, it } from 'vitest';
import { reviewReboundStillCompleted } from '../../../src/check/rules/review-rebound-still-completed.js';
import { withProgress, runRule } from '../../helpers/fixture-folder.js';

const REBOUND = { date: '2024-06-10', checkedBy: '乡农业服务中心', finding: '反弹' as const };
const DEADLINE = { deadline: '6月底前完成', reason: '反弹后重新整改。', approvedOn: '2024-06-10' };

describe('review-rebound-still-completed', () => {
  it('reports a problem found come back whose status still says completed, at its status', () => {
    const found = runRule(reviewReboundStillCompleted, {
      progress: withProgress((p) => {
        Object.assign(p.problems[0]!, { reviews: [REBOUND], extension: DEADLINE });
      }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['problems', 0, 'status']);
    expect(found[0]!.message).toContain('第 1 号问题 2024-06-10 回头看发现反弹，已重新打开：本期整改状态应为“推进中”或“未启动”');
  });

  it('passes a reopened problem in progress, and one rectified again after the 回头看', () => {
    const inProgress = withProgress((p) => {
      p.problems[0] = { number: 1, status: '推进中', onSchedule: true, reviews: [REBOUND], extension: DEADLINE };
    });
    expect(runRule(reviewReboundStillCompleted, { progress: inProgress })).toEqual([]);
    const againDone = withProgress((p) => {
      Object.assign(p.problems[0]!, { completedOn: '2024-06-25', reviews: [REBOUND], extension: DEADLINE });
    });
    expect(runRule(reviewReboundStillCompleted, { progress: againDone })).toEqual([]);
  });
});
