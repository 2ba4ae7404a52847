// The task table's cells and its width allocation, from the plan alone: what
// compose/task-table.ts builds the table's model from, and what the checker
// needs to tell, before any file is written, that a problem's row in the Excel
// task table will be taller than a page (check/rules/task-table-row-height.ts).
// One source for both, so the check and the documents agree.

import { measuresText } from '../model/measures.js';
import type { Plan, Problem, TableColumn, TableField } from '../model/plan-schema.js';
import { STATUS_WORDS, TABLE_FIELD_KINDS, type BodyCell, type BodyRow } from '../model/document/task-table.js';
import { DEFAULT_TASK_TABLE_COLUMNS } from '../model/vocabulary.js';
import { categoryOf, hasCategories } from '../model/plan-categories.js';
import { numberBesideCategory, shownNumber } from '../model/numbering.js';
import { WORD_LANDSCAPE_TABLE_FITS, fitTable, type ColumnKind, type FittedTable, type TableFit, type WidthColumn } from '../layout/table-widths.js';
import { ZIHAO_PT } from '../layout/gbt9704.js';
import { EXCEL_MAX_ROW_HEIGHT_PT, XLSX_LINE_PITCH_RATIO_SANS, XLSX_PAGE_FILL_RATIO, XLSX_TYPE_AREA_PT, xlsxLineEm, xlsxRowHeightPt, xlsxTaskTableWidthsPt } from '../layout/excel.js';
import { wrappedLineCount } from '../layout/text-width.js';
import { unitsText } from './units.js';

/**
 * The text a problem shows in a column of the task table (or of a table
 * built like it: the report's progress table, the ledger). The number is the
 * one within the category when the category is beside it (`besideCategory`;
 * by default, when the table has a category column), else the shown number
 * (model/numbering.ts; the two are the same for a plan numbered plan-wide).
 */
export function fieldText(plan: Plan, problem: Problem, field: TableField, besideCategory = hasCategoryColumn(plan)): string {
  switch (field) {
    case 'category':
      return categoryOf(plan, problem)?.label ?? problem.category ?? '';
    case 'number':
      return besideCategory ? numberBesideCategory(problem) : shownNumber(problem);
    case 'measures':
      return measuresText(problem.measures);
    case 'leadUnits':
      return unitsText(problem.leadUnits);
    case 'cooperatingUnits':
      return unitsText(problem.cooperatingUnits);
    case 'summary':
    case 'deadline':
      return problem[field];
    case 'target':
    case 'responsibleLeader':
    case 'responsiblePerson':
    case 'completionStandard':
    case 'remarks':
      return problem[field] ?? '';
  }
}

/** True when the plan's table has a category column (each row's number then stands beside its category). */
export function hasCategoryColumn(plan: Pick<Plan, 'categories' | 'tableColumns'>): boolean {
  return planTableColumns(plan).some((c) => c.field === 'category');
}

/** Fields whose equal neighbours merge into one cell down the table. */
export const MERGED_FIELDS: ReadonlySet<TableField> = new Set(['category']);

/** Problems in the order the data lists them; a merged column spans runs of one category. */
export function mergeRows(problems: readonly Problem[], merged: readonly boolean[], texts: readonly (readonly string[])[]): BodyRow[] {
  const cells: BodyCell[][] = texts.map((row) => row.map((text) => ({ kind: 'text', text, rowSpan: 1 }) as BodyCell));
  merged.forEach((isMerged, c) => {
    if (!isMerged) return;
    let start = 0;
    for (let r = 1; r <= problems.length; r += 1) {
      const sameRun = r < problems.length && problems[r]!.category === problems[start]!.category;
      if (sameRun) continue;
      cells[start]![c] = { kind: 'text', text: texts[start]![c]!, rowSpan: r - start };
      for (let k = start + 1; k < r; k += 1) cells[k]![c] = { kind: 'covered' };
      start = r;
    }
  });
  return problems.map((p, r) => ({ problemNumber: p.number, shownNumber: shownNumber(p), cells: cells[r]! }));
}

/** What the width allocation needs of a column. */
export interface WidthSpec {
  readonly header: string;
  readonly kind: ColumnKind;
  /** A share of 100 the plan gives (TableColumn.width). */
  readonly width?: number;
}

/** The columns as the width allocation sees them: kind, header, cells, the names kept whole, a share the plan gives. */
export function widthColumns(specs: readonly WidthSpec[], rows: readonly BodyRow[], units: readonly string[]): WidthColumn[] {
  // Every column has its share when the plan gives all of them; else the given shares are kept and the rest estimated.
  const allGiven = specs.every((s) => s.width !== undefined);
  const givenTotal = specs.reduce((a, s) => a + (s.width ?? 0), 0);
  return specs.map((spec, c) => ({
    kind: spec.kind,
    header: spec.header,
    cells: rows.map((row) => {
      const cell = row.cells[c]!;
      return cell.kind === 'text' ? { text: cell.text, rowSpan: cell.rowSpan } : undefined;
    }),
    keep: spec.kind === 'status' ? STATUS_WORDS : units,
    ...(spec.width === undefined ? {} : { share: allGiven ? spec.width / givenTotal : spec.width / 100 }),
  }));
}

/** The plan's unit names, kept whole wherever they are printed. */
export function unitNames(plan: Plan): string[] {
  return plan.units.map((u) => u.name);
}

/**
 * The plan's task-table columns (plan.tableColumns, else the bundled plan's
 * seven). A plan without categories has no category column, whatever the
 * columns list (`check` refuses a category column such a plan lists:
 * `category-column-without-categories`).
 */
export function planTableColumns(plan: Pick<Plan, 'categories' | 'tableColumns'>): readonly TableColumn[] {
  const columns = plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS;
  return hasCategories(plan) ? columns : columns.filter((c) => c.field !== 'category');
}

/**
 * The sizes a plan's Word tables may be set at: the one the office chose
 * (plan.tableTypeSize), else 小四, 五号, 小五 in turn (WORD_LANDSCAPE_TABLE_FITS).
 * At a chosen size that the columns do not fit with every word whole, words
 * may be cut (fitTable's later tiers) rather than the type made smaller.
 */
export function wordTableFits(plan: Pick<Plan, 'tableTypeSize'>): readonly TableFit[] {
  if (plan.tableTypeSize === undefined) return WORD_LANDSCAPE_TABLE_FITS;
  const sizePt = ZIHAO_PT[plan.tableTypeSize];
  return WORD_LANDSCAPE_TABLE_FITS.filter((fit) => fit.sizePt === sizePt);
}

/** The task table as the `table` command makes it: its rows and its fitted widths (Word's fits, which the Excel table shares). */
export function taskTableLayout(plan: Plan): { columns: readonly TableColumn[]; rows: BodyRow[]; fitted: FittedTable } {
  const columns = planTableColumns(plan);
  const texts = plan.problems.map((problem) => columns.map((c) => fieldText(plan, problem, c.field)));
  const rows = mergeRows(
    plan.problems,
    columns.map((c) => MERGED_FIELDS.has(c.field)),
    texts,
  );
  const specs = columns.map((c) => ({ header: c.header, kind: TABLE_FIELD_KINDS[c.field], ...(c.width === undefined ? {} : { width: c.width }) }));
  return { columns, rows, fitted: fitTable(widthColumns(specs, rows, unitNames(plan)), wordTableFits(plan)) };
}

/**
 * Each problem's row height in the Excel task table, as its writer sets it
 * (render/xlsx/task-table.ts: the Word grid's widths, narrowed for LibreOffice, the cells'
 * lines at the table's size), and the body's room on a printed page under the
 * repeated header rows. The writer is what reports the exact figures; this is
 * the same computation from the plan, for the checker.
 */
export function xlsxTaskTableRowHeights(plan: Plan): { sizePt: number; heightsPt: number[]; pagePt: number; maxRowPt: number } {
  const { columns, rows, fitted } = taskTableLayout(plan);
  const sizePt = fitted.fit.sizePt;
  const widthsPt = xlsxTaskTableWidthsPt(fitted.allocation.widthsEm);
  const lineEm = widthsPt.map((w) => xlsxLineEm(w, sizePt));
  const heightsPt = rows.map((row) => {
    let lines = 1;
    row.cells.forEach((cell, c) => {
      if (cell.kind === 'text' && cell.rowSpan === 1) lines = Math.max(lines, wrappedLineCount(cell.text, lineEm[c]!));
    });
    return xlsxRowHeightPt(lines, sizePt);
  });
  // The header rows: a grouped header is two rows, each as tall as its tallest wrapped 黑体 header.
  const headerRows = columns.some((c) => c.group !== undefined) ? 2 : 1;
  const headerLines = Math.max(1, ...columns.map((c, i) => wrappedLineCount(c.header, lineEm[i]!)));
  const headerPt = headerRows * xlsxRowHeightPt(headerLines, sizePt, XLSX_LINE_PITCH_RATIO_SANS);
  const pagePt = (XLSX_TYPE_AREA_PT.A4.height * XLSX_PAGE_FILL_RATIO) / fitted.fit.scale - headerPt;
  return { sizePt, heightsPt, pagePt, maxRowPt: EXCEL_MAX_ROW_HEIGHT_PT };
}
