// Writing a workbook. Renderers describe a workbook in the plain terms below
// (text, fonts, sizes in points, merges, page setup) and this module writes it
// with exceljs; nothing here knows a plan.

import type ExcelJS from 'exceljs';
import { EXCEL_PAPER_CODE, type XlsxPaper } from '../../layout/excel.js';
import { COLOR_BLACK_HEX } from '../../layout/gbt9704.js';
import { rangeRef, type XlsxRange } from './cells.js';
import { Workbook, writeRowsAsText, zipOptions } from './exceljs.js';
import { SheetRows } from './sheet-rows.js';

/**
 * How a sheet's rows are written: as XML text in exceljs's place (the
 * default; sheet-rows.ts says why), or as exceljs cells — the reference the
 * text is tested against, byte for byte (test/render/xlsx-rows.test.ts).
 */
export type XlsxRowsBy = 'text' | 'library';

export interface XlsxFont {
  readonly name: string;
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly colorHex?: string;
  /** Windows charset; 134 (GB2312) helps Excel pick a Chinese face. */
  readonly charset?: number;
}

export interface XlsxCellStyle {
  readonly font: XlsxFont;
  readonly horizontal: 'left' | 'center' | 'justify';
  readonly vertical: 'top' | 'middle';
  readonly wrap: boolean;
  /** Thin rules: on all four sides (true), none (false), or on the sides named. */
  readonly border: boolean | XlsxSides;
  /** Excel number format; '@' keeps typed text as text (no formula, no date guessing). */
  readonly numFmt?: string;
  /** Background fill. */
  readonly fillHex?: string;
  /** false marks an input cell that stays editable when the sheet is protected. */
  readonly locked?: boolean;
}

export interface XlsxSides {
  readonly top: boolean;
  readonly right: boolean;
  readonly bottom: boolean;
  readonly left: boolean;
}

export interface XlsxCell {
  /** Text is always written as text: a leading = + - @ never becomes a formula. */
  readonly value: string | number;
  readonly style: XlsxCellStyle;
}

export interface XlsxRow {
  readonly heightPt: number;
  /** By column, from column A; undefined leaves the cell empty and unstyled. */
  readonly cells: readonly (XlsxCell | undefined)[];
}

export interface XlsxPage {
  readonly paper: XlsxPaper;
  readonly orientation: 'portrait' | 'landscape';
  readonly marginsInch: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Pages across and down to fit to; 0 down means as many as needed. */
  readonly fitTo?: { readonly width: number; readonly height: number };
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly printTitleRows?: { readonly first: number; readonly last: number };
  /** Excel header/footer codes (&P page number, &L &C &R sections). */
  readonly oddFooter?: string;
  readonly evenFooter?: string;
  readonly horizontalCentered?: boolean;
}

export interface XlsxSheet {
  readonly name: string;
  /** Column widths in Excel's units (digits of the default font). */
  readonly columnWidths: readonly number[];
  readonly rows: readonly XlsxRow[];
  readonly merges: readonly XlsxRange[];
  readonly page: XlsxPage;
  /** Rows frozen at the top of the window. */
  readonly frozenRows?: number;
  /** Excel's filter buttons on the header row over this range (1-based, header row at the top). */
  readonly autoFilter?: XlsxRange;
  /** Manual page breaks: after each of these rows (1-based). */
  readonly rowBreaksAfter?: readonly number[];
  readonly dataValidations?: readonly XlsxValidation[];
  /** Expression rules (LibreOffice ignores containsText rules, docs/format.md#library-facts). */
  readonly conditionalFormats?: readonly XlsxConditionalFormat[];
  /**
   * Protect the sheet (no password: it guards against slips, and a lost
   * password would lock the office out): cells stay locked unless their style
   * says locked: false. Without a password exceljs writes no random salt, so
   * the bytes stay the same from run to run.
   */
  readonly protected?: boolean;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

/**
 * What Excel does with a value outside the rule: 'stop' refuses it (the
 * default); 'warning' asks and lets the user keep it — for a date cell whose
 * typed text (2023.10.5) an importer reads more kindly than Excel does.
 */
export type XlsxValidationErrorStyle = 'stop' | 'warning' | 'information';

export type XlsxValidation =
  | {
      readonly range: XlsxRange;
      readonly type: 'list';
      readonly values: readonly string[];
      readonly prompt?: string;
      readonly error?: string;
      readonly errorStyle?: XlsxValidationErrorStyle;
    }
  | {
      readonly range: XlsxRange;
      readonly type: 'date';
      /** YYYY-MM-DD bounds, inclusive. */
      readonly min: string;
      readonly max: string;
      readonly prompt?: string;
      readonly error?: string;
      readonly errorStyle?: XlsxValidationErrorStyle;
    };

export interface XlsxConditionalFormat {
  readonly range: XlsxRange;
  /** A formula relative to the range's top-left cell, without the leading =, e.g. `$K5="已完成"`. */
  readonly formula: string;
  readonly fillHex: string;
  readonly fontColorHex?: string;
}

export interface XlsxWorkbook {
  readonly sheets: readonly XlsxSheet[];
  readonly creator: string;
  readonly title?: string;
  /** YYYY-MM-DD: created/modified/printed stamps and zip entry dates, so output is byte-stable. */
  readonly date: string;
}

/** The workbook's bytes (byte-stable: the same book gives the same bytes). */
export async function writeXlsx(book: XlsxWorkbook, rowsBy: XlsxRowsBy = 'text'): Promise<Buffer> {
  const workbook = new Workbook();
  const stamp = new Date(`${book.date}T00:00:00Z`);
  workbook.creator = book.creator;
  workbook.lastModifiedBy = book.creator;
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.lastPrinted = stamp;
  if (book.title !== undefined) workbook.title = book.title;
  for (const sheet of book.sheets) addSheet(workbook, sheet, rowsBy);
  await protectSheets(workbook, book);
  // exceljs's zip writer hands the parts to formats/zip-writer.ts when given a date (exceljs.ts says why).
  const bytes = await workbook.xlsx.writeBuffer({ zip: zipOptions(book.date) } as Parameters<typeof workbook.xlsx.writeBuffer>[0]);
  return Buffer.from(bytes as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, rowsBy: XlsxRowsBy): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: sheet.frozenRows ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [],
  });
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  if (rowsBy === 'text') writeRowsAsText(ws, new SheetRows({ rows: sheet.rows, merges: sheet.merges, styleModel: cellStyleModel }));
  else addCells(ws, sheet);
  // A page break is the sheet's, not a cell's: getRow makes an empty row, which neither way writes.
  for (const r of sheet.rowBreaksAfter ?? []) ws.getRow(r).addPageBreak();
  if (sheet.autoFilter) ws.autoFilter = { from: { row: sheet.autoFilter.top, column: sheet.autoFilter.left }, to: { row: sheet.autoFilter.bottom, column: sheet.autoFilter.right } };
  applyPage(ws, sheet.page);
  for (const v of sheet.dataValidations ?? []) applyValidation(ws, v);
  for (const f of sheet.conditionalFormats ?? []) applyConditionalFormat(ws, f);
  if (sheet.state !== undefined) ws.state = sheet.state;
}

/** The rows as exceljs cells, merged as the sheet says. */
function addCells(ws: ExcelJS.Worksheet, sheet: XlsxSheet): void {
  sheet.rows.forEach((row, r) => {
    const xlRow = ws.getRow(r + 1);
    xlRow.height = row.heightPt;
    row.cells.forEach((cell, c) => {
      if (cell === undefined) return;
      const xlCell = xlRow.getCell(c + 1);
      xlCell.value = cell.value;
      xlCell.style = cellStyleModel(cell.style);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

/** exceljs's protect() is asynchronous, so it runs once every sheet exists. */
async function protectSheets(workbook: ExcelJS.Workbook, book: XlsxWorkbook): Promise<void> {
  for (const sheet of book.sheets) {
    if (!sheet.protected) continue;
    await workbook.getWorksheet(sheet.name)!.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

function applyValidation(ws: ExcelJS.Worksheet, v: XlsxValidation): void {
  const messages = {
    showInputMessage: v.prompt !== undefined,
    ...(v.prompt !== undefined ? { prompt: v.prompt } : {}),
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? 'stop',
    ...(v.error !== undefined ? { error: v.error } : {}),
  };
  const rule: ExcelJS.DataValidation =
    v.type === 'list'
      ? // Excel's inline list is one quoted, comma-separated string of at most 255 characters.
        { type: 'list', allowBlank: true, formulae: [`"${v.values.join(',')}"`], ...messages }
      : { type: 'date', operator: 'between', allowBlank: true, formulae: [excelDate(v.min), excelDate(v.max)], ...messages };
  // One rule for the whole range. Set cell by cell, exceljs 4.4 regroups the
  // cells after sorting their addresses as text (H10 before H4) and writes
  // overlapping ranges that Excel offers to repair.
  (ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(rangeRef(v.range), rule);
}

/** A date as a JS Date at UTC midnight, which exceljs writes as the Excel serial of that day. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function applyConditionalFormat(ws: ExcelJS.Worksheet, f: XlsxConditionalFormat): void {
  ws.addConditionalFormatting({
    ref: rangeRef(f.range),
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [f.formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${f.fillHex}` } },
          ...(f.fontColorHex ? { font: { color: { argb: `FF${f.fontColorHex}` } } } : {}),
        },
      },
    ],
  });
}

const ALL_SIDES: XlsxSides = { top: true, right: true, bottom: true, left: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: `FF${COLOR_BLACK_HEX}` } };

/**
 * exceljs's style model of a cell style, a new object each call: exceljs
 * remembers the style objects it has given an id, by identity, so a shared
 * object would give a number cell the id of a text cell's style.
 */
function cellStyleModel(style: XlsxCellStyle): Partial<ExcelJS.Style> {
  const model: Partial<ExcelJS.Style> = {
    font: {
      name: style.font.name,
      size: style.font.sizePt,
      ...(style.font.bold ? { bold: true } : {}),
      ...(style.font.colorHex ? { color: { argb: `FF${style.font.colorHex}` } } : {}),
      ...(style.font.charset === undefined ? {} : { charset: style.font.charset }),
    },
    alignment: { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap },
  };
  if (style.numFmt !== undefined) model.numFmt = style.numFmt;
  if (style.fillHex !== undefined) model.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fillHex}` } };
  if (style.locked !== undefined) model.protection = { locked: style.locked };
  const sides = style.border === true ? ALL_SIDES : style.border === false ? undefined : style.border;
  if (sides !== undefined) {
    model.border = {
      ...(sides.top ? { top: THIN } : {}),
      ...(sides.right ? { right: THIN } : {}),
      ...(sides.bottom ? { bottom: THIN } : {}),
      ...(sides.left ? { left: THIN } : {}),
    };
  }
  return model;
}

function applyPage(ws: ExcelJS.Worksheet, page: XlsxPage): void {
  ws.pageSetup = {
    paperSize: EXCEL_PAPER_CODE[page.paper] as ExcelJS.PaperSize,
    orientation: page.orientation,
    margins: { ...page.marginsInch },
    ...(page.fitTo ? { fitToPage: true, fitToWidth: page.fitTo.width, fitToHeight: page.fitTo.height } : {}),
    ...(page.printTitleRows ? { printTitlesRow: `${page.printTitleRows.first}:${page.printTitleRows.last}` } : {}),
    ...(page.horizontalCentered ? { horizontalCentered: true } : {}),
  };
  if (page.oddFooter !== undefined || page.evenFooter !== undefined) {
    ws.headerFooter = {
      differentOddEven: page.evenFooter !== undefined,
      ...(page.oddFooter !== undefined ? { oddFooter: page.oddFooter } : {}),
      ...(page.evenFooter !== undefined ? { evenFooter: page.evenFooter } : {}),
    } as ExcelJS.HeaderFooter;
  }
}
