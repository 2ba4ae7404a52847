// The task table as an Excel sheet: 附件 label, title, header rows, body.
// Rows are as tall as their wrapped text needs (Excel and exceljs cannot fit
// them), so nothing is clipped on screen or in print; each problem is one
// row, never split (paginate.ts), and a row taller than Excel's 409 pt or a
// printed page is reported.

import { type TaskTableModel } from '../../model/document/task-table.js';
import { EXCEL_MAX_ROW_HEIGHT_PT, XLSX_PAGE_FILL_RATIO, XLSX_TYPE_AREA_PT, excelWidthFromPt, xlsxTaskTableWidthsPt, type XlsxPaper } from '../../layout/excel.js';
import { safeSheetName } from './sheet-name.js';
import { paginate, type Layout, type PageMetrics } from './paginate.js';
import {
  LABEL_STYLE,
  SheetBuilder,
  TITLE_STYLE,
  address,
  bodyStyle,
  headerStyle,
  landscapeTablePage,
  rowHeightPt,
  type RenderedXlsx,
  type XlsxWarning,
} from './sheet-builder.js';
import { writeXlsx, type XlsxRowsBy, type XlsxSheet } from '../../formats/xlsx/writer.js';

// Kept here for the modules and tests that import them from the task table.
export { address, type RenderedXlsx, type XlsxWarning } from './sheet-builder.js';

export const TASK_TABLE_SHEET_NAME = '任务分解和责任分工表';
/** Rows above the table: the 附件 label and the title. */
const LEAD_ROWS = 2;

/**
 * The task table as an Excel workbook of one sheet, with the warnings found on the way (rows taller than Excel allows).
 * `rowsBy` 'library' writes the rows as exceljs cells, the reference the default is tested against.
 */
export async function renderTaskTableXlsx(model: TaskTableModel, rowsBy?: XlsxRowsBy): Promise<RenderedXlsx> {
  const { sheet, warnings } = taskTableSheet(model);
  const buffer = await writeXlsx({ sheets: [sheet], creator: 'zhenggai', title: model.title, date: model.date }, rowsBy);
  return { buffer, warnings };
}

// --- sheet --------------------------------------------------------------------

/** The sheet description (pure): what writeXlsx writes, and the warnings found on the way. */
export function taskTableSheet(model: TaskTableModel, wantedName = TASK_TABLE_SHEET_NAME): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const name = safeSheetName(wantedName);
  const widthsPt = xlsxTaskTableWidthsPt(model.columns.map((c) => c.weight));
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
      page: landscapeTablePage(PAPER, { first: headerFirst, last: headerLast }),
    },
    warnings: sheet.warnings,
  };
}

/** The task table prints on A4 landscape, like the Word attachment whose widths it shares. */
const PAPER: XlsxPaper = 'A4';

function addLead(sheet: SheetBuilder, model: TaskTableModel): void {
  const last = sheet.columnCount - 1;
  sheet.place(0, 0, 0, 0, model.label, LABEL_STYLE);
  sheet.place(1, 0, 1, last, model.titleLines.join('\n'), TITLE_STYLE);
  sheet.fitHeights(0, LEAD_ROWS);
}

/** The header cells from sheet row `firstRow` (0-based) down, as tall as their text needs, at the table's size. */
export function addHeader(sheet: SheetBuilder, model: TaskTableModel, firstRow = LEAD_ROWS): void {
  const style = headerStyle(model.cellSizePt);
  for (const h of model.headerCells) {
    const top = firstRow + h.row;
    sheet.place(top, h.column, top + h.rowSpan - 1, h.column + h.columnSpan - 1, h.text, style);
  }
  sheet.fitHeights(firstRow, firstRow + model.headerRowCount);
}

/** Body rows, one a problem, paged (see paginate.ts); returns the manual page breaks (1-based rows). */
function addBody(sheet: SheetBuilder, model: TaskTableModel): number[] {
  const first = LEAD_ROWS + model.headerRowCount;
  const style = (c: number) => bodyStyle(model.columns[c]!.align, model.cellSizePt);
  const heights = model.rows.map((row, r) => {
    let lines = 1;
    row.cells.forEach((cell, c) => {
      if (cell.kind !== 'text' || cell.rowSpan !== 1) return;
      sheet.place(first + r, c, first + r, c, cell.text, style(c));
      lines = Math.max(lines, sheet.linesOf(first + r, c));
    });
    return rowHeightPt(lines, style(0));
  });
  const metrics = pageMetrics(model, sheet.heightOf(0, LEAD_ROWS), sheet.heightOf(LEAD_ROWS, first));
  const layout = paginate(heights, metrics);
  heights.forEach((h, r) => sheet.setHeight(first + r, Math.min(h, EXCEL_MAX_ROW_HEIGHT_PT)));
  addSpans(sheet, model, layout, first);
  warnTallRows(sheet, model, heights, layout, metrics, first);
  return layout.pageStarts.map((i) => first + i);
}

/** The body's room on a printed page, in the sheet's points: the type area's height at the table's print scale, less what repeats. */
function pageMetrics(model: TaskTableModel, leadPt: number, headerPt: number): PageMetrics {
  const pagePt = (XLSX_TYPE_AREA_PT[PAPER].height * XLSX_PAGE_FILL_RATIO) / model.printScale;
  return { firstPagePt: pagePt - leadPt - headerPt, otherPagePt: pagePt - headerPt };
}

/** Cells merged down the rows (the category): one merge per page, each repeating the text. */
function addSpans(sheet: SheetBuilder, model: TaskTableModel, layout: Layout, first: number): void {
  const pageOf = pageIndexer(layout);
  model.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.kind !== 'text' || cell.rowSpan === 1) return;
      const covered = Array.from({ length: cell.rowSpan }, (_, k) => r + k);
      for (const segment of groupBy(covered, pageOf)) {
        const top = first + segment[0]!;
        const bottom = first + segment[segment.length - 1]!;
        sheet.place(top, c, bottom, c, cell.text, bodyStyle(model.columns[c]!.align, model.cellSizePt));
        sheet.growToFit(top, c, bottom, c);
      }
    });
  });
}

function pageIndexer(layout: Layout): (row: number) => number {
  return (row) => layout.pageStarts.filter((s) => s <= row).length;
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

/**
 * docs/domain.md#excel-limits: a row that needs more than Excel's 409 pt is
 * cut off on screen and in print, and one taller than a printed page is cut
 * at the page's foot; either is a warning (the row is never split).
 */
function warnTallRows(sheet: SheetBuilder, model: TaskTableModel, heights: readonly number[], layout: Layout, m: PageMetrics, first: number): void {
  const tallerThanPage = new Set(layout.tallerThanPage);
  heights.forEach((h, r) => {
    if (h <= EXCEL_MAX_ROW_HEIGHT_PT && !tallerThanPage.has(r)) return;
    const n = model.rows[r]!.shownNumber;
    const page = Math.floor(m.otherPagePt);
    sheet.warn(
      address(first + r, 0),
      `问题${n}一行需要约${Math.ceil(h)}磅，超过Excel单行上限${EXCEL_MAX_ROW_HEIGHT_PT}磅或一页的高度（约${page}磅），显示或打印不全；请精简该问题的文字或把列加宽 (row needs ${Math.ceil(h)} pt, more than Excel's ${EXCEL_MAX_ROW_HEIGHT_PT} pt or a printed page of about ${page} pt: it is cut off)`,
    );
  });
}
