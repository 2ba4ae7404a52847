import { describe, expect, it } from 'vitest';
import { overdueWithoutReason } from '../../../src/check/rules/overdue-without-reason.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

describe('overdue-without-reason', () => {
  it('passes a problem due on the as-of date itself (not yet overdue)', () => {
    const progress = baseProgress('2024-05', '2024-05-31');
    Object.assign(progress.problems[0]!, { status: '推进中', onSchedule: false });
    delete progress.problems[0]!.completedOn;
    progress.problems[0]!.evidence = [];
    expect(runRule(overdueWithoutReason, { progress: { '2024-05': progress } })).toEqual([]);
  });
  it('warns about an overdue problem without a reason, and honours extensions', () => {
    const progress = baseProgress();
    Object.assign(progress.problems[0]!, { status: '推进中', onSchedule: false });
    delete progress.problems[0]!.completedOn;
    const extended = baseProgress();
    Object.assign(extended.problems[0]!, { status: '推进中', onSchedule: true, extension: { deadline: '8月底前完成', reason: '汛期', approvedOn: '2024-05-25' } });
    delete extended.problems[0]!.completedOn;
    expect(runRule(overdueWithoutReason, { progress: { '2024-06': progress } }).map((d) => d.message)).toEqual([
      '第 1 号问题已逾期（时限 2024-05-31），请填写未完成原因 reason',
    ]);
    expect(runRule(overdueWithoutReason, { progress: { '2024-06': extended } })).toEqual([]);
  });
});
