import { describe, expect, it } from 'vitest';
import { reviewNeverCompleted } from '../../../src/check/rules/review-never-completed.js';
import { baseProgress, runRule, withProgress } from '../../helpers/fixture-folder.js';

const HELD = { checkedBy: '乡纪委', finding: '巩固' as const };

describe('review-never-completed', () => {
  it('reports a 回头看 on a problem that is in progress and was never completed', () => {
    const found = runRule(reviewNeverCompleted, {
      progress: withProgress((p) => {
        Object.assign(p.problems[1]!, { reviews: [{ date: '2024-06-20', ...HELD }] });
      }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['problems', 1, 'reviews', 0]);
    expect(found[0]!.message).toBe('第 2 号问题 2024-06-20 的回头看针对的是已完成整改的问题，但此前各期均没有完成记录：请核对日期，或删去这条记录');
  });

  it('reports a 回头看 dated before the completion', () => {
    const found = runRule(reviewNeverCompleted, {
      progress: withProgress((p) => {
        Object.assign(p.problems[0]!, { reviews: [{ date: '2024-05-10', ...HELD }] });
      }),
    });
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('完成日期 2024-05-20 晚于回头看')]);
  });

  it('passes a 回头看 after completion, also of a problem reopened since (its completion is in an earlier file)', () => {
    const may = baseProgress('2024-05', '2024-05-31');
    const june = baseProgress();
    june.problems[0] = {
      number: 1,
      status: '推进中',
      onSchedule: true,
      reviews: [{ date: '2024-06-05', checkedBy: '乡纪委', finding: '反弹' }],
      extension: { deadline: '7月底前完成', reason: '反弹。', approvedOn: '2024-06-05' },
    };
    Object.assign(june.problems[2]!, { reviews: [{ date: '2024-06-28', ...HELD }] });
    expect(runRule(reviewNeverCompleted, { progress: { '2024-05': may, '2024-06': june } })).toEqual([]);
  });
});
