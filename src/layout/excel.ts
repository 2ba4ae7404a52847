// Spreadsheet measures: Excel's limits and its units, next to the GB/T 9704
// figures they are derived from. Excel has no notion of twips: column widths
// are counted in digits of the workbook's default font and row heights in
// points, and it cannot fit a row to wrapped text on its own (exceljs writes
// no auto-height), so the writer computes heights from the text.

import {
  TABLE_CELL_PADDING_X_MM,
  TABLE_CELL_SIZE_PT,
  LANDSCAPE_MARGIN_BOTTOM_MM,
  LANDSCAPE_MARGIN_LEFT_MM,
  LANDSCAPE_MARGIN_RIGHT_MM,
  LANDSCAPE_MARGIN_TOP_MM,
  LANDSCAPE_TYPE_AREA_WIDTH_MM,
  PAGE_NUMBER_GAP_MM,
  PAGE_NUMBER_SIZE_PT,
  mmToInch,
  mmToPt,
} from './gbt9704.js';

// --- Excel's hard limits (Excel specifications and limits) -------------------

export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_SHEET_NAME_CHARS = 31;
export const EXCEL_MAX_ROW_HEIGHT_PT = 409;
/** Characters a sheet name may not contain. */
export const EXCEL_SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
/** OOXML paper size code for A4 (ECMA-376 §18.3.1.63). */
export const EXCEL_PAPER_A4 = 9;

// --- Units ---------------------------------------------------------------------

/** Screen pixels per point at Excel's 96 dpi. */
export const PX_PER_PT = 96 / 72;
/**
 * Width of a column unit: the maximum digit width of the default font, Calibri
 * 11 pt, which Excel rounds to 7 px (ECMA-376 §18.3.1.13). LibreOffice
 * measures the same unit with the face fonts.conf puts in for Calibri, about
 * 4 % wider, so text computed to fit Excel also fits there.
 */
export const EXCEL_DIGIT_WIDTH_PX = 7;
export const EXCEL_DIGIT_WIDTH_PT = EXCEL_DIGIT_WIDTH_PX / PX_PER_PT; // 5.25
/** Text inset Excel leaves inside each side of a cell, in points (2 px). */
export const EXCEL_CELL_INSET_PT = 2 / PX_PER_PT;

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

// --- Row heights ---------------------------------------------------------------

/**
 * Line pitch as a multiple of the type size, per face. 仿宋_GB2312 and 宋体
 * are 1.0 em faces (so are FandolFang and UMing, which stand in for them:
 * 1.0 and 1.04 em in LibreOffice), so 1.2 leaves room; the faces fonts.conf
 * puts in for 黑体 and 小标宋 (Noto CJK) are 1.45 em, so those rows get 1.5.
 */
export const XLSX_LINE_PITCH_RATIO_SERIF = 1.2;
export const XLSX_LINE_PITCH_RATIO_SANS = 1.5;
/** Space above and below the text in a row, in points. */
export const XLSX_ROW_PADDING_PT = 6;
/**
 * The wrap estimate counts one em less per line than the column holds: CJK
 * line-breaking rules (no 。，at a line's start) push a character down now and
 * then, which a greedy count does not see.
 */
export const XLSX_WRAP_SAFETY_EM = 1;

// --- Pagination -------------------------------------------------------------

/** Excel stores row heights in points but draws whole pixels: heights are rounded up to 0.75 pt. */
export const EXCEL_ROW_HEIGHT_STEP_PT = 1 / PX_PER_PT;
/** Share of the type area's height the writer fills, leaving room for pixel rounding in print. */
export const XLSX_PAGE_FILL_RATIO = 0.97;
/** A row taller than this share of a page splits at the page's end rather than leaving the rest blank. */
export const XLSX_SPLIT_MIN_PAGE_RATIO = 0.25;
/** No part of a split row has fewer lines than this, so no line stands alone (widow/orphan). */
export const XLSX_MIN_LINES_PER_PART = 2;

// --- Ledger (整改台账) ---------------------------------------------------------

/**
 * The ledger has the plan's columns and nine of the period's (sixteen for the
 * seed's plan). At 小四 across the 225 mm landscape type area that leaves
 * about three em a column, and the seed's longest problems need rows over
 * Excel's 409 pt. So the sheet is laid out wider than the page, at 小四 for
 * reading on screen, and printed fitted to the page's width. Measured on the
 * sample: at 0.65 five rows still need more than 409 pt, at 0.6 none does
 * (77 em across). At 0.6 小四 prints at 7.2 pt, and a row at the 409 pt cap
 * prints 245 pt high, well inside the 442 pt type area, so no row needs
 * splitting and every problem stays one row (sortable, filterable, with its
 * drop-down and colour).
 */
export const XLSX_LEDGER_PRINT_SCALE = 0.6;
/** The width the ledger's columns share, in points (before the print scale). */
export const XLSX_LEDGER_WIDTH_PT = XLSX_LANDSCAPE_TYPE_WIDTH_PT / XLSX_LEDGER_PRINT_SCALE;

/** Em of 小四 text that fit across the ledger once each column's padding is off: what the width estimate shares out. */
export function ledgerTextWidthEm(columnCount: number): number {
  return (XLSX_LEDGER_WIDTH_PT - columnCount * 2 * mmToPt(TABLE_CELL_PADDING_X_MM)) / TABLE_CELL_SIZE_PT;
}

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
