// The pieces every sheet of a GB/T 9704-styled workbook shares: the cell
// styles by role, the page-number footers, and SheetBuilder, which places
// text in cells and makes each row as tall as its wrapped text needs (Excel
// and exceljs cannot fit rows themselves, docs/format.md#library-facts). The task table and
// the ledger both build on it.

import { wrappedLineCount } from '../../layout/text-width.js';
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
} from '../../layout/gbt9704.js';
import {
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_ROW_HEIGHT_PT,
  EXCEL_ROW_HEIGHT_STEP_PT,
  XLSX_LANDSCAPE_MARGINS_INCH,
  XLSX_LINE_PITCH_RATIO_SANS,
  XLSX_LINE_PITCH_RATIO_SERIF,
  xlsxLineEm,
  xlsxRowHeightPt,
  type XlsxPaper,
} from '../../layout/excel.js';
import type { XlsxRange } from '../../formats/xlsx/cells.js';
import type { XlsxCell, XlsxCellStyle, XlsxPage, XlsxRow } from '../../formats/xlsx/writer.js';

export interface XlsxWarning {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export interface RenderedXlsx {
  readonly buffer: Buffer;
  readonly warnings: readonly XlsxWarning[];
}

/** Windows charset GB2312: helps Excel pick a Chinese face for the official names. */
const GB2312_CHARSET = 134;

// --- styles -------------------------------------------------------------------

export function font(name: string, sizePt: number) {
  return { name, sizePt, charset: GB2312_CHARSET };
}

export const LABEL_STYLE: XlsxCellStyle = {
  font: font(ATTACHMENT_LABEL_FONT, ATTACHMENT_LABEL_SIZE_PT),
  horizontal: 'left',
  vertical: 'middle',
  wrap: false,
  border: false,
};
export const TITLE_STYLE: XlsxCellStyle = {
  font: font(ATTACHMENT_TITLE_FONT, TITLE_SIZE_PT),
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: false,
};
export const HEADER_STYLE: XlsxCellStyle = {
  font: font(TABLE_HEADER_FONT, TABLE_HEADER_SIZE_PT),
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: true,
};

/**
 * Styles are read-only and a sheet has a handful: one object per alignment and
 * size, shared by every cell that has it, rather than one a cell (a 5,000-row
 * ledger places some 130,000 cells).
 */
const bodyStyles = new Map<string, XlsxCellStyle>();

export function bodyStyle(align: 'center' | 'justify', sizePt: number = TABLE_CELL_SIZE_PT): XlsxCellStyle {
  const key = `${align} ${sizePt}`;
  let style = bodyStyles.get(key);
  if (style === undefined) bodyStyles.set(key, (style = { font: font(TABLE_CELL_FONT, sizePt), horizontal: align, vertical: 'middle', wrap: true, border: true }));
  return style;
}

/** The header style at another size (a table set smaller than 小四 to fit its columns). */
export function headerStyle(sizePt: number = TABLE_HEADER_SIZE_PT): XlsxCellStyle {
  return { ...HEADER_STYLE, font: font(TABLE_HEADER_FONT, sizePt) };
}

/** 黑体 and 小标宋 stand in as Noto CJK (1.45 em lines); 仿宋 as FandolFang and 宋体 as UMing (about 1.0 em). */
export function linePitchPt(style: XlsxCellStyle): number {
  const serif = style.font.name === TABLE_CELL_FONT || style.font.name === FONT_SONGTI;
  return style.font.sizePt * (serif ? XLSX_LINE_PITCH_RATIO_SERIF : XLSX_LINE_PITCH_RATIO_SANS);
}

// --- page -------------------------------------------------------------------------

/**
 * A table's page: landscape on `paper` (A4 as the task table prints, A3 for
 * the wide sheets) in the GB/T 9704 margins turned with the sheet, one page
 * wide and as many down as needed, the header rows repeated on every page,
 * — N — page numbers.
 */
export function landscapeTablePage(paper: XlsxPaper, printTitleRows?: { first: number; last: number }): XlsxPage {
  return {
    paper,
    orientation: 'landscape',
    marginsInch: XLSX_LANDSCAPE_MARGINS_INCH,
    fitTo: { width: 1, height: 0 },
    ...(printTitleRows === undefined ? {} : { printTitleRows }),
    ...pageNumberFooters(),
  };
}

/**
 * §7.5 page numbers as Excel footer codes: — N — in 4号宋体, odd pages right,
 * even pages left, one character in (an ideographic space).
 */
export function pageNumberFooters(): { oddFooter: string; evenFooter: string } {
  const number = `&"${FONT_SONGTI},Regular"&${PAGE_NUMBER_SIZE_PT}${PAGE_NUMBER_DASH} &P ${PAGE_NUMBER_DASH}`;
  const oneChar = '\u3000';
  return { oddFooter: `&R${number}${oneChar}`, evenFooter: `&L${oneChar}${number}` };
}

// --- builder: cells, merges, heights ----------------------------------------------

interface Placed {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Text, or a number (a count) that Excel should keep as a number. */
  readonly text: string | number;
  readonly style: XlsxCellStyle;
}

export class SheetBuilder {
  readonly merges: XlsxRange[] = [];
  readonly warnings: XlsxWarning[] = [];
  private readonly placed: Placed[] = [];
  /** The first cell placed at each range (top,left,bottom,right): found by a scan of `placed`, a 5,000-row task table took 6 s. */
  private readonly placedAt = new Map<string, Placed>();
  private readonly heights: number[] = [];

  constructor(
    private readonly sheetName: string,
    private readonly widthsPt: readonly number[],
  ) {}

  get columnCount(): number {
    return this.widthsPt.length;
  }

  /** Em of text a line holds in column c (or the columns left..right): the width less its insets and slack. */
  lineEm(left: number, style: XlsxCellStyle, right = left): number {
    const widthPt = this.widthsPt.slice(left, right + 1).reduce((a, b) => a + b, 0);
    return xlsxLineEm(widthPt, style.font.sizePt);
  }

  /** Put text in a cell range (0-based, inclusive); a range of more than one cell is merged. */
  place(top: number, left: number, bottom: number, right: number, text: string | number, style: XlsxCellStyle): void {
    const placed = { top, left, bottom, right, text: typeof text === 'number' ? text : this.fitText(text, top, left), style };
    this.placed.push(placed);
    const key = rangeKey(top, left, bottom, right);
    if (!this.placedAt.has(key)) this.placedAt.set(key, placed);
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
    const p = this.placedAt.get(rangeKey(top, left, bottom, right));
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

  /** Lines the cell placed at top..bottom, left..right wraps into. */
  linesOf(top: number, left: number, bottom = top, right = left): number {
    const p = this.placedAt.get(rangeKey(top, left, bottom, right));
    return p === undefined ? 0 : this.lines(p);
  }

  private lines(p: Placed): number {
    const text = String(p.text);
    return p.style.wrap ? wrappedLineCount(text, this.lineEm(p.left, p.style, p.right)) : text.split('\n').length;
  }

  private neededPt(p: Placed): number {
    return rowHeightPt(this.lines(p), p.style);
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

function rangeKey(top: number, left: number, bottom: number, right: number): string {
  return `${top},${left},${bottom},${right}`;
}

/** A row holding `lines` lines in this style: the lines at the face's pitch and the padding, rounded up to Excel's pixel. */
export function rowHeightPt(lines: number, style: XlsxCellStyle): number {
  return xlsxRowHeightPt(lines, style.font.sizePt, linePitchPt(style) / style.font.sizePt);
}

export function roundUp(pt: number): number {
  return Math.ceil(pt / EXCEL_ROW_HEIGHT_STEP_PT - 1e-9) * EXCEL_ROW_HEIGHT_STEP_PT;
}

/** A1-style address of a 0-based cell. */
export function address(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
