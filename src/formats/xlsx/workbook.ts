// The one module that knows exceljs. Renderers describe a workbook in the
// plain terms below (text, fonts, sizes in points, merges, page setup) and
// this module writes it; swapping exceljs (no release since 2023, DESIGN.md
// §5) means rewriting this file only.

import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { EXCEL_PAPER_A4 } from '../../layout/excel.js';
import { withFixedZipDates } from '../zip-dates.js';
import { COLOR_BLACK_HEX } from '../../layout/gbt9704.js';

// exceljs's entry point also loads its streaming reader and writer (unzipper
// and more: about 0.1 s of every command's start-up) that zhenggai never uses;
// its Workbook class, which writes and reads whole workbooks, is all it needs.
const requireExcelJs = createRequire(import.meta.url);
const Workbook = requireExcelJs('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

/**
 * exceljs 4.4.0 hands each XML part to JSZip as a JS string, and JSZip encodes
 * strings to UTF-8 in chunks cut by UTF-16 length: a character outside the BMP
 * (an Extension B 𠀀, an emoji) that straddles a chunk boundary comes out as
 * two U+FFFD. Handing JSZip UTF-8 bytes instead leaves nothing to cut.
 */
function encodePartsBeforeZipping(): void {
  const { ZipWriter } = requireExcelJs('exceljs/lib/utils/zip-stream.js') as {
    ZipWriter: { prototype: { append(data: unknown, options: { name: string; base64?: boolean }): void } };
  };
  const append = ZipWriter.prototype.append;
  ZipWriter.prototype.append = function appendBytes(data, options) {
    const bytes = typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data;
    append.call(this, bytes, options);
  };
}
encodePartsBeforeZipping();

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

/** A cell range, 1-based and inclusive. */
export interface XlsxRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface XlsxPage {
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
  /** Manual page breaks: after each of these rows (1-based). */
  readonly rowBreaksAfter?: readonly number[];
  readonly dataValidations?: readonly XlsxValidation[];
  /** Expression rules (LibreOffice ignores containsText rules, DESIGN.md §5). */
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

export async function writeXlsx(book: XlsxWorkbook): Promise<Buffer> {
  const workbook = new Workbook();
  const stamp = new Date(`${book.date}T00:00:00Z`);
  workbook.creator = book.creator;
  workbook.lastModifiedBy = book.creator;
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.lastPrinted = stamp;
  if (book.title !== undefined) workbook.title = book.title;
  for (const sheet of book.sheets) addSheet(workbook, sheet);
  await protectSheets(workbook, book);
  const bytes = await workbook.xlsx.writeBuffer();
  return withFixedZipDates(new Uint8Array(bytes as ArrayBuffer), book.date);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: sheet.frozenRows ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [],
  });
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  sheet.rows.forEach((row, r) => {
    const xlRow = ws.getRow(r + 1);
    xlRow.height = row.heightPt;
    row.cells.forEach((cell, c) => {
      if (cell === undefined) return;
      const xlCell = xlRow.getCell(c + 1);
      xlCell.value = cell.value;
      applyStyle(xlCell, cell.style);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of sheet.rowBreaksAfter ?? []) ws.getRow(r).addPageBreak();
  applyPage(ws, sheet.page);
  for (const v of sheet.dataValidations ?? []) applyValidation(ws, v);
  for (const f of sheet.conditionalFormats ?? []) applyConditionalFormat(ws, f);
  if (sheet.state !== undefined) ws.state = sheet.state;
}

/** exceljs's protect() is asynchronous, so it runs once every sheet exists. */
async function protectSheets(workbook: ExcelJS.Workbook, book: XlsxWorkbook): Promise<void> {
  for (const sheet of book.sheets) {
    if (!sheet.protected) continue;
    await workbook.getWorksheet(sheet.name)!.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

export function rangeRef(range: XlsxRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
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

/**
 * Excel's day 0 in the 1900 date system. Counting from 1899-12-30 absorbs
 * Excel's phantom 1900-02-29, so every serial from 61 (1900-03-01) on is right.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** The Excel serial of a YYYY-MM-DD date: write it with a date numFmt and Excel shows a real date. */
export function excelSerialFromIsoDate(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** The YYYY-MM-DD day of an Excel serial (a time of day is dropped); undefined outside 1900-03-01…9999-12-31. */
export function isoDateFromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return undefined;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
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

function applyStyle(cell: ExcelJS.Cell, style: XlsxCellStyle): void {
  cell.font = {
    name: style.font.name,
    size: style.font.sizePt,
    ...(style.font.bold ? { bold: true } : {}),
    ...(style.font.colorHex ? { color: { argb: `FF${style.font.colorHex}` } } : {}),
    ...(style.font.charset === undefined ? {} : { charset: style.font.charset }),
  };
  cell.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap };
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  if (style.fillHex !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fillHex}` } };
  if (style.locked !== undefined) cell.protection = { locked: style.locked };
  const sides = style.border === true ? ALL_SIDES : style.border === false ? undefined : style.border;
  if (sides === undefined) return;
  cell.border = {
    ...(sides.top ? { top: THIN } : {}),
    ...(sides.right ? { right: THIN } : {}),
    ...(sides.bottom ? { bottom: THIN } : {}),
    ...(sides.left ? { left: THIN } : {}),
  };
}

function applyPage(ws: ExcelJS.Worksheet, page: XlsxPage): void {
  ws.pageSetup = {
    paperSize: EXCEL_PAPER_A4 as ExcelJS.PaperSize,
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

// --- reading ------------------------------------------------------------------

export interface ReadCell {
  /** A1-style address. */
  readonly address: string;
  /** The value as stored: a formula cell gives its cached result; rich text is joined. */
  readonly value: string | number | boolean | Date | null;
  /** Present when the cell holds a formula (without the leading =). */
  readonly formula?: string;
  /** Present when the cell is covered by a merge: the merge's top-left address, whose value `value` repeats. */
  readonly master?: string;
}

export interface ReadSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly rowCount: number;
  readonly columnCount: number;
  /** 1-based row and column. */
  cell(row: number, column: number): ReadCell;
}

type RawValue = ExcelJS.CellValue;

/**
 * `cachedResult` is the cell's own result: exceljs's `value` copy of a formula
 * drops a falsy result (a cached 0, false or ''), which would read as "never
 * calculated".
 */
function plainValue(raw: RawValue, cachedResult: unknown): { value: ReadCell['value']; formula?: string } {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return { value: raw };
  if ('formula' in raw || 'sharedFormula' in raw) {
    const f = raw as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const result =
      cachedResult === undefined || cachedResult === null || (typeof cachedResult === 'object' && !(cachedResult instanceof Date))
        ? null
        : (cachedResult as string | number | boolean | Date);
    return { value: result, formula: f.formula ?? f.sharedFormula ?? '' };
  }
  if ('richText' in raw) return { value: raw.richText.map((part) => part.text).join('') };
  if ('hyperlink' in raw) return { value: String((raw as ExcelJS.CellHyperlinkValue).text ?? '') };
  if ('error' in raw) return { value: null };
  return { value: null };
}

/** Every sheet of an xlsx, as plain values. Size limits are the caller's job, before this is called. */
export async function readXlsx(data: Uint8Array): Promise<ReadSheet[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => ({
    name: ws.name,
    state: (ws.state ?? 'visible') as ReadSheet['state'],
    rowCount: ws.rowCount,
    columnCount: ws.columnCount,
    cell(row: number, column: number): ReadCell {
      const cell = ws.getCell(row, column);
      const master = cell.isMerged && cell.master.address !== cell.address ? { master: cell.master.address } : {};
      return { address: cell.address, ...plainValue(cell.value, (cell as unknown as { result?: unknown }).result), ...master };
    },
  }));
}
