import { describe, expect, it } from 'vitest';
import { reviewReboundWithoutDeadline } from '../../../src/check/rules/review-rebound-without-deadline.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

/** May: problem 1 completed; June: a 回头看 by 乡纪委 on 2024-06-12 finds it come back, `edit` shapes June's entry. */
function reopened(edit: (entry: Record<string, unknown>) => void) {
  const may = baseProgress('2024-05', '2024-05-31');
  const june = baseProgress();
  const entry: Record<string, unknown> = {
    number: 1,
    status: '推进中',
    onSchedule: true,
    progress: '重新组织清河。',
    reviews: [{ date: '2024-06-12', checkedBy: '乡纪委', finding: '反弹', note: '河道再次出现垃圾堆积。' }],
  };
  edit(entry);
  june.problems[0] = entry as (typeof june.problems)[number];
  return { '2024-05': may, '2024-06': june };
}

describe('review-rebound-without-deadline', () => {
  it('reports a 反弹 with no extension, at the 反弹 record', () => {
    const found = runRule(reviewReboundWithoutDeadline, { progress: reopened(() => {}) });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['problems', 0, 'reviews', 0]);
    expect(found[0]!.message).toBe('第 1 号问题 2024-06-12 回头看发现反弹，须重新整改并确定新的整改时限：请在本期写 extension（调整后时限、原因，批准日期不早于 2024-06-12）');
  });

  it('reports an extension approved before the 回头看 (an old one, not the new deadline)', () => {
    const found = runRule(reviewReboundWithoutDeadline, {
      progress: reopened((e) => {
        e.extension = { deadline: '6月底前完成', reason: '雨季。', approvedOn: '2024-06-01' };
      }),
    });
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('现有 extension 批准于 2024-06-01，早于回头看')]);
  });

  it('passes a 反弹 with a new deadline approved on or after it, and a 巩固 without one', () => {
    const withDeadline = reopened((e) => {
      e.extension = { deadline: '7月15日前完成', reason: '回头看发现反弹，重新整改。', approvedOn: '2024-06-12' };
    });
    expect(runRule(reviewReboundWithoutDeadline, { progress: withDeadline })).toEqual([]);
    const held = reopened((e) => {
      Object.assign(e, { status: '已完成', completedOn: '2024-05-20', onSchedule: undefined });
      e.reviews = [{ date: '2024-06-12', checkedBy: '乡纪委', finding: '巩固' }];
    });
    expect(runRule(reviewReboundWithoutDeadline, { progress: held })).toEqual([]);
  });
});
