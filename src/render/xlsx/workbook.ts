// The one module that knows exceljs. Renderers describe a workbook in the
// plain terms below (text, fonts, sizes in points, merges, page setup) and
// this module writes it; swapping exceljs (no release since 2023, DESIGN.md
// §5) means rewriting this file only.

import ExcelJS from 'exceljs';
import { EXCEL_PAPER_A4 } from '../layout/excel.js';
import { withFixedZipDates } from '../docx/zip-dates.js';
import { COLOR_BLACK_HEX } from '../layout/gbt9704.js';

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
}

export interface XlsxSides {
  readonly top: boolean;
  readonly right: boolean;
  readonly bottom: boolean;
  readonly left: boolean;
}

export interface XlsxCell {
  readonly value: string;
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
}

export interface XlsxWorkbook {
  readonly sheets: readonly XlsxSheet[];
  readonly creator: string;
  readonly title?: string;
  /** YYYY-MM-DD: created/modified/printed stamps and zip entry dates, so output is byte-stable. */
  readonly date: string;
}

export async function writeXlsx(book: XlsxWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${book.date}T00:00:00Z`);
  workbook.creator = book.creator;
  workbook.lastModifiedBy = book.creator;
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.lastPrinted = stamp;
  if (book.title !== undefined) workbook.title = book.title;
  for (const sheet of book.sheets) addSheet(workbook, sheet);
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
