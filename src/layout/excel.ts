// Spreadsheet measures: Excel's limits and its units, next to the GB/T 9704
// figures they are derived from. Excel has no notion of twips: column widths
// are counted in digits of the workbook's default font and row heights in
// points, and it cannot fit a row to wrapped text on its own (exceljs writes
// no auto-height), so the writer computes heights from the text.

import {
  A4_HEIGHT_MM,
  A4_WIDTH_MM,
  TABLE_CELL_SIZE_PT,
  LANDSCAPE_MARGIN_BOTTOM_MM,
  LANDSCAPE_MARGIN_LEFT_MM,
  LANDSCAPE_MARGIN_RIGHT_MM,
  LANDSCAPE_MARGIN_TOP_MM,
  LANDSCAPE_TYPE_AREA_HEIGHT_MM,
  LANDSCAPE_TYPE_AREA_WIDTH_MM,
  PAGE_NUMBER_GAP_MM,
  PAGE_NUMBER_SIZE_PT,
  TWIP_PER_PT,
  mmToInch,
  mmToPt,
} from './gbt9704.js';
import { landscapeColumnTwips, type TableFit } from './table-widths.js';

// --- Excel's hard limits (Excel specifications and limits) -------------------

export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_SHEET_NAME_CHARS = 31;
export const EXCEL_MAX_ROW_HEIGHT_PT = 409;
/** Characters a sheet name may not contain. */
export const EXCEL_SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
/** OOXML paper size codes (ECMA-376 §18.3.1.63): A3 is 8, A4 is 9. */
export const EXCEL_PAPER_CODE = { A3: 8, A4: 9 } as const;
export type XlsxPaper = keyof typeof EXCEL_PAPER_CODE;

// --- Units ---------------------------------------------------------------------

/** Screen pixels per point at Excel's 96 dpi. */
export const PX_PER_PT = 96 / 72;
/**
 * Width of a column unit: the maximum digit width of the default font, Calibri
 * 11 pt, which Excel rounds to 7 px (ECMA-376 §18.3.1.13). LibreOffice
 * measures the same unit with the face fonts.conf puts in for Calibri, wider
 * (LIBREOFFICE_COLUMN_SPREAD), so text computed to fit Excel also fits there.
 */
export const EXCEL_DIGIT_WIDTH_PX = 7;
export const EXCEL_DIGIT_WIDTH_PT = EXCEL_DIGIT_WIDTH_PX / PX_PER_PT; // 5.25
/** Text inset Excel leaves inside each side of a cell, in points (2 px). */
export const EXCEL_CELL_INSET_PT = 2 / PX_PER_PT;
/**
 * Room a column keeps beyond its text and insets (2 px): the gridline and
 * Excel's rounding of widths to whole pixels, so a line computed to hold n
 * characters holds them in Excel too.
 */
export const EXCEL_COLUMN_SLACK_PT = 2 / PX_PER_PT;
/** What a column takes besides its text: both insets and the slack. */
export const XLSX_COLUMN_PADDING_PT = 2 * EXCEL_CELL_INSET_PT + EXCEL_COLUMN_SLACK_PT;
/**
 * LibreOffice sets an Excel column this much wider than Excel does: it counts
 * the column unit with AR PL UMing CN, fonts.conf's stand-in for Calibri,
 * whose digit is 7.3 px at 11 pt. Measured: a column of 75 pt in Excel's
 * unit is 78.5 pt in LibreOffice's PDF. A column of words must wrap between
 * words at both widths, and a sheet printed fitted to the page's width is
 * printed this much smaller by LibreOffice.
 */
export const LIBREOFFICE_COLUMN_SPREAD = 0.047;
/**
 * How much wider LibreOffice lays out a whole sheet than Excel: more than one
 * column's spread, narrow columns counting a fixed few pixels more. Measured:
 * the ledger laid out for 80 % in Excel is printed at 75.75 % by LibreOffice
 * (9.09 pt for 小四), 5.6 % smaller; 6 % is used.
 */
export const LIBREOFFICE_SHEET_SPREAD = 0.06;

export function excelWidthFromPt(pt: number): number {
  return pt / EXCEL_DIGIT_WIDTH_PT;
}

export function ptFromExcelWidth(width: number): number {
  return width * EXCEL_DIGIT_WIDTH_PT;
}

// --- Page (GB/T 9704 landscape, see gbt9704.ts) --------------------------------

/** Page margins in inches as exceljs takes them: the portrait margins turned with the sheet. */
export const XLSX_LANDSCAPE_MARGINS_INCH = {
  top: mmToInch(LANDSCAPE_MARGIN_TOP_MM),
  right: mmToInch(LANDSCAPE_MARGIN_RIGHT_MM),
  bottom: mmToInch(LANDSCAPE_MARGIN_BOTTOM_MM),
  left: mmToInch(LANDSCAPE_MARGIN_LEFT_MM),
  /** Header text sits in the top margin, half way. */
  header: mmToInch(LANDSCAPE_MARGIN_TOP_MM / 2),
  /** §7.5: the page number 7 mm below the type area, i.e. its line ends (margin − 7 mm − one line) above the edge. */
  footer: mmToInch(LANDSCAPE_MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM) - PAGE_NUMBER_SIZE_PT / 72,
} as const;

/** The landscape type area's width in points: what the columns share. */
export const XLSX_LANDSCAPE_TYPE_WIDTH_PT = mmToPt(LANDSCAPE_TYPE_AREA_WIDTH_MM);

/**
 * A3 (420 × 297 mm), twice A4, for the workbooks with more columns than fit
 * A4 at a legible size (the ledger, the unit forms). Landscape, with the same
 * margins as the A4 landscape page, so the type area is 348 × 243 mm.
 */
export const A3_WIDTH_MM = A4_HEIGHT_MM; // 297
export const A3_HEIGHT_MM = 2 * A4_WIDTH_MM; // 420
export const A3_LANDSCAPE_TYPE_WIDTH_MM = A3_HEIGHT_MM - LANDSCAPE_MARGIN_LEFT_MM - LANDSCAPE_MARGIN_RIGHT_MM; // 348
export const A3_LANDSCAPE_TYPE_HEIGHT_MM = A3_WIDTH_MM - LANDSCAPE_MARGIN_TOP_MM - LANDSCAPE_MARGIN_BOTTOM_MM; // 243

/** The landscape type area of each paper, in points. */
export const XLSX_TYPE_AREA_PT: Readonly<Record<XlsxPaper, { readonly width: number; readonly height: number }>> = {
  A4: { width: mmToPt(LANDSCAPE_TYPE_AREA_WIDTH_MM), height: mmToPt(LANDSCAPE_TYPE_AREA_HEIGHT_MM) },
  A3: { width: mmToPt(A3_LANDSCAPE_TYPE_WIDTH_MM), height: mmToPt(A3_LANDSCAPE_TYPE_HEIGHT_MM) },
};

// --- Row heights ---------------------------------------------------------------

/**
 * Line pitch as a multiple of the type size, per face, as the readers set
 * wrapped lines. 仿宋_GB2312 and 宋体 are 1.0 em faces, and so are FandolFang
 * and UMing, which stand in for them (measured in LibreOffice's PDF: 12.02 pt
 * between the lines of a 小四 cell); the faces fonts.conf puts in for 黑体 and
 * 小标宋 (Noto CJK) are 1.45 em.
 */
export const XLSX_LINE_PITCH_RATIO_SERIF = 1;
export const XLSX_LINE_PITCH_RATIO_SANS = 1.45;
/**
 * Space above and below the text in a row, in points, shared: a one-line
 * 小四 row is 13.5 pt, 1.125 times its text, and taller rows closer still.
 */
export const XLSX_ROW_PADDING_PT = 1.5;
/** A row is at most this many times as tall as the text it holds (tested in the PDF). */
export const XLSX_ROW_TEXT_RATIO_MAX = 1.15;

/** Em of text a line holds in a column `widthPt` wide at `sizePt`: the width less both insets and the slack. */
export function xlsxLineEm(widthPt: number, sizePt: number): number {
  return Math.max(1, (widthPt - XLSX_COLUMN_PADDING_PT) / sizePt);
}

/** A row holding `lines` wrapped lines: the lines at the face's pitch and the padding, rounded up to Excel's pixel. */
export function xlsxRowHeightPt(lines: number, sizePt: number, pitchRatio: number = XLSX_LINE_PITCH_RATIO_SERIF): number {
  return Math.ceil((lines * sizePt * pitchRatio + XLSX_ROW_PADDING_PT) / EXCEL_ROW_HEIGHT_STEP_PT - 1e-9) * EXCEL_ROW_HEIGHT_STEP_PT;
}

// --- Pagination -------------------------------------------------------------

/** Excel stores row heights in points but draws whole pixels: heights are rounded up to 0.75 pt. */
export const EXCEL_ROW_HEIGHT_STEP_PT = 1 / PX_PER_PT;
/** Share of the type area's height the writer fills, leaving room for pixel rounding in print. */
export const XLSX_PAGE_FILL_RATIO = 0.97;

// --- Printing legibly -------------------------------------------------------

/** No text of a workbook prints smaller than this (at the scale LibreOffice prints it, which is the smaller). */
export const XLSX_MIN_PRINTED_PT = 9;
/** The print scales a wide sheet tries, largest first; those that would print a size below XLSX_MIN_PRINTED_PT are left out. */
export const XLSX_PRINT_SCALES: readonly number[] = [1, 0.95, 0.9, 0.85, 0.8, 0.75];

/** The scales at which text of `sizePt` still prints at XLSX_MIN_PRINTED_PT or more in every reader. */
export function legibleScales(sizePt: number): number[] {
  return XLSX_PRINT_SCALES.filter((scale) => (sizePt * scale) / (1 + LIBREOFFICE_SHEET_SPREAD) >= XLSX_MIN_PRINTED_PT - 1e-9);
}

/** Rows of wrapped `sizePt` 仿宋 text that fit Excel's 409 pt row. */
export function maxRowLines(sizePt: number): number {
  return Math.floor((EXCEL_MAX_ROW_HEIGHT_PT - XLSX_ROW_PADDING_PT) / (sizePt * XLSX_LINE_PITCH_RATIO_SERIF));
}

/**
 * The fits a table sheet on `paper` (landscape) tries: 小四 text at each
 * legible scale, the sheet as wide as the type area at that scale, and no row
 * over Excel's 409 pt. A sheet is printed fitted to the page's width, so the
 * scale a fit names is the one Excel prints it at.
 */
export function xlsxSheetFits(paper: XlsxPaper, sizePt: number = TABLE_CELL_SIZE_PT): TableFit[] {
  return legibleScales(sizePt).map((scale) => ({
    sizePt,
    scale,
    textWidthEm: (columnCount: number) => (XLSX_TYPE_AREA_PT[paper].width / scale - columnCount * XLSX_COLUMN_PADDING_PT) / sizePt,
    maxRowLines: maxRowLines(sizePt),
    readerSpread: LIBREOFFICE_COLUMN_SPREAD,
  }));
}

// --- Task table (the Word attachment's widths) ------------------------------------

/**
 * The Excel task table's column widths in points: the Word table's grid
 * (landscapeColumnTwips of the model's weights), narrowed by
 * LIBREOFFICE_SHEET_SPREAD so that LibreOffice, whose sheets come out that
 * much wider, still fits the sheet to the page at 100 % and prints the type at
 * its size (a 小五 table printed at 8.6 pt otherwise). Excel prints it at full
 * size with the difference left at the right.
 */
export function xlsxTaskTableWidthsPt(weights: readonly number[]): number[] {
  return landscapeColumnTwips(weights).map((t) => t / TWIP_PER_PT / (1 + LIBREOFFICE_SHEET_SPREAD));
}

// --- Ledger (整改台账) and unit forms -----------------------------------------------

/**
 * The ledger has the plan's columns and nine of the period's (sixteen for the
 * bundled plan), the unit forms sixteen columns: more than A4 holds at a
 * legible size with every text column at least TEXT_COLUMN_MIN_EM a line. So
 * they print on A3 landscape, 小四 in the sheet, at the largest scale (100 %
 * down to 80 %) at which the columns fit: 80 % prints 小四 at 9.6 pt in Excel
 * and 9.2 pt in LibreOffice.
 */
export const XLSX_WIDE_SHEET_PAPER: XlsxPaper = 'A3';

/**
 * Row fills for the warning colours (docs/domain.md#warning-colours): Excel's own light
 * “conditional format” fills, pale enough to print the text over them legibly.
 */
export const XLSX_WARNING_FILL_HEX = {
  red: 'FFC7CE',
  green: 'C6EFCE',
  yellow: 'FFEB9C',
  blue: 'DDEBF7',
} as const;

/** On the ledger's 统计 sheet, a header up to this many em stays on one line (逾期, 完成整改); a longer one wraps in two. */
export const XLSX_SUMMARY_HEADER_WHOLE_EM = 4;
