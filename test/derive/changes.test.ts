// Month-to-month changes on a made-up plan (basePlan: 1 due 2024-05-31,
// 2 due 2024-12-31, 3 立行立改 due 2024-03-15).
import { describe, expect, it } from 'vitest';
import { derivePeriod } from '../../src/derive/period.js';
import type { Progress } from '../../src/model/progress-schema.js';
import { plan, progress } from './support.js';

function changes(current: Progress, previous?: Progress) {
  const result = derivePeriod(plan(), current, previous);
  if (!result.ok) throw new Error(result.message);
  return result.view.changes;
}

const closure = { date: '2024-06-20', approver: '副乡长', opinion: '同意销号。' };

describe('changes since the previous period', () => {
  const may = progress('2024-05', '2024-05-31', [
    { number: 1, status: '推进中', onSchedule: true },
    { number: 2, status: '已完成', completedOn: '2024-05-10' },
    { number: 3, status: '推进中', onSchedule: false, reason: '村民不配合。' },
  ]);

  it('lists newly completed, closed and overdue problems, each state as of its own period', () => {
    const june = progress('2024-06', '2024-06-30', [
      { number: 1, status: '推进中', onSchedule: false, reason: '材料未到。' }, // overdue from 06-01
      { number: 2, status: '已销号', completedOn: '2024-05-10', closure },
      { number: 3, status: '已完成并长期坚持', completedOn: '2024-06-15' },
    ]);
    expect(changes(june, may)).toEqual({ since: '2024-05', newlyCompleted: [3], newlyClosed: [2], newlyOverdue: [1] });
  });
  it('does not repeat a problem that was already overdue, nor count a step backwards as new', () => {
    const june = progress('2024-06', '2024-06-30', [
      { number: 1, status: '已完成', completedOn: '2024-06-05' },
      { number: 2, status: '推进中', onSchedule: true, note: '复查发现问题反弹。' },
      { number: 3, status: '推进中', onSchedule: false, reason: '村民不配合。' },
    ]);
    expect(changes(june, may)).toEqual({ since: '2024-05', newlyCompleted: [1], newlyClosed: [], newlyOverdue: [] });
  });
  it('treats a problem missing from the previous file as having had nothing recorded', () => {
    const thin = progress('2024-05', '2024-05-31', [{ number: 1, status: '推进中', onSchedule: true }]);
    const june = progress('2024-06', '2024-06-30', [
      { number: 1, status: '推进中', onSchedule: true, extension: { deadline: '8月底前完成', reason: '雨季。', approvedOn: '2024-05-25' } },
      { number: 2, status: '已完成', completedOn: '2024-06-10' },
      { number: 3, status: '推进中', onSchedule: false },
    ]);
    expect(changes(june, thin)).toEqual({ since: '2024-05', newlyCompleted: [2], newlyClosed: [], newlyOverdue: [3] });
  });
  it('reports nothing for the first period', () => {
    expect(changes(may)).toEqual({ since: null, newlyCompleted: [], newlyClosed: [], newlyOverdue: [] });
  });
});
