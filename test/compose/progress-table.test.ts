// The task table's options that the progress table and the ledger build on
// (extra columns, a plan column's text replaced, no merging, own title), and
// the two period tables themselves on a made-up plan.
import { describe, expect, test } from 'vitest';
import { composeLedgerTable, composeProgressTable, onScheduleText, reportTableDate, statusText, warningText } from '../../src/compose/progress-table.js';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { type BodyCell } from '../../src/model/document/task-table.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { planSchema, type Plan } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress } from '../../src/model/progress-schema.js';
import { syntheticPlan, syntheticPlanInput } from '../helpers/synthetic-plan.js';

const textOf = (cell: BodyCell | undefined) => (cell?.kind === 'text' ? cell.text : undefined);

function period(plan: Plan): { view: PeriodView; progress: Progress } {
  const progress = progressSchema.parse({
    period: '2023-08',
    asOf: '2023-08-31',
    problems: plan.problems.map((p, i) => {
      if (i === 0) return { number: p.number, status: '推进中', onSchedule: false, progress: '进展甲', reason: '原因甲', extension: { deadline: '12月底前完成', reason: '调整', approvedOn: '2023-08-01' } };
      if (i === 1) return { number: p.number, status: '已销号', progress: '进展乙', completedOn: '2023-07-01', evidence: ['2/a.txt'], closure: { date: '2023-08-05', approver: '王五', opinion: '同意。' } };
      return { number: p.number, status: '未启动' };
    }),
  });
  const result = derivePeriod(plan, progress);
  if (!result.ok) throw new Error(result.message);
  return { view: result.view, progress };
}

describe('composeTaskTable options', () => {
  const plan = syntheticPlan(6, { categories: 2 });

  test('extra columns come after the plan’s, with their own key, header group and texts; no field', () => {
    const model = composeTaskTable(plan, {
      extraColumns: [{ key: 'x', header: '额外', group: '组', align: 'center', text: (p) => `X${p.number}` }],
    });
    expect(model.columns.at(-1)).toMatchObject({ key: 'x', header: '额外', group: '组', align: 'center' });
    expect(model.columns.at(-1)).not.toHaveProperty('field');
    expect(model.columns[0]).toMatchObject({ key: 'category', field: 'category' });
    expect(model.rows.map((r) => textOf(r.cells.at(-1)))).toEqual(plan.problems.map((p) => `X${p.number}`));
    expect(model.headerCells.find((h) => h.text === '组')).toMatchObject({ row: 0, columnSpan: 1 });
  });

  test('fieldText replaces a plan column’s text; mergeCategories: false keeps one cell a row', () => {
    const model = composeTaskTable(plan, { fieldText: (p, field, text) => (field === 'deadline' ? `${text}!` : text), mergeCategories: false });
    expect(model.rows.map((r) => textOf(r.cells[4]))).toEqual(plan.problems.map((p) => `${p.deadline}!`));
    expect(model.rows.every((r) => r.cells[0]!.kind === 'text' && (r.cells[0] as { rowSpan: number }).rowSpan === 1)).toBe(true);
    expect(composeTaskTable(plan).rows.some((r) => r.cells[0]!.kind === 'covered')).toBe(true);
  });

  test('a title of its own (lines default to the title), and a date of its own', () => {
    const model = composeTaskTable(plan, { title: '进展情况表', date: '2023-09-04' });
    expect(model).toMatchObject({ title: '进展情况表', titleLines: ['进展情况表'], date: '2023-09-04' });
  });

  test('a table whose columns do not fit at 小四 is set smaller, down to 小五, rather than starving its columns', () => {
    const long = (n: number) => '字'.repeat(n);
    const wide = composeTaskTable(plan, {
      extraColumns: Array.from({ length: 3 }, (_, i) => ({ key: `t${i}`, header: `文字${i}`, align: 'justify' as const, kind: 'text' as const, text: () => long(60) })),
    });
    expect(wide.cellSizePt).toBeLessThan(12);
    for (const c of wide.columns.filter((c) => c.key.startsWith('t'))) expect(c.weight).toBeGreaterThanOrEqual(8);
    expect(composeTaskTable(syntheticPlan(3, { categories: 1 }), { textWidthEm: () => 40 }).cellSizePt).toBe(12);
  });
});

describe('the period tables', () => {
  const plan = syntheticPlan(4);
  const { view, progress } = period(plan);
  const row = (n: number) => view.rows.find((r) => r.problem.number === n)!;

  test('the report’s table: status with its mark and dates, progress with the reason, the extension in the deadline', () => {
    const model = composeProgressTable(plan, view, { title: '表', date: '2023-09-04' });
    expect(model.columns.map((c) => c.header)).toEqual(['序号', '问题简述', '牵头单位', '整改时限', '整改状态', '整改进展']);
    const cells = (n: number) => model.rows.find((r) => r.problemNumber === n)!.cells.map(textOf);
    expect(cells(1).slice(-2)).toEqual(['推进中（未达序时进度）', '进展甲。未完成原因：原因甲。']);
    expect(cells(1)[3]).toBe(`${plan.problems[0]!.deadline}\n已调整为\n12月底前完成`);
    expect(cells(2).slice(-2)).toEqual(['已销号\n7月1日完成\n8月5日销号', '进展乙。']);
    expect(cells(3).slice(-2)).toEqual([row(3).state.overdue ? '未启动（逾期）' : '未启动', '']);
  });

  test('the report’s table with the office’s columns: dates and the reason in their own columns, a date of another year in full', () => {
    const chosen: Plan = {
      ...plan,
      reportColumns: [{ field: 'number' }, { field: 'summary' }, { field: 'status', header: '状态' }, { field: 'onSchedule' }, { field: 'progress' }, { field: 'reason' }, { field: 'completedOn' }, { field: 'closedOn' }],
    };
    const model = composeProgressTable(chosen, view, { title: '表', date: '2023-09-04' });
    expect(model.columns.map((c) => c.header)).toEqual(['序号', '问题简述', '状态', '达到序\n时进度', '整改进展', '未完成\n原因', '完成时间', '销号日期']);
    const cells = (n: number) => model.rows.find((r) => r.problemNumber === n)!.cells.map(textOf);
    expect(cells(1).slice(2)).toEqual(['推进中（未达序时进度）', '否', '进展甲。', '原因甲。', '', '']);
    expect(cells(2).slice(2)).toEqual(['已销号', '', '进展乙。', '', '7月1日', '8月5日']);
    expect(reportTableDate('2022-12-05', '2023-08-31')).toBe('2022年12月5日');
    expect(reportTableDate(undefined, '2023-08-31')).toBe('');
  });

  test('reportColumns are checked: each field once, the plan’s before the period’s', () => {
    const parse = (reportColumns: unknown) => planSchema.safeParse({ ...syntheticPlanInput(2), reportColumns });
    expect(parse([{ field: 'number' }, { field: 'status' }]).success).toBe(true);
    const twice = parse([{ field: 'number' }, { field: 'number' }]);
    expect(twice.success).toBe(false);
    expect(twice.error!.issues[0]).toMatchObject({ path: ['reportColumns', 1, 'field'], message: '栏目“number”重复' });
    const late = parse([{ field: 'status' }, { field: 'summary' }]);
    expect(late.error!.issues[0]).toMatchObject({ path: ['reportColumns', 1, 'field'], message: '方案字段“summary”应排在本期字段（status）之前' });
    expect(parse([{ field: 'warning' }]).success).toBe(false);
    expect(parse([]).success).toBe(false);
  });

  test('the ledger’s table: one field a column, ISO dates, evidence cumulative, the colour as a word', () => {
    const model = composeLedgerTable(plan, view, [progress], { title: '台账', date: '2023-08-31' });
    expect(model.columns.slice(-10).map((c) => c.key)).toEqual(['status', 'onSchedule', 'progress', 'completedOn', 'evidence', 'reason', 'extension', 'closedOn', 'warning', 'round']);
    const cells = (n: number) => model.rows.find((r) => r.problemNumber === n)!.cells.map(textOf).slice(-10);
    expect(cells(1)).toEqual(['推进中', '否', '进展甲', '', '', '原因甲', '12月底前完成', '', warningText(row(1)), '1']);
    expect(cells(2)).toEqual(['已销号', '', '进展乙', '2023-07-01', '2/a.txt', '', '', '2023-08-05', '绿', '1']);
    expect(model.rows.every((r) => r.cells.every((c) => c.kind === 'text'))).toBe(true);
  });

  test('the marks: 逾期 for overdue, 未达序时进度 for behind, 是/否 only while in progress', () => {
    expect(statusText(row(1))).toBe('推进中（未达序时进度）');
    expect(onScheduleText(row(1))).toBe('否');
    expect(onScheduleText(row(2))).toBe('');
    const overdue = { ...row(1), state: { ...row(1).state, overdue: true } };
    expect(statusText(overdue)).toBe('推进中（逾期）');
  });
});
