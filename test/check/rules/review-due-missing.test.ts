import { describe, expect, it } from 'vitest';
import { reviewDueMissing } from '../../../src/check/rules/review-due-missing.js';
import { baseProgress, runRule, withPlan } from '../../helpers/fixture-folder.js';

// The fixture: 1 completed 2024-05-20 (due 5月底前, not long-term), 2 in progress,
// 3 completed 2024-03-20 and long-term (立行立改、长期坚持).
const scheduled = withPlan((p) => {
  p.reviewSchedule = { from: '2024-06', afterClosureMonths: [1] };
});

/** June and July; in June problem 1 is closed on 2024-06-18. */
function months(edit: (june: ReturnType<typeof baseProgress>, july: ReturnType<typeof baseProgress>) => void) {
  const june = baseProgress();
  Object.assign(june.problems[0]!, { status: '已销号', closure: { date: '2024-06-18', approver: '乡农办主任', opinion: '验收合格。' } });
  const july = baseProgress('2024-07', '2024-07-31');
  Object.assign(july.problems[0]!, { status: '已销号', closure: { date: '2024-06-18', approver: '乡农办主任', opinion: '验收合格。' } });
  edit(june, july);
  return { '2024-06': june, '2024-07': july };
}

describe('review-due-missing', () => {
  it('warns for each due problem without a record: the long-term one every month, the closed one a month after closure', () => {
    const found = runRule(reviewDueMissing, { plan: scheduled, progress: months(() => {}) });
    // June: 3 (long-term, completed before June). July: 1 (closed in June), 3.
    expect(found.map((d) => `${d.file.slice(-12)} ${JSON.stringify(d.path)}`)).toEqual([
      '2024-06.json ["problems",2]',
      '2024-07.json ["problems",0]',
      '2024-07.json ["problems",2]',
    ]);
    expect(found[1]!.message).toBe('按方案的回头看安排（reviewSchedule），第 1 号问题 2024-07 应开展回头看，本期进展没有记录（reviews）');
  });

  it('is quiet when the due records are there, before `from`, and without a schedule', () => {
    const recorded = months((june, july) => {
      const review = (date: string) => [{ date, checkedBy: '乡纪委', finding: '巩固' as const }];
      Object.assign(june.problems[2]!, { reviews: review('2024-06-20') });
      Object.assign(july.problems[0]!, { reviews: review('2024-07-20') });
      Object.assign(july.problems[2]!, { reviews: review('2024-07-20') });
    });
    expect(runRule(reviewDueMissing, { plan: scheduled, progress: recorded })).toEqual([]);
    const later = withPlan((p) => {
      p.reviewSchedule = { from: '2024-08' };
    });
    expect(runRule(reviewDueMissing, { plan: later, progress: months(() => {}) })).toEqual([]);
    expect(runRule(reviewDueMissing, { progress: months(() => {}) })).toEqual([]);
  });
});
