import { describe, expect, it } from 'vitest';
import { dateAfterAsOf } from '../../../src/check/rules/date-after-as-of.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('date-after-as-of', () => {
  it('passes dates on or before the as-of date', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.completedOn = '2024-06-30';
    });
    expect(runRule(dateAfterAsOf, { progress })).toEqual([]);
  });
  it('reports a completion and an approval after the as-of date', () => {
    const progress = withProgress((p) => {
      p.problems[0]!.completedOn = '2024-07-01';
      p.problems[1]!.extension = { deadline: '9月底前完成', reason: '雨季施工受阻', approvedOn: '2024-07-05' };
    });
    const found = runRule(dateAfterAsOf, { progress });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'completedOn'], ['problems', 1, 'extension', 'approvedOn']]);
    expect(found[0]!.message).toBe('第 1 号问题的完成日期 2024-07-01 晚于统计截止日期 2024-06-30');
  });
});
