import { describe, expect, it } from 'vitest';
import { derivePeriod } from '../../src/derive/period.js';
import { dueForReview, earlierRounds, reviewRounds, reviewTally } from '../../src/derive/review.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress } from '../../src/model/progress-schema.js';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';

const CLOSURE = { date: '2024-05-28', approver: '乡农办主任', opinion: '验收合格。' };

/** May: 1 closed; June: a 回头看 finds 1 come back (reopened, new deadline), 3 holds; July: 1 rectified again. */
function history(): Progress[] {
  const may = baseProgress('2024-05', '2024-05-31');
  Object.assign(may.problems[0]!, { status: '已销号', closure: CLOSURE });
  const june = baseProgress();
  june.problems[0] = {
    number: 1,
    status: '推进中',
    onSchedule: true,
    reviews: [{ date: '2024-06-12', checkedBy: '乡纪委', finding: '反弹' }],
    extension: { deadline: '7月15日前完成', reason: '反弹，重新整改。', approvedOn: '2024-06-12' },
  };
  Object.assign(june.problems[2]!, { reviews: [{ date: '2024-06-20', checkedBy: '林业站', finding: '巩固' }] });
  const july = baseProgress('2024-07', '2024-07-31');
  Object.assign(july.problems[0]!, { completedOn: '2024-07-10', extension: june.problems[0].extension });
  return [may, june, july].map((p) => progressSchema.parse(p));
}

describe('回头看', () => {
  it('counts a 反弹 as a new round from its period on', () => {
    const [may, june, july] = history() as [Progress, Progress, Progress];
    expect(reviewRounds([may]).get(1)).toBe(1);
    expect(reviewRounds([may, june]).get(1)).toBe(2);
    expect(reviewRounds([may, june, july]).get(1)).toBe(2);
    expect(reviewRounds([may, june, july]).get(3)).toBe(1);
  });

  it('keeps the first round’s completion and closure in the history', () => {
    expect(earlierRounds(history(), 1)).toEqual([{ round: 1, completedOn: '2024-05-20', closure: CLOSURE, reopenedIn: '2024-06' }]);
    expect(earlierRounds(history(), 3)).toEqual([]);
  });

  it('counts the reopened problem as not completed in its period: 1 of 3 completed, 1 reopened, 1 held', () => {
    const plan = planSchema.parse(basePlan());
    const [may, june] = history() as [Progress, Progress];
    const result = derivePeriod(plan, june, may, [may]);
    if (!result.ok) throw new Error(result.message);
    // 1 reopened (推进中), 2 推进中, 3 已完成并长期坚持: completed 1 of 3.
    expect(result.view.statistics.completed).toBe(1);
    expect(result.view.statistics.closed).toBe(0);
    expect(result.view.rows.map((r) => [r.problem.number, r.round, r.reopened])).toEqual([
      [1, 2, true],
      [2, 1, false],
      [3, 1, false],
    ]);
    expect(reviewTally(june)).toEqual({ records: 2, problems: 2, consolidated: 1, reopened: 1 });
  });

  it('makes problems due by the schedule: long-term monthly, closed ones the months after closure', () => {
    const plan = planSchema.parse({ ...basePlan(), reviewSchedule: { afterClosureMonths: [1, 2] } });
    const all = history();
    // June: 1 (closed in May: 1 month), 3 (long-term, completed in March). July: 1 (2 months), 3.
    expect(dueForReview(plan, all.slice(0, 2))).toEqual([1, 3]);
    expect(dueForReview(plan, all)).toEqual([1, 3]);
    const once = planSchema.parse({ ...basePlan(), reviewSchedule: { longTermMonthly: false, afterClosureMonths: [1] } });
    expect(dueForReview(once, all)).toEqual([]);
    expect(dueForReview(planSchema.parse(basePlan()), all)).toEqual([]);
  });
});
