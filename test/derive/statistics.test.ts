// Statistics on a made-up plan (basePlan: notice 2024-03-15; units 农办, 林业站, 各村):
//   1 water 5月底前完成       lead 农办
//   2 water 2024年底前        lead 林业站、农办 (two lead units, plan.units lists 农办 first)
//   3 air   立行立改、长期坚持 lead 各村 (due on the notice date 2024-03-15)
import { describe, expect, it } from 'vitest';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { formatPercent, ratio, tally } from '../../src/derive/statistics.js';
import type { Plan } from '../../src/model/plan-schema.js';
import type { Progress } from '../../src/model/progress-schema.js';
import { plan, progress, type ProblemProgressInput } from './support.js';

type Entry = Omit<ProblemProgressInput, 'number'>;

function view(p: Plan, current: Progress): PeriodView {
  const result = derivePeriod(p, current);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

describe('formatPercent', () => {
  it('gives one decimal, rounded half up', () => {
    expect(formatPercent(ratio(10, 21))).toBe('47.6%');
    expect(formatPercent(ratio(1, 3))).toBe('33.3%');
    expect(formatPercent(ratio(2, 3))).toBe('66.7%');
    expect(formatPercent(ratio(1, 16))).toBe('6.3%'); // 6.25 exactly: half up
    expect(formatPercent(ratio(1, 8))).toBe('12.5%');
    expect(formatPercent(ratio(1, 2000))).toBe('0.1%'); // 0.05 exactly: half up
    expect(formatPercent(ratio(0, 5))).toBe('0.0%');
    expect(formatPercent(ratio(5, 5))).toBe('100.0%');
  });
  it('takes other precisions', () => {
    expect(formatPercent(ratio(1, 8), 0)).toBe('13%');
    expect(formatPercent(ratio(1, 3), 2)).toBe('33.33%');
  });
  it('prints a rate with no denominator as a dash, not 0%', () => {
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: undefined });
    expect(formatPercent(ratio(0, 0))).toBe('—');
  });
});

describe('zero denominators', () => {
  it('has no 到期任务完成率 when nothing is due yet', () => {
    // As of 2024-03-14 nothing is due: 1 on 05-31, 2 on 12-31, 3 on 03-15.
    const s = view(plan(), progress('2024-03', '2024-03-14', [
      { number: 1, status: '已完成', completedOn: '2024-03-10' },
      { number: 2, status: '未启动' },
      { number: 3, status: '推进中', onSchedule: true },
    ])).statistics;
    expect([s.due, s.dueCompleted, s.dueCompletionRate.value, formatPercent(s.dueCompletionRate)]).toEqual([0, 0, undefined, '—']);
    // Completed early, not yet due: counted in the completion rate only.
    expect(formatPercent(s.completionRate)).toBe('33.3%');
  });
  it('gives an empty group no rates at all', () => {
    const t = tally([]);
    expect([t.total, t.completionRate.value, t.dueCompletionRate.value]).toEqual([0, undefined, undefined]);
  });
});

describe('counts', () => {
  const asOfJune = (statuses: { n1: Entry; n2: Entry; n3: Entry }) =>
    progress('2024-06', '2024-06-30', [
      { number: 1, ...statuses.n1 },
      { number: 2, ...statuses.n2 },
      { number: 3, ...statuses.n3 },
    ]);

  it('counts a problem with two lead units once in the totals and once in each unit row, rows in plan.units order', () => {
    const v = view(plan(), asOfJune({
      n1: { status: '推进中', onSchedule: false },
      n2: { status: '已完成', completedOn: '2024-06-01' },
      n3: { status: '已完成并长期坚持', completedOn: '2024-03-15' },
    }));
    const s = v.statistics;
    expect([s.total, s.completed, s.overdue, s.due, s.dueCompleted, s.longTerm]).toEqual([3, 2, 1, 2, 1, 1]);
    expect(s.byLeadUnit.map((r) => [r.unit.name, r.total, r.completed, r.overdue, formatPercent(r.completionRate), formatPercent(r.dueCompletionRate)])).toEqual([
      ['农办', 2, 1, 1, '50.0%', '0.0%'],
      ['林业站', 1, 1, 0, '100.0%', '—'],
      ['各村', 1, 1, 0, '100.0%', '100.0%'],
    ]);
    expect(v.rows.map((r) => r.reportingUnit)).toEqual(['农办', '林业站', '各村']);
  });

  it('counts an overdue 推进中 problem as behind even when the form says on schedule', () => {
    const s = view(plan(), asOfJune({
      n1: { status: '推进中', onSchedule: true },
      n2: { status: '推进中' },
      n3: { status: '推进中', onSchedule: false },
    })).statistics;
    // 1 is overdue (05-31) → behind; 2 has no answer → unreported; 3 is overdue and says no → behind.
    expect([s.inProgress, s.inProgressOnSchedule, s.inProgressBehind, s.inProgressUnreported, s.overdue]).toEqual([3, 0, 2, 1, 2]);
    expect(s.colours).toEqual({ green: 0, red: 2, yellow: 0, blue: 0, none: 1 });
  });

  it('keeps an empty category only when the plan says so, and adds rows for unknown units and categories', () => {
    const p = plan((input) => {
      input.categories.push({ id: 'soil', heading: '土壤问题', label: '土壤', keepWhenEmpty: true });
      input.categories.push({ id: 'noise', heading: '噪声问题', label: '噪声' });
      input.problems[2]!.category = 'dust';
      input.problems[2]!.leadUnits = ['环保站'];
    });
    const s = view(p, asOfJune({
      n1: { status: '已销号', completedOn: '2024-05-20', closure: { date: '2024-06-10', approver: '副乡长', opinion: '同意销号。' } },
      n2: { status: '未启动' },
      n3: { status: '推进中', onSchedule: true },
    })).statistics;
    expect(s.byCategory.map((r) => [r.category.id, r.total])).toEqual([['water', 2], ['soil', 0], ['dust', 1]]);
    expect(s.byCategory.find((r) => r.category.id === 'soil')!.completionRate.value).toBeUndefined();
    expect(s.byLeadUnit.map((r) => [r.unit.name, r.total])).toEqual([['农办', 2], ['林业站', 1], ['环保站', 1]]);
    expect(s.byStatus).toEqual({ 未启动: 1, 推进中: 1, 已完成: 0, 已完成并长期坚持: 0, 已销号: 1 });
    expect([s.completed, s.closed]).toEqual([1, 1]);
  });
});
