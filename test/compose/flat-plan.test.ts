// A plan without categories (test/fixtures/plans/flat: 石桥镇, five problems
// of a 巡察 feedback, no categories): every composer leaves the category out —
// no column, no heading, no breakdown, no 问题来源 row — rather than print it
// empty (docs/domain.md#categories). A categorised plan with a problem left
// without a category is refused rather than printed without it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeClosureForms, printClosureForm } from '../../src/compose/closure-forms.js';
import { composeLedger } from '../../src/compose/ledger.js';
import { composeNotice, planTemplateContext } from '../../src/compose/notice.js';
import { printedCategories } from '../../src/compose/plan-context.js';
import { composeProgressTable } from '../../src/compose/progress-table.js';
import { composeReport, reportTemplateContext } from '../../src/compose/report.js';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { taskTableLayout } from '../../src/derive/task-table-layout.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import type { Block } from '../../src/model/document/official-document.js';
import type { TaskTableModel } from '../../src/model/document/task-table.js';
import { planSchema, type Plan } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress } from '../../src/model/progress-schema.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';

const FIXTURE = 'test/fixtures/plans/flat';
const json = (file: string): unknown => JSON.parse(readFileSync(`${FIXTURE}/${file}`, 'utf8'));
const plan: Plan = planSchema.parse(json('plan.json'));
const may: Progress = progressSchema.parse(json('progress/2024-05.json'));
const june: Progress = progressSchema.parse(json('progress/2024-06.json'));

let templates: TemplateSet;
let view: PeriodView;
beforeAll(async () => {
  templates = await loadTemplates();
  const result = derivePeriod(plan, june, may);
  if (!result.ok) throw new Error(result.message);
  view = result.view;
});

/** Every field and header a table shows, by column. */
function columnFields(table: TaskTableModel): (string | undefined)[] {
  return table.columns.map((c) => c.field ?? c.key);
}

/** No header cell and no body cell empty, but 配合单位, which a problem may lack in any plan (problem 4). */
function noEmptyCell(table: TaskTableModel): void {
  for (const h of table.headerCells) expect(h.text.trim(), 'header cell').not.toBe('');
  for (const [c, column] of table.columns.entries()) {
    if (column.field === 'cooperatingUnits') continue;
    for (const row of table.rows) {
      const cell = row.cells[c]!;
      expect(cell.kind === 'text' && cell.text.trim() !== '', `${column.header} of problem ${row.problemNumber}`).toBe(true);
    }
  }
}

describe('a plan without categories', () => {
  it('is read with no categories and problems without one', () => {
    expect(plan.categories).toEqual([]);
    expect(plan.problems.map((p) => p.category)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(plan.tableColumns).toBeUndefined();
  });

  it('task table: the default columns less the category, 整改问题 over 序号 and 问题简述, one row a problem, nothing merged', () => {
    const table = composeTaskTable(plan);
    expect(columnFields(table)).toEqual(['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits']);
    expect(table.headerCells.filter((h) => h.row === 0).map((h) => [h.text, h.columnSpan])).toEqual([
      ['整改问题', 2],
      ['整改措施', 1],
      ['整改时限', 1],
      ['牵头单位', 1],
      ['配合单位', 1],
    ]);
    expect(table.rows.map((r) => r.problemNumber)).toEqual([1, 2, 3, 4, 5]);
    for (const row of table.rows) for (const cell of row.cells) expect(cell).toMatchObject({ kind: 'text', rowSpan: 1 });
    noEmptyCell(table);
    // The checker's layout (task-table-row-height) sees the same columns.
    expect(taskTableLayout(plan).columns.map((c) => c.field)).toEqual(['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits']);
  });

  it('task table: a category column the plan lists is left out too (check refuses it first: category-column-without-categories)', () => {
    const listed: Plan = { ...plan, tableColumns: [{ field: 'category', header: '问题来源' }, { field: 'number', header: '序号' }, { field: 'summary', header: '问题' }] };
    expect(columnFields(composeTaskTable(listed))).toEqual(['number', 'summary']);
    const report: Plan = { ...plan, reportColumns: [{ field: 'category' }, { field: 'number' }, { field: 'summary' }, { field: 'status' }] };
    expect(columnFields(composeProgressTable(report, view, { title: '表', date: '2024-07-02' }))).toEqual(['number', 'summary', 'status']);
  });

  it('notice: the problems straight under the problems heading, no level-2 heading, no empty heading anywhere', () => {
    expect(printedCategories(plan)).toEqual([]);
    expect(planTemplateContext(plan).problems.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5']); // numbers as printed
    const doc = composeNotice(plan, templates);
    const body: readonly Block[] = doc.enclosures[0]!.body;
    const headings = body.flatMap((b) => (b.kind === 'heading' ? [[b.level, b.text]] : []));
    expect(headings).toEqual([
      [1, '整改目标'],
      [1, '反馈问题及整改措施'],
      [1, '整改要求'],
    ]);
    const start = body.findIndex((b) => b.kind === 'heading' && b.text === '反馈问题及整改措施');
    const items = body.slice(start + 1, start + 11).map((b) => (b.kind === 'paragraph' ? b.text : `<${b.kind}>`));
    expect(items.filter((_, i) => i % 2 === 0)).toEqual(plan.problems.map((p) => `${p.number}．${p.summary}`));
    expect(items.filter((_, i) => i % 2 === 1).every((t) => t.startsWith('整改措施：'))).toBe(true);
    for (const b of body) if (b.kind === 'heading' || b.kind === 'runIn') expect((b.kind === 'heading' ? b.text : b.heading).trim()).not.toBe('');
    const attachment = doc.attachments[0]!.content;
    expect(attachment.kind === 'taskTable' && columnFields(attachment.table)).toEqual(['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits']);
  });

  it('report: no categories in its context, no category label on a problem, its table without a category column', () => {
    const context = reportTemplateContext(plan, view, june.report!);
    expect(context.categories).toEqual([]);
    expect(context.problems.map((p) => p.categoryLabel)).toEqual([null, null, null, null, null]);
    const doc = composeReport(plan, view, june, templates);
    const table = doc.attachments[0]!.content;
    expect(table.kind).toBe('taskTable');
    if (table.kind === 'taskTable') expect(columnFields(table.table)).not.toContain('category');
    expect(JSON.stringify(doc)).not.toMatch(/发现问题方式|问题类别/);
  });

  it('statistics and ledger: no by-category breakdown, the by-unit table alone', () => {
    expect(view.statistics.byCategory).toEqual([]);
    const ledger = composeLedger(plan, view, [may, june], templates);
    expect(ledger.summary.tables.map((t) => t.caption)).toEqual(['按牵头单位统计']);
    expect(columnFields(ledger.main.table)).not.toContain('category');
    for (const sheet of ledger.units) expect(columnFields(sheet.table)).not.toContain('category');
    expect(JSON.stringify(ledger)).not.toMatch(/发现问题方式|问题类别/);
  });

  it('closure forms: no 问题来源 row; 牵头单位 beside the number, 完成时间 on its own row', () => {
    const forms = composeClosureForms(plan, view, [may, june]);
    expect(forms.map((f) => [f.number, f.kind, f.source])).toEqual([
      [1, 'blank', undefined],
      [2, 'blank', undefined],
      [4, 'filled', undefined],
    ]);
    for (const form of forms) {
      const { form: printed } = printClosureForm(form, templates);
      const labels = printed.rows.flatMap((r) => (r.kind === 'pair' ? [r.left[0], r.right[0]] : [r.label]));
      expect(labels).not.toContain('问题来源');
      expect(labels.slice(0, 2)).toEqual(['问题编号', '牵头单位']);
      expect(labels).toContain('完成时间');
      for (const row of printed.rows) if (row.kind === 'pair') for (const v of [row.left[1], row.right[1]]) expect(v.trim(), `${row.left[0]} / ${row.right[0]}`).not.toBe('');
    }
  });
});

describe('a plan that lists categories', () => {
  it('refuses to print a problem left without one (check reports it first: category-missing)', () => {
    const input = JSON.parse(readFileSync('test/fixtures/plans/ten-columns/plan.json', 'utf8'));
    delete input.problems[2].category;
    const mixed = planSchema.parse(input);
    expect(() => printedCategories(mixed)).toThrow(UserError);
    expect(() => printedCategories(mixed)).toThrow('问题 3 没有类别（category），而方案列了类别');
  });
});
