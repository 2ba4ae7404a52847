// The task table as an Excel sheet: 附件 label, title, header rows, body.
// Rows are as tall as their wrapped text needs (Excel and exceljs cannot fit
// them), so nothing is clipped on screen or in print; a row that needs more
// than Excel's 409 pt is capped and reported.

import type { Plan } from '../../model/plan-schema.js';
import { type TaskTableModel } from '../../model/document/task-table.js';
import { TWIP_PER_PT, LANDSCAPE_TYPE_AREA_HEIGHT_MM, mmToPt } from '../../layout/gbt9704.js';
import {
  EXCEL_MAX_ROW_HEIGHT_PT,
  EXCEL_ROW_HEIGHT_STEP_PT,
  XLSX_MIN_LINES_PER_PART,
  XLSX_PAGE_FILL_RATIO,
  XLSX_SPLIT_MIN_PAGE_RATIO,
  XLSX_ROW_PADDING_PT,
  excelWidthFromPt,
} from '../../layout/excel.js';
import { landscapeColumnTwips, landscapeTableTextWidthEm } from '../../layout/table-widths.js';
import { safeSheetName } from './sheet-name.js';
import { paginate, partHeight, sliceText, wrapForColumn, type Layout, type PageMetrics, type Part } from './paginate.js';
import {
  LABEL_STYLE,
  SheetBuilder,
  TITLE_STYLE,
  address,
  bodyStyle,
  headerStyle,
  landscapeTablePage,
  linePitchPt,
  type RenderedXlsx,
  type XlsxWarning,
} from './sheet-builder.js';
import { writeXlsx, type XlsxCellStyle, type XlsxSheet } from '../../formats/xlsx/writer.js';

// Kept here for the modules and tests that import them from the task table.
export { address, type RenderedXlsx, type XlsxWarning } from './sheet-builder.js';

export const TASK_TABLE_SHEET_NAME = '任务分解和责任分工表';
/** Rows above the table: the 附件 label and the title. */
const LEAD_ROWS = 2;

/** The task table as an Excel workbook of one sheet, with the warnings found on the way (rows taller than Excel allows). */
export async function renderTaskTableXlsx(model: TaskTableModel): Promise<RenderedXlsx> {
  const { sheet, warnings } = taskTableSheet(model);
  const buffer = await writeXlsx({ sheets: [sheet], creator: 'zhenggai', title: model.title, date: model.date });
  return { buffer, warnings };
}

// --- sheet --------------------------------------------------------------------

/** The sheet description (pure): what writeXlsx writes, and the warnings found on the way. */
export function taskTableSheet(model: TaskTableModel, wantedName = TASK_TABLE_SHEET_NAME): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const name = safeSheetName(wantedName);
  const widthsPt = landscapeColumnTwips(model.columns.map((c) => c.weight)).map((t) => t / TWIP_PER_PT);
  const sheet = new SheetBuilder(name, widthsPt);
  addLead(sheet, model);
  addHeader(sheet, model);
  const rowBreaksAfter = addBody(sheet, model);
  const headerFirst = LEAD_ROWS + 1;
  const headerLast = LEAD_ROWS + model.headerRowCount;
  return {
    sheet: {
      name,
      columnWidths: widthsPt.map(excelWidthFromPt),
      rows: sheet.rows(),
      merges: sheet.merges,
      frozenRows: headerLast,
      rowBreaksAfter,
      page: landscapeTablePage('A4', { first: headerFirst, last: headerLast }),
    },
    warnings: sheet.warnings,
  };
}

function addLead(sheet: SheetBuilder, model: TaskTableModel): void {
  const last = sheet.columnCount - 1;
  sheet.place(0, 0, 0, 0, model.label, LABEL_STYLE);
  sheet.place(1, 0, 1, last, model.titleLines.join('\n'), TITLE_STYLE);
  sheet.fitHeights(0, LEAD_ROWS);
}

/** The header cells from sheet row `firstRow` (0-based) down, as tall as their text needs. */
export function addHeader(sheet: SheetBuilder, model: TaskTableModel, firstRow = LEAD_ROWS): void {
  const style = headerStyle(model.cellSizePt);
  for (const h of model.headerCells) {
    const top = firstRow + h.row;
    sheet.place(top, h.column, top + h.rowSpan - 1, h.column + h.columnSpan - 1, h.text, style);
  }
  sheet.fitHeights(firstRow, firstRow + model.headerRowCount);
}

/** Body rows, split and paged (see paginate.ts); returns the manual page breaks (1-based rows). */
function addBody(sheet: SheetBuilder, model: TaskTableModel): number[] {
  const first = LEAD_ROWS + model.headerRowCount;
  const style = (c: number) => bodyStyle(model.columns[c]!.align, model.cellSizePt);
  const wrapped = model.rows.map((row) =>
    row.cells.map((cell, c) => (cell.kind === 'text' && cell.rowSpan === 1 ? wrapForColumn(cell.text, sheet.lineEm(c, style(c))) : undefined)),
  );
  const lineCounts = wrapped.map((cells) => Math.max(1, ...cells.map((w) => w?.lines.length ?? 0)));
  const metrics = pageMetrics(sheet.heightOf(0, LEAD_ROWS), sheet.heightOf(LEAD_ROWS, first), model.cellSizePt);
  const layout = paginate(lineCounts, metrics);
  const pageStarts = new Set(layout.pageStarts);
  layout.parts.forEach((part, i) => {
    const top = first + i;
    const edges = { top: part.first || pageStarts.has(i), bottom: part.last || pageStarts.has(i + 1) };
    sheet.setHeight(top, part.heightPt);
    wrapped[part.row]!.forEach((w, c) => {
      if (w !== undefined) sheet.place(top, c, top, c, sliceText(w, part.from, part.to), partStyle(style(c), part, edges));
    });
  });
  addSpans(sheet, model, layout, first);
  warnTallRows(sheet, model, lineCounts, metrics, layout, first);
  return layout.pageStarts.map((i) => first + i);
}

function pageMetrics(leadPt: number, headerPt: number, sizePt: number): PageMetrics {
  const pagePt = mmToPt(LANDSCAPE_TYPE_AREA_HEIGHT_MM) * XLSX_PAGE_FILL_RATIO;
  const cellStyle = bodyStyle('justify', sizePt);
  return {
    linePitchPt: linePitchPt(cellStyle),
    paddingPt: XLSX_ROW_PADDING_PT,
    firstPagePt: pagePt - leadPt - headerPt,
    otherPagePt: pagePt - headerPt,
    maxRowPt: EXCEL_MAX_ROW_HEIGHT_PT,
    splitMinPt: pagePt * XLSX_SPLIT_MIN_PAGE_RATIO,
    minLinesPerPart: XLSX_MIN_LINES_PER_PART,
    heightStepPt: EXCEL_ROW_HEIGHT_STEP_PT,
  };
}

/**
 * A part of a split row has no rule where the row continues on the same page
 * (a page's edge keeps its rule, closing the table there), and its text
 * starts at the top so the lines run on.
 */
function partStyle(base: XlsxCellStyle, part: Part, edges: { top: boolean; bottom: boolean }): XlsxCellStyle {
  if (part.first && part.last) return base;
  return { ...base, vertical: 'top', border: { ...edges, left: true, right: true } };
}

/** Cells merged down the rows (the category): one merge per page, each repeating the text. */
function addSpans(sheet: SheetBuilder, model: TaskTableModel, layout: Layout, first: number): void {
  const pageOf = pageIndexer(layout);
  model.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.kind !== 'text' || cell.rowSpan === 1) return;
      const covered = layout.parts.map((p, i) => ({ p, i })).filter(({ p }) => p.row >= r && p.row < r + cell.rowSpan);
      for (const segment of groupBy(covered, ({ i }) => pageOf(i))) {
        const top = first + segment[0]!.i;
        const bottom = first + segment[segment.length - 1]!.i;
        sheet.place(top, c, bottom, c, cell.text, bodyStyle(model.columns[c]!.align, model.cellSizePt));
        sheet.growToFit(top, c, bottom, c);
      }
    });
  });
}

function pageIndexer(layout: Layout): (partIndex: number) => number {
  return (i) => layout.pageStarts.filter((s) => s <= i).length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let last: number | undefined;
  for (const item of items) {
    const k = key(item);
    if (k !== last) groups.push([]);
    groups[groups.length - 1]!.push(item);
    last = k;
  }
  return groups;
}

/** docs/domain.md#excel-limits: a row that would need more than 409 pt is a warning; here it is also split, so nothing is lost. */
function warnTallRows(sheet: SheetBuilder, model: TaskTableModel, lineCounts: readonly number[], m: PageMetrics, layout: Layout, first: number): void {
  lineCounts.forEach((n, r) => {
    const whole = partHeight(m, 0, n, n);
    if (whole <= m.maxRowPt) return;
    const at = layout.parts.findIndex((p) => p.row === r);
    const parts = layout.parts.filter((p) => p.row === r).length;
    sheet.warn(
      address(first + at, 0),
      `问题${model.rows[r]!.problemNumber}一行需要约${Math.ceil(whole)}磅，超过Excel单行上限${m.maxRowPt}磅，已分${parts}行续排 (row needs ${Math.ceil(whole)} pt, over Excel's ${m.maxRowPt}; continued over ${parts} rows)`,
    );
  });
}

