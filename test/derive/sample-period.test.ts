// The bundled sample (data/guanyang-2022) pinned against numbers worked out by
// hand from plan.json and progress/2023-09..11.json — not from the code.
//
// Notice date 2023-09-07, so phrases without a year are in 2023.
// Effective due dates (extension honoured; LT = 长期坚持 in the phrase):
//   07-31: 1 LT, 3, 4 LT, 5 LT, 6 LT, 9 LT, 18 LT, 21
//   10-31: 2, 8, 14, 15, 16, 17, and 11 before its extension
//   11-30: 7 LT
//   12-31: 10, 12, 13 LT, 19, 20 LT, and 11 from 2023-10 (extended to 12月底前完成)
// Long-term: 1 4 5 6 7 9 13 18 20 = 9 (every 已完成并长期坚持 is among them).
//
// Status per period (T / F = 推进中 on schedule yes / no; 完 已完成;
// 长 已完成并长期坚持; 销 已销号; 未 未启动; * = overdue):
//   no | lead units     | cat | 2023-09 | 2023-10 | 2023-11
//    1 | 经发办          | cc  | 长      | 长      | 长
//    2 | 农业服务中心    | cc  | T       | 完      | 销
//    3 | 经发办          | cc  | 完      | 销      | 销
//    4 | 经发办          | cc  | 长      | 长      | 长
//    5 | 经发办          | cc  | 长      | 长      | 长
//    6 | 经发办          | tp  | 长      | 长      | 长
//    7 | 经发办          | tp  | T       | T       | 长
//    8 | 规建办          | tp  | F       | F (due today) | F*
//    9 | 经发办          | tp  | 长      | 长      | 长
//   10 | 社保所          | tp  | T       | T       | T
//   11 | 农业服务中心    | tp  | F       | T ext   | T ext
//   12 | 社保所          | tp  | T       | T       | T
//   13 | 规建办、经发办  | tp  | T       | T       | T
//   14 | 经发办          | fu  | T       | 完      | 销
//   15 | 经发办          | fu  | T       | 完      | 销
//   16 | 经发办          | fu  | T       | 完      | 完
//   17 | 经发办          | fu  | 完      | 销      | 销
//   18 | 党群办          | re  | 长      | 长      | 长
//   19 | 党群办          | re  | T       | T       | T
//   20 | 水利办          | re  | 未      | T       | T
//   21 | 党群办、经发办  | re  | 完      | 销      | 销
//
// Totals:                 2023-09         2023-10          2023-11
//   未/推/完/长/销        1/11/3/6/0      0/8/4/6/3        0/7/1/7/6
//   completed             9               13               14
//   closed                0               3                6
//   on schedule / behind  9 / 2           7 / 1            6 / 1
//   overdue               0               0                1 (8)
//   due (≤ as-of)         8 (07-31 ones)  14 (+2 8 14 15 16 17)  15 (+7)
//   due completed         8               13 (not 8)       14 (not 8)
//   completion rate       9/21 = 42.9%    13/21 = 61.9%    14/21 = 66.7%
//   到期任务完成率         8/8 = 100.0%    13/14 = 92.9%    14/15 = 93.3%
//   colours g/r/y/b/none  9/0/2/0/10      13/0/1/0/7       14/1/0/0/6
// (no blue: nothing undone is due within 7 days of any as-of date; on 10-31
// problem 8 is due that day but yellow wins.)
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { formatPercent, type Tally } from '../../src/derive/statistics.js';
import type { Progress } from '../../src/model/progress-schema.js';

let folder: PlanFolder;

beforeAll(async () => {
  const loaded = await loadPlanFolder('data/guanyang-2022');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  folder = loaded.folder;
});

function progressOf(period: string): Progress {
  const found = folder.progress.find((p) => p.data.period === period);
  if (!found) throw new Error(`no progress for ${period}`);
  return found.data;
}

function view(period: string, previous?: string): PeriodView {
  const result = derivePeriod(folder.plan, progressOf(period), previous ? progressOf(previous) : undefined);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

function numbers(v: PeriodView, test: (row: PeriodView['rows'][number]) => boolean): number[] {
  return v.rows.filter(test).map((r) => r.problem.number);
}

/** The parts of a tally that the hand tables above give, with rates formatted. */
function summary(t: Tally) {
  return {
    total: t.total,
    byStatus: Object.values(t.byStatus).join('/'),
    completed: t.completed,
    closed: t.closed,
    onSchedule: t.inProgressOnSchedule,
    behind: t.inProgressBehind,
    overdue: t.overdue,
    due: `${t.dueCompleted}/${t.due}`,
    rate: formatPercent(t.completionRate),
    dueRate: formatPercent(t.dueCompletionRate),
  };
}

describe('sample 2023-09 (as of 2023-09-30, first period)', () => {
  it('pins the totals', () => {
    const s = view('2023-09').statistics;
    expect(summary(s)).toEqual({
      total: 21, byStatus: '1/11/3/6/0', completed: 9, closed: 0, onSchedule: 9, behind: 2,
      overdue: 0, due: '8/8', rate: '42.9%', dueRate: '100.0%',
    });
    expect(s.notStarted).toBe(1);
    expect(s.inProgress).toBe(11);
    expect(s.inProgressUnreported).toBe(0);
    expect(s.longTerm).toBe(9);
    expect(s.colours).toEqual({ green: 9, red: 0, yellow: 2, blue: 0, none: 10 });
    expect(s.completionRate).toEqual({ numerator: 9, denominator: 21, value: 9 / 21 });
  });
  it('colours 8 and 11 yellow (推进中, not on schedule) and nothing red', () => {
    const v = view('2023-09');
    expect(numbers(v, (r) => r.state.colour === 'yellow')).toEqual([8, 11]);
    expect(numbers(v, (r) => r.state.colour === 'green')).toEqual([1, 3, 4, 5, 6, 9, 17, 18, 21]);
  });
  it('has no changes without a previous period', () => {
    expect(view('2023-09').changes).toEqual({ since: null, newlyCompleted: [], newlyClosed: [], newlyOverdue: [] });
  });
  it('pins the lead-unit rows', () => {
    const rows = view('2023-09').statistics.byLeadUnit.map((r) => [r.unit.name, summary(r)]);
    expect(rows).toEqual([
      ['经发办', { total: 13, byStatus: '0/5/3/5/0', completed: 8, closed: 0, onSchedule: 5, behind: 0, overdue: 0, due: '7/7', rate: '61.5%', dueRate: '100.0%' }],
      ['农业服务中心', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 1, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
      ['规建办', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 1, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
      ['社保所', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 2, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
      ['党群办', { total: 3, byStatus: '0/1/1/1/0', completed: 2, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '2/2', rate: '66.7%', dueRate: '100.0%' }],
      ['水利办', { total: 1, byStatus: '1/0/0/0/0', completed: 0, closed: 0, onSchedule: 0, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
    ]);
  });
  it('pins the category rows (the empty 东西部协作 category is left out)', () => {
    const rows = view('2023-09').statistics.byCategory.map((r) => [r.category.id, summary(r)]);
    expect(rows).toEqual([
      ['cross-check', { total: 5, byStatus: '0/1/1/3/0', completed: 4, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '4/4', rate: '80.0%', dueRate: '100.0%' }],
      ['third-party', { total: 8, byStatus: '0/6/0/2/0', completed: 2, closed: 0, onSchedule: 4, behind: 2, overdue: 0, due: '2/2', rate: '25.0%', dueRate: '100.0%' }],
      ['funds', { total: 4, byStatus: '0/3/1/0/0', completed: 1, closed: 0, onSchedule: 3, behind: 0, overdue: 0, due: '0/0', rate: '25.0%', dueRate: '—' }],
      ['recognition', { total: 4, byStatus: '1/1/1/1/0', completed: 2, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '2/2', rate: '50.0%', dueRate: '100.0%' }],
    ]);
  });
});

describe('sample 2023-10 (as of 2023-10-31)', () => {
  it('pins the totals', () => {
    const s = view('2023-10', '2023-09').statistics;
    expect(summary(s)).toEqual({
      total: 21, byStatus: '0/8/4/6/3', completed: 13, closed: 3, onSchedule: 7, behind: 1,
      overdue: 0, due: '13/14', rate: '61.9%', dueRate: '92.9%',
    });
    expect(s.longTerm).toBe(9);
    expect(s.colours).toEqual({ green: 13, red: 0, yellow: 1, blue: 0, none: 7 });
  });
  it('does not count problem 8 overdue on its due day 2023-10-31', () => {
    const row = view('2023-10').rows.find((r) => r.problem.number === 8)!;
    expect(row.state.deadline?.due).toBe('2023-10-31');
    expect(row.state.daysToDue).toBe(0);
    expect(row.state.overdue).toBe(false);
    expect(row.state.colour).toBe('yellow');
  });
  it('moves problem 11 to its extension (2023-12-31) and out of the due count', () => {
    const row = view('2023-10').rows.find((r) => r.problem.number === 11)!;
    expect(row.state.extended).toBe(true);
    expect(row.state.deadline?.phrase).toBe('12月底前完成');
    expect(row.state.deadline?.due).toBe('2023-12-31');
    expect(row.state.daysToDue).toBe(61);
    expect(row.state.colour).toBeNull();
  });
  it('reports the changes since 2023-09', () => {
    expect(view('2023-10', '2023-09').changes).toEqual({
      since: '2023-09', newlyCompleted: [2, 14, 15, 16], newlyClosed: [3, 17, 21], newlyOverdue: [],
    });
  });
  it('pins the lead-unit rows', () => {
    const rows = view('2023-10').statistics.byLeadUnit.map((r) => [r.unit.name, summary(r)]);
    expect(rows).toEqual([
      ['经发办', { total: 13, byStatus: '0/2/3/5/3', completed: 11, closed: 3, onSchedule: 2, behind: 0, overdue: 0, due: '11/11', rate: '84.6%', dueRate: '100.0%' }],
      ['农业服务中心', { total: 2, byStatus: '0/1/1/0/0', completed: 1, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '1/1', rate: '50.0%', dueRate: '100.0%' }],
      ['规建办', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 1, overdue: 0, due: '0/1', rate: '0.0%', dueRate: '0.0%' }],
      ['社保所', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 2, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
      ['党群办', { total: 3, byStatus: '0/1/0/1/1', completed: 2, closed: 1, onSchedule: 1, behind: 0, overdue: 0, due: '2/2', rate: '66.7%', dueRate: '100.0%' }],
      ['水利办', { total: 1, byStatus: '0/1/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
    ]);
  });
  it('pins the category rows', () => {
    const rows = view('2023-10').statistics.byCategory.map((r) => [r.category.id, summary(r)]);
    expect(rows).toEqual([
      ['cross-check', { total: 5, byStatus: '0/0/1/3/1', completed: 5, closed: 1, onSchedule: 0, behind: 0, overdue: 0, due: '5/5', rate: '100.0%', dueRate: '100.0%' }],
      ['third-party', { total: 8, byStatus: '0/6/0/2/0', completed: 2, closed: 0, onSchedule: 5, behind: 1, overdue: 0, due: '2/3', rate: '25.0%', dueRate: '66.7%' }],
      ['funds', { total: 4, byStatus: '0/0/3/0/1', completed: 4, closed: 1, onSchedule: 0, behind: 0, overdue: 0, due: '4/4', rate: '100.0%', dueRate: '100.0%' }],
      ['recognition', { total: 4, byStatus: '0/2/0/1/1', completed: 2, closed: 1, onSchedule: 2, behind: 0, overdue: 0, due: '2/2', rate: '50.0%', dueRate: '100.0%' }],
    ]);
  });
});

describe('sample 2023-11 (as of 2023-11-30)', () => {
  it('pins the totals', () => {
    const s = view('2023-11', '2023-10').statistics;
    expect(summary(s)).toEqual({
      total: 21, byStatus: '0/8/1/7/5', completed: 13, closed: 5, onSchedule: 7, behind: 1,
      overdue: 1, due: '13/14', rate: '61.9%', dueRate: '92.9%',
    });
    expect(s.longTerm).toBe(9);
    expect(s.colours).toEqual({ green: 13, red: 1, yellow: 0, blue: 1, none: 6 });
  });
  it('reopens problem 21, closed in October, found come back (反弹) by the 2023-11-20 回头看', () => {
    const v = view('2023-11', '2023-10');
    const row = v.rows.find((r) => r.problem.number === 21)!;
    // Not completed in this period's statistics, round 2, its new deadline 12月5日 five days away: blue.
    expect([row.state.status, row.state.completed, row.round, row.reopened, row.state.colour]).toEqual(['推进中', false, 2, true, 'blue']);
    expect(row.state.deadline?.due).toBe('2023-12-05');
    // Its first closure stays in October's file.
    expect(progressOf('2023-10').problems.find((p) => p.number === 21)!.closure?.date).toBe('2023-10-16');
    // 2023-11 records 9 回头看: 1, 3, 4, 5, 6, 9, 17, 18 巩固, 21 反弹.
    expect(v.reviews).toEqual({ records: 9, problems: 9, consolidated: 8, reopened: 1 });
    expect(v.rows.filter((r) => r.round > 1).map((r) => r.problem.number)).toEqual([21]);
  });
  it('makes problem 8 overdue and red (due 2023-10-31)', () => {
    const row = view('2023-11').rows.find((r) => r.problem.number === 8)!;
    expect(row.state.overdue).toBe(true);
    expect(row.state.daysToDue).toBe(-30);
    expect(row.state.colour).toBe('red');
  });
  it('keeps problem 11 in time: its original 10月底 has passed but the extension runs to 12月底', () => {
    const row = view('2023-11').rows.find((r) => r.problem.number === 11)!;
    expect(row.problem.deadline).toBe('10月底前完成');
    expect(row.state.deadline?.due).toBe('2023-12-31');
    expect(row.state.overdue).toBe(false);
    expect(row.state.daysToDue).toBe(31);
  });
  it('counts problem 7, due on the as-of date and completed, as due and completed', () => {
    const row = view('2023-11').rows.find((r) => r.problem.number === 7)!;
    expect(row.state.daysToDue).toBe(0);
    expect(row.state.completed).toBe(true);
  });
  it('reports the changes since 2023-10', () => {
    expect(view('2023-11', '2023-10').changes).toEqual({
      since: '2023-10', newlyCompleted: [7], newlyClosed: [2, 14, 15], newlyOverdue: [8],
    });
  });
  it('pins the lead-unit rows (13 and 21 in both of their units, once in the totals)', () => {
    const s = view('2023-11').statistics;
    const rows = s.byLeadUnit.map((r) => [r.unit.name, summary(r)]);
    expect(rows).toEqual([
      ['经发办', { total: 13, byStatus: '0/2/1/6/4', completed: 11, closed: 4, onSchedule: 2, behind: 0, overdue: 0, due: '11/11', rate: '84.6%', dueRate: '100.0%' }],
      ['农业服务中心', { total: 2, byStatus: '0/1/0/0/1', completed: 1, closed: 1, onSchedule: 1, behind: 0, overdue: 0, due: '1/1', rate: '50.0%', dueRate: '100.0%' }],
      ['规建办', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 1, overdue: 1, due: '0/1', rate: '0.0%', dueRate: '0.0%' }],
      ['社保所', { total: 2, byStatus: '0/2/0/0/0', completed: 0, closed: 0, onSchedule: 2, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
      ['党群办', { total: 3, byStatus: '0/2/0/1/0', completed: 1, closed: 0, onSchedule: 2, behind: 0, overdue: 0, due: '1/1', rate: '33.3%', dueRate: '100.0%' }],
      ['水利办', { total: 1, byStatus: '0/1/0/0/0', completed: 0, closed: 0, onSchedule: 1, behind: 0, overdue: 0, due: '0/0', rate: '0.0%', dueRate: '—' }],
    ]);
    // 13 + 2 + 2 + 2 + 3 + 1 = 23 = 21 problems + the second lead units of 13 and 21.
    expect(s.byLeadUnit.reduce((sum, r) => sum + r.total, 0)).toBe(23);
    expect(s.total).toBe(21);
  });
  it('pins the category rows', () => {
    const rows = view('2023-11').statistics.byCategory.map((r) => [r.category.id, summary(r)]);
    expect(rows).toEqual([
      ['cross-check', { total: 5, byStatus: '0/0/0/3/2', completed: 5, closed: 2, onSchedule: 0, behind: 0, overdue: 0, due: '5/5', rate: '100.0%', dueRate: '100.0%' }],
      ['third-party', { total: 8, byStatus: '0/5/0/3/0', completed: 3, closed: 0, onSchedule: 4, behind: 1, overdue: 1, due: '3/4', rate: '37.5%', dueRate: '75.0%' }],
      ['funds', { total: 4, byStatus: '0/0/1/0/3', completed: 4, closed: 3, onSchedule: 0, behind: 0, overdue: 0, due: '4/4', rate: '100.0%', dueRate: '100.0%' }],
      ['recognition', { total: 4, byStatus: '0/3/0/1/0', completed: 1, closed: 0, onSchedule: 3, behind: 0, overdue: 0, due: '1/1', rate: '25.0%', dueRate: '100.0%' }],
    ]);
  });
  it('names the first-listed lead unit as the reporting unit', () => {
    const v = view('2023-11');
    expect(v.rows.find((r) => r.problem.number === 13)!.reportingUnit).toBe('规建办');
    expect(v.rows.find((r) => r.problem.number === 21)!.reportingUnit).toBe('党群办');
  });
});
