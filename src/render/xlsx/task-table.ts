// The task table as an Excel sheet: 附件 label, title, header rows, body.
// Rows are as tall as their wrapped text needs (Excel and exceljs cannot fit
// them), so nothing is clipped on screen or in print; a row that needs more
// than Excel's 409 pt is capped and reported.

import type { Plan } from '../../model/plan-schema.js';
import { composeTaskTable, type TaskTableModel } from '../../compose/task-table.js';
import { wrappedLineCount } from '../../compose/text-width.js';
import {
  ATTACHMENT_LABEL_FONT,
  ATTACHMENT_LABEL_SIZE_PT,
  ATTACHMENT_TITLE_FONT,
  FONT_SONGTI,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_SIZE_PT,
  TABLE_CELL_FONT,
  TABLE_CELL_SIZE_PT,
  TABLE_HEADER_FONT,
  TABLE_HEADER_SIZE_PT,
  TITLE_SIZE_PT,
  TWIP_PER_PT,
  LANDSCAPE_TYPE_AREA_HEIGHT_MM,
  mmToPt,
} from '../layout/gbt9704.js';
import {
  EXCEL_CELL_INSET_PT,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_ROW_HEIGHT_PT,
  EXCEL_ROW_HEIGHT_STEP_PT,
  XLSX_MIN_LINES_PER_PART,
  XLSX_PAGE_FILL_RATIO,
  XLSX_SPLIT_MIN_PAGE_RATIO,
  XLSX_LANDSCAPE_MARGINS_INCH,
  XLSX_LINE_PITCH_RATIO_SANS,
  XLSX_LINE_PITCH_RATIO_SERIF,
  XLSX_ROW_PADDING_PT,
  XLSX_WRAP_SAFETY_EM,
  excelWidthFromPt,
} from '../layout/excel.js';
import { landscapeColumnTwips, landscapeTableTextWidthEm } from '../layout/table-widths.js';
import { safeSheetName } from './sheet-name.js';
import { paginate, partHeight, sliceText, wrapForColumn, type Layout, type PageMetrics, type Part } from './paginate.js';
import { writeXlsx, type XlsxCell, type XlsxCellStyle, type XlsxRange, type XlsxRow, type XlsxSheet } from './workbook.js';

export interface XlsxWarning {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export interface RenderedXlsx {
  readonly buffer: Buffer;
  readonly warnings: readonly XlsxWarning[];
}

export const TASK_TABLE_SHEET_NAME = '任务分解和责任分工表';
/** Windows charset GB2312: lets Excel and WPS pick the Chinese face named. */
const GB2312_CHARSET = 134;
/** Rows above the table: the 附件 label and the title. */
const LEAD_ROWS = 2;

export async function renderTaskTableXlsx(plan: Plan): Promise<RenderedXlsx> {
  const model = composeTaskTable(plan, { textWidthEm: landscapeTableTextWidthEm });
  const { sheet, warnings } = taskTableSheet(model);
  const buffer = await writeXlsx({ sheets: [sheet], creator: 'zhenggai', title: model.title, date: model.date });
  return { buffer, warnings };
}

// --- styles -------------------------------------------------------------------

function font(name: string, sizePt: number) {
  return { name, sizePt, charset: GB2312_CHARSET };
}

const LABEL_STYLE: XlsxCellStyle = {
  font: font(ATTACHMENT_LABEL_FONT, ATTACHMENT_LABEL_SIZE_PT),
  horizontal: 'left',
  vertical: 'middle',
  wrap: false,
  border: false,
};
const TITLE_STYLE: XlsxCellStyle = {
  font: font(ATTACHMENT_TITLE_FONT, TITLE_SIZE_PT),
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: false,
};
const HEADER_STYLE: XlsxCellStyle = {
  font: font(TABLE_HEADER_FONT, TABLE_HEADER_SIZE_PT),
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: true,
};

function bodyStyle(align: 'center' | 'justify'): XlsxCellStyle {
  return { font: font(TABLE_CELL_FONT, TABLE_CELL_SIZE_PT), horizontal: align, vertical: 'middle', wrap: true, border: true };
}

/** 黑体 and 小标宋 stand in as Noto CJK (1.45 em lines); 仿宋 and 宋体 as UMing. */
function linePitchPt(style: XlsxCellStyle): number {
  const serif = style.font.name === TABLE_CELL_FONT || style.font.name === FONT_SONGTI;
  return style.font.sizePt * (serif ? XLSX_LINE_PITCH_RATIO_SERIF : XLSX_LINE_PITCH_RATIO_SANS);
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
      page: {
        orientation: 'landscape',
        marginsInch: XLSX_LANDSCAPE_MARGINS_INCH,
        fitTo: { width: 1, height: 0 },
        printTitleRows: { first: headerFirst, last: headerLast },
        ...pageNumberFooters(),
      },
    },
    warnings: sheet.warnings,
  };
}

/**
 * §7.5 page numbers as Excel footer codes: — N — in 4号宋体, odd pages right,
 * even pages left, one character in (an ideographic space).
 */
function pageNumberFooters(): { oddFooter: string; evenFooter: string } {
  const number = `&"${FONT_SONGTI},Regular"&${PAGE_NUMBER_SIZE_PT}${PAGE_NUMBER_DASH} &P ${PAGE_NUMBER_DASH}`;
  const oneChar = '\u3000';
  return { oddFooter: `&R${number}${oneChar}`, evenFooter: `&L${oneChar}${number}` };
}

function addLead(sheet: SheetBuilder, model: TaskTableModel): void {
  const last = sheet.columnCount - 1;
  sheet.place(0, 0, 0, 0, model.label, LABEL_STYLE);
  sheet.place(1, 0, 1, last, model.titleLines.join('\n'), TITLE_STYLE);
  sheet.fitHeights(0, LEAD_ROWS);
}

function addHeader(sheet: SheetBuilder, model: TaskTableModel): void {
  for (const h of model.headerCells) {
    const top = LEAD_ROWS + h.row;
    sheet.place(top, h.column, top + h.rowSpan - 1, h.column + h.columnSpan - 1, h.text, HEADER_STYLE);
  }
  sheet.fitHeights(LEAD_ROWS, LEAD_ROWS + model.headerRowCount);
}

/** Body rows, split and paged (see paginate.ts); returns the manual page breaks (1-based rows). */
function addBody(sheet: SheetBuilder, model: TaskTableModel): number[] {
  const first = LEAD_ROWS + model.headerRowCount;
  const style = (c: number) => bodyStyle(model.columns[c]!.align);
  const wrapped = model.rows.map((row) =>
    row.cells.map((cell, c) => (cell.kind === 'text' && cell.rowSpan === 1 ? wrapForColumn(cell.text, sheet.lineEm(c, style(c))) : undefined)),
  );
  const lineCounts = wrapped.map((cells) => Math.max(1, ...cells.map((w) => w?.lines.length ?? 0)));
  const metrics = pageMetrics(sheet.heightOf(0, LEAD_ROWS), sheet.heightOf(LEAD_ROWS, first));
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

function pageMetrics(leadPt: number, headerPt: number): PageMetrics {
  const pagePt = mmToPt(LANDSCAPE_TYPE_AREA_HEIGHT_MM) * XLSX_PAGE_FILL_RATIO;
  const cellStyle = bodyStyle('justify');
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
        sheet.place(top, c, bottom, c, cell.text, bodyStyle(model.columns[c]!.align));
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

/** DESIGN.md §3: a row that would need more than 409 pt is a warning; here it is also split, so nothing is lost. */
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

// --- builder: cells, merges, heights ----------------------------------------------

interface Placed {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly text: string;
  readonly style: XlsxCellStyle;
}

class SheetBuilder {
  readonly merges: XlsxRange[] = [];
  readonly warnings: XlsxWarning[] = [];
  private readonly placed: Placed[] = [];
  private readonly heights: number[] = [];

  constructor(
    private readonly sheetName: string,
    private readonly widthsPt: readonly number[],
  ) {}

  get columnCount(): number {
    return this.widthsPt.length;
  }

  /** Em of text a line holds in column c (or the columns left..right), less the wrap safety. */
  lineEm(left: number, style: XlsxCellStyle, right = left): number {
    const widthPt = this.widthsPt.slice(left, right + 1).reduce((a, b) => a + b, 0);
    return Math.max(1, (widthPt - 2 * EXCEL_CELL_INSET_PT) / style.font.sizePt - (style.wrap ? XLSX_WRAP_SAFETY_EM : 0));
  }

  /** Put text in a cell range (0-based, inclusive); a range of more than one cell is merged. */
  place(top: number, left: number, bottom: number, right: number, text: string, style: XlsxCellStyle): void {
    this.placed.push({ top, left, bottom, right, text: this.fitText(text, top, left), style });
    if (bottom > top || right > left) this.merges.push({ top: top + 1, left: left + 1, bottom: bottom + 1, right: right + 1 });
    while (this.heights.length <= bottom) this.heights.push(0);
  }

  setHeight(row: number, heightPt: number): void {
    while (this.heights.length <= row) this.heights.push(0);
    this.heights[row] = heightPt;
  }

  heightOf(fromRow: number, toRow: number): number {
    return this.heights.slice(fromRow, toRow).reduce((a, b) => a + b, 0);
  }

  /** Heights for rows from..to-1 from the cells placed in them: one-row cells first, then merges grow their last row. */
  fitHeights(from: number, to: number): void {
    const inRange = this.placed.filter((p) => p.top >= from && p.bottom < to);
    for (const p of inRange.filter((x) => x.top === x.bottom)) this.setHeight(p.top, Math.max(this.heights[p.top] ?? 0, this.neededPt(p)));
    for (const p of inRange.filter((x) => x.top !== x.bottom)) this.growToFit(p.top, p.left, p.bottom, p.right);
    for (let r = from; r < to; r += 1) this.heights[r] = this.capped(this.heights[r]!, r);
  }

  /** Make rows top..bottom together tall enough for the cell placed there. */
  growToFit(top: number, left: number, bottom: number, right: number): void {
    const p = this.placed.find((x) => x.top === top && x.left === left && x.bottom === bottom && x.right === right);
    if (p === undefined) return;
    const short = this.neededPt(p) - this.heightOf(top, bottom + 1);
    if (short > 0) this.heights[bottom] = this.heights[bottom]! + roundUp(short);
  }

  warn(cell: string, message: string): void {
    this.warnings.push({ sheet: this.sheetName, cell, message });
  }

  rows(): XlsxRow[] {
    const cells: (XlsxCell | undefined)[][] = this.heights.map(() => new Array<XlsxCell | undefined>(this.columnCount));
    for (const p of this.placed) {
      // Covered cells carry the style too, so merged areas keep their rules in every reader.
      for (let r = p.top; r <= p.bottom; r += 1) {
        for (let c = p.left; c <= p.right; c += 1) cells[r]![c] = { value: r === p.top && c === p.left ? p.text : '', style: p.style };
      }
    }
    return this.heights.map((heightPt, r) => ({ heightPt, cells: cells[r]! }));
  }

  private neededPt(p: Placed): number {
    const lines = p.style.wrap ? wrappedLineCount(p.text, this.lineEm(p.left, p.style, p.right)) : p.text.split('\n').length;
    return roundUp(lines * linePitchPt(p.style) + XLSX_ROW_PADDING_PT);
  }

  private capped(heightPt: number, r: number): number {
    if (heightPt <= EXCEL_MAX_ROW_HEIGHT_PT) return heightPt;
    this.warn(address(r, 0), `第${r + 1}行需要约${heightPt}磅，超过Excel单行上限${EXCEL_MAX_ROW_HEIGHT_PT}磅 (row needs ${heightPt} pt, Excel allows ${EXCEL_MAX_ROW_HEIGHT_PT})`);
    return EXCEL_MAX_ROW_HEIGHT_PT;
  }

  private fitText(text: string, r: number, c: number): string {
    if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
    this.warn(address(r, c), `单元格文字${text.length}字，超过Excel上限${EXCEL_MAX_CELL_CHARS}字，已截断 (cell text cut to ${EXCEL_MAX_CELL_CHARS} characters)`);
    return text.slice(0, EXCEL_MAX_CELL_CHARS);
  }
}

function roundUp(pt: number): number {
  return Math.ceil(pt / EXCEL_ROW_HEIGHT_STEP_PT - 1e-9) * EXCEL_ROW_HEIGHT_STEP_PT;
}

/** A1-style address of a 0-based cell. */
export function address(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
