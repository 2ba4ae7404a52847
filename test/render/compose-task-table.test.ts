import { describe, expect, it } from 'vitest';
import { composeTaskTable, estimateWidthsEm, fieldText } from '../../src/compose/task-table.js';
import { DEFAULT_TASK_TABLE_COLUMNS } from '../../src/model/vocabulary.js';
import { longestTokenEm, textWidthEm, wrapLines, wrappedLineCount } from '../../src/layout/text-width.js';
import { landscapeTableTextWidthEm, wrapsBetweenWords } from '../../src/layout/table-widths.js';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';

describe('text width', () => {
  it('counts CJK as one em and ASCII as half', () => {
    expect(textWidthEm('整改')).toBe(2);
    expect(textWidthEm('2023年')).toBe(3);
    expect(textWidthEm('，。（）')).toBe(4);
  });

  it('wraps greedily, keeps half-width words whole, honours newlines', () => {
    expect(wrapLines('一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrapLines('发现\n问题方式', 10)).toEqual(['发现', '问题方式']);
    // 2023 between two Chinese characters is 2 em and an autospace of 0.2 em on each side: 2.4 em.
    expect(wrapLines('截至2023年', 3.4)).toEqual(['截至', '2023年']);
    expect(wrapLines('截至2023年', 3.3)).toEqual(['截至', '2023', '年']);
    expect(wrapLines('截至2023年', 2.5)).toEqual(['截至', '2023', '年']);
    expect(wrappedLineCount('', 5)).toBe(1);
    // PM2.5 is 2.5 em, and the autospace before 浓 (0.2 em).
    expect(longestTokenEm('PM2.5浓度')).toBeCloseTo(2.7, 9);
    expect(wrapLines('一二三四五六七', 3).join('')).toBe('一二三四五六七');
  });
});

describe('composeTaskTable', () => {
  const plan = syntheticPlan(21);
  const model = composeTaskTable(plan);

  it('uses the seed’s seven columns by default, 整改问题 over the first three', () => {
    expect(model.columns.map((c) => c.header)).toEqual(['发现\n问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(model.headerRowCount).toBe(2);
    expect(model.headerCells.filter((h) => h.row === 0).map((h) => [h.text, h.columnSpan, h.rowSpan])).toEqual([
      ['整改问题', 3, 1],
      ['整改措施', 1, 2],
      ['整改时限', 1, 2],
      ['牵头单位', 1, 2],
      ['配合单位', 1, 2],
    ]);
    expect(model.headerCells.filter((h) => h.row === 1).map((h) => h.column)).toEqual([0, 1, 2]);
  });

  it('has one body row per problem, in the data’s order, with the data’s texts', () => {
    expect(model.rows.map((r) => r.problemNumber)).toEqual(plan.problems.map((p) => p.number));
    model.rows.forEach((row, r) => {
      const p = plan.problems[r]!;
      const text = (c: number) => (row.cells[c]!.kind === 'text' ? (row.cells[c] as { text: string }).text : undefined);
      expect(text(1)).toBe(String(p.number));
      expect(text(2)).toBe(p.summary);
      expect(text(5)).toBe(p.leadUnits.join('、'));
      expect(text(6)).toBe(p.cooperatingUnits.join('、'));
      expect(text(4)).toBe(p.deadline);
    });
  });

  it('merges the category cell over consecutive problems of one category', () => {
    const spans = model.rows.flatMap((row, r) => (row.cells[0]!.kind === 'text' ? [[r, (row.cells[0] as { rowSpan: number }).rowSpan]] : []));
    const covered = model.rows.filter((row) => row.cells[0]!.kind === 'covered').length;
    expect(spans.reduce((sum, [, span]) => sum + span!, 0)).toBe(21);
    expect(spans.length + covered).toBe(21);
    expect(spans.length).toBe(new Set(plan.problems.map((p) => p.category)).size);
    const first = model.rows[0]!.cells[0] as { text: string };
    expect(first.text).toBe(plan.categories.find((c) => c.id === plan.problems[0]!.category)!.label);
  });

  it('does not merge a category that comes back after another one', () => {
    const p = syntheticPlan(4, { categories: 2 });
    const problems = [p.problems[0]!, p.problems[2]!, p.problems[1]!, p.problems[3]!];
    const m = composeTaskTable({ ...p, problems });
    expect(m.rows.map((r) => r.cells[0]!.kind)).toEqual(['text', 'text', 'text', 'text']);
  });

  it('prints measures 一是…二是… and one measure plainly', () => {
    const many = plan.problems.find((p) => p.measures.length > 1)!;
    const one = plan.problems.find((p) => p.measures.length === 1)!;
    expect(fieldText(plan, many, 'measures').startsWith('一是')).toBe(true);
    expect(fieldText(plan, one, 'measures')).toBe(one.measures[0]);
  });

  it('gives long-text columns more width than short ones, within the em the table holds at its size', () => {
    const w = Object.fromEntries(model.columns.map((c) => [c.field, c.weight]));
    expect(w.measures!).toBeGreaterThan(w.deadline!);
    expect(w.summary!).toBeGreaterThan(w.number!);
    expect(model.columns.reduce((s, c) => s + c.weight, 0)).toBeLessThanOrEqual(landscapeTableTextWidthEm(7, model.cellSizePt));
  });

  it('keeps every header wrapping between its words in the estimate', () => {
    const widths = estimateWidthsEm(DEFAULT_TASK_TABLE_COLUMNS, model.rows, 46);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(46);
    DEFAULT_TASK_TABLE_COLUMNS.forEach((c, i) => {
      for (const line of c.header.split('\n')) expect(wrapsBetweenWords(line, widths[i]!), `${line} at ${widths[i]}`).toBe(true);
    });
  });

  it('takes given widths as they are (shares of the table), and shares the rest among the others', () => {
    const cols = DEFAULT_TASK_TABLE_COLUMNS.map((c) => ({ ...c, width: c.field === 'measures' ? 40 : 10 }));
    const fixed = composeTaskTable(syntheticPlan(5, { tableColumns: cols }));
    const total = fixed.columns.reduce((s, c) => s + c.weight, 0);
    expect(fixed.columns.map((c) => Math.round((100 * c.weight) / total))).toEqual([10, 10, 10, 40, 10, 10, 10]);
    const partly = DEFAULT_TASK_TABLE_COLUMNS.map((c) => (c.field === 'measures' ? { ...c, width: 50 } : c));
    const mixed = composeTaskTable(syntheticPlan(5, { tableColumns: partly }));
    const available = landscapeTableTextWidthEm(7, mixed.cellSizePt);
    expect(mixed.columns[3]!.weight).toBeCloseTo(available / 2, 6);
    expect(mixed.columns.reduce((s, c) => s + c.weight, 0)).toBeLessThanOrEqual(available + 1e-9);
  });

  it('follows plan.tableColumns with no code change: other fields, one header row when no group', () => {
    const other = composeTaskTable(syntheticPlan(6, { tableColumns: OTHER_COLUMNS, extraFields: true }));
    expect(other.columns.map((c) => c.field)).toEqual(OTHER_COLUMNS.map((c) => c.field));
    expect(other.headerCells.find((h) => h.text === '责任分工')).toMatchObject({ row: 0, column: 5, columnSpan: 3 });
    const flat = composeTaskTable(syntheticPlan(3, { tableColumns: OTHER_COLUMNS.map(({ group: _g, ...c }) => c), extraFields: true }));
    expect(flat.headerRowCount).toBe(1);
    expect(flat.headerCells.every((h) => h.row === 0 && h.rowSpan === 1)).toBe(true);
  });

  it('uses attachmentTitleLines when given, and the notice date', () => {
    const m = composeTaskTable(syntheticPlan(2, { titleLines: ['东河镇问题整改', '任务分解和责任分工表'] }));
    expect(m.titleLines).toEqual(['东河镇问题整改', '任务分解和责任分工表']);
    expect(m.date).toBe('2023-06-15');
    expect(m.label).toBe('附件');
  });
});
