// The ledger (整改台账-<YYYY-MM>.xlsx): the model of compose/ledger.ts as an
// Excel workbook. The table sheets reuse the task table's pieces (header
// cells, styles, row heights from wrapped text, page setup); a ledger keeps
// one whole row per problem — it is sorted, filtered and typed into. Every
// sheet prints on A3 landscape (XLSX_WIDE_SHEET_PAPER); a table sheet is laid
// out as wide as the type area at the print scale its model was composed for
// (model.printScale, at least 80 %: 小四 prints at 9 pt or more) and printed
// fitted to the page's width.

import { type LedgerModel, type LedgerTableSheet, type SummaryRow, type SummaryTable } from '../../model/document/ledger.js';
import { PERIOD_KEYS, WARNING_WORDS } from '../../model/document/ledger.js';
import type { ValidationWording } from '../../model/document/unit-form.js';
import { textWidthEm } from '../../layout/text-width.js';
import { STATUSES } from '../../model/progress-schema.js';
import { TWIP_PER_PT, ptToTwip } from '../../layout/gbt9704.js';
import {
  XLSX_COLUMN_PADDING_PT,
  XLSX_PAGE_FILL_RATIO,
  XLSX_SUMMARY_HEADER_WHOLE_EM,
  XLSX_TYPE_AREA_PT,
  XLSX_WARNING_FILL_HEX,
  XLSX_WIDE_SHEET_PAPER,
  excelWidthFromPt,
} from '../../layout/excel.js';
import { shareWidths } from '../../layout/table-widths.js';
import { safeSheetName } from './sheet-name.js';
import { HEADER_STYLE, SheetBuilder, TITLE_STYLE, bodyStyle, font, landscapeTablePage, type RenderedXlsx, type XlsxWarning } from './sheet-builder.js';
import { addHeader } from './task-table.js';
import { columnLetters } from '../../formats/xlsx/cells.js';
import { writeXlsx, type XlsxRowsBy, type XlsxCellStyle, type XlsxConditionalFormat, type XlsxSheet, type XlsxValidation } from '../../formats/xlsx/writer.js';

/** Rows above a table sheet's header: the title. */
const TITLE_ROWS = 1;

/** A note under a table: body text, flush left, no rules. */
const NOTE_STYLE: XlsxCellStyle = { ...bodyStyle('justify'), horizontal: 'left', border: false };
/** A caption above a summary table: the header's face, flush left, no rules. */
const CAPTION_STYLE: XlsxCellStyle = { ...HEADER_STYLE, horizontal: 'left', border: false };
const LABEL_CELL_STYLE = bodyStyle('center');
const VALUE_STYLE = bodyStyle('center');

/**
 * The ledger workbook from its model (composed for xlsxSheetFits(XLSX_WIDE_SHEET_PAPER)), with its layout warnings.
 * `rowsBy` 'library' writes the rows as exceljs cells, the reference the default is tested against.
 */
export async function renderLedgerXlsx(model: LedgerModel, rowsBy?: XlsxRowsBy): Promise<RenderedXlsx> {
  const { sheets, warnings } = ledgerSheets(model);
  const buffer = await writeXlsx({ sheets, creator: 'zhenggai', title: model.title, date: model.asOf }, rowsBy);
  return { buffer, warnings };
}

/** Every sheet of the ledger (pure), names made safe and unique in order: 台账, 统计, the units, then 回头看 (when the period has records). */
export function ledgerSheets(model: LedgerModel): { sheets: XlsxSheet[]; warnings: XlsxWarning[] } {
  const taken = new Set<string>();
  const claim = (wanted: string) => {
    const name = safeSheetName(wanted, taken);
    taken.add(name);
    return name;
  };
  const built = [
    tableSheet(model.main, claim(model.main.name), model.statusValidation),
    summarySheet(model.summary, claim(model.summary.name)),
    ...model.units.map((unit) => tableSheet(unit, claim(unit.name), model.statusValidation)),
    ...(model.reviews ? [tableSheet(model.reviews, claim(model.reviews.name), model.statusValidation)] : []),
  ];
  return { sheets: built.map((b) => b.sheet), warnings: built.flatMap((b) => b.warnings) };
}

// --- a table sheet: 台账 and each unit's --------------------------------------

const PAPER = XLSX_WIDE_SHEET_PAPER;

/** Column widths: the type area's width at the print scale, each column's padding first and the rest in proportion to its em. */
function ledgerWidthsPt(weights: readonly number[], printScale: number): number[] {
  const total = XLSX_TYPE_AREA_PT[PAPER].width / printScale;
  return shareWidths(Math.floor(ptToTwip(total)), weights, Math.ceil(ptToTwip(XLSX_COLUMN_PADDING_PT))).map((t) => t / TWIP_PER_PT);
}

function tableSheet(ledger: LedgerTableSheet, name: string, statusValidation: ValidationWording): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const { table } = ledger;
  const widthsPt = ledgerWidthsPt(
    table.columns.map((c) => c.weight),
    table.printScale,
  );
  const sheet = new SheetBuilder(name, widthsPt);
  const last = sheet.columnCount - 1;
  sheet.place(0, 0, 0, last, ledger.titleLines.join('\n'), TITLE_STYLE);
  sheet.fitHeights(0, TITLE_ROWS);
  addHeader(sheet, table, TITLE_ROWS);
  const first = TITLE_ROWS + table.headerRowCount;
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      // The ledger's table has no merged cells (composeLedgerTable turns merging off).
      if (cell.kind === 'text') sheet.place(first + r, c, first + r, c, ledgerValue(table.columns[c]!.key, cell.text), bodyStyle(table.columns[c]!.align, table.cellSizePt));
    });
  });
  const end = first + table.rows.length;
  sheet.fitHeights(first, end);
  if (ledger.note !== undefined) {
    sheet.place(end, 0, end, last, ledger.note, NOTE_STYLE);
    sheet.fitHeights(end, end + 1);
  }
  const body = { first: first + 1, last: end, columns: sheet.columnCount };
  return {
    sheet: {
      name,
      columnWidths: widthsPt.map(excelWidthFromPt),
      rows: sheet.rows(),
      merges: sheet.merges,
      frozenRows: first,
      ...(ledger.filter && table.rows.length > 0 ? { autoFilter: { top: first, left: 1, bottom: end, right: sheet.columnCount } } : {}),
      page: landscapeTablePage(PAPER, { first: TITLE_ROWS + 1, last: first }),
      // The 回头看 sheet has neither a status to choose nor a 预警 to colour by.
      ...(table.rows.length === 0 || !hasColumn(ledger, PERIOD_KEYS.warning) ? {} : rowRules(ledger, body, statusValidation)),
    },
    warnings: sheet.warnings,
  };
}

/** 1-based sheet rows of a table's body, and its column count. */
interface BodyRange {
  readonly first: number;
  readonly last: number;
  readonly columns: number;
}

function hasColumn(ledger: LedgerTableSheet, key: string): boolean {
  return ledger.table.columns.some((c) => c.key === key);
}

function columnOf(ledger: LedgerTableSheet, key: string): number {
  const index = ledger.table.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`ledger table has no ${key} column`);
  return index + 1;
}

/**
 * The status drop-down (the five statuses; 逾期 is derived, never typed) and
 * the row colours: one expression rule a colour, keyed to the row's 预警 cell
 * — LibreOffice ignores “contains text” rules (docs/format.md#library-facts) but shows these,
 * and as 预警 holds one word the rules never overlap.
 */
function rowRules(ledger: LedgerTableSheet, body: BodyRange, statusValidation: ValidationWording): { dataValidations: XlsxValidation[]; conditionalFormats: XlsxConditionalFormat[] } {
  const status = columnOf(ledger, PERIOD_KEYS.status);
  const warning = columnOf(ledger, PERIOD_KEYS.warning);
  const warningRef = `$${columnLetters(warning)}${body.first}`;
  const rows = { top: body.first, bottom: body.last };
  return {
    dataValidations: [
      { range: { ...rows, left: status, right: status }, type: 'list', values: STATUSES, prompt: statusValidation.prompt, error: statusValidation.error },
    ],
    conditionalFormats: (Object.keys(WARNING_WORDS) as (keyof typeof WARNING_WORDS)[]).map((colour) => ({
      range: { ...rows, left: 1, right: body.columns },
      formula: `${warningRef}="${WARNING_WORDS[colour]}"`,
      fillHex: XLSX_WARNING_FILL_HEX[colour],
    })),
  };
}

// --- 统计: the two summary tables ------------------------------------------------

/**
 * Column widths for the summary, from its content: the label column as wide
 * as its longest label; a count column as wide as a short header (逾期,
 * 完成整改) or half a long one (已完成并长期坚持 wraps to two lines of four),
 * and as its widest value. The sheet is no wider than that (A3 leaves room to
 * spare), so it prints at full size.
 */
function summaryWidthsPt(tables: readonly SummaryTable[]): number[] {
  const columns = tables[0]!.headers.length;
  const size = bodyStyle('center').font.sizePt;
  return Array.from({ length: columns }, (_, c) => {
    const em =
      c === 0
        ? Math.max(...tables.flatMap((t) => [t.headers[0]!, ...t.rows.map((r) => r.label), t.totals.label]).map(textWidthEm))
        : Math.max(
            ...tables.map((t) => textWidthEm(t.headers[c]!)).map((h) => (h <= XLSX_SUMMARY_HEADER_WHOLE_EM ? h : Math.ceil(h / 2))),
            ...tables.flatMap((t) => [...t.rows, t.totals].map((r) => textWidthEm(String(r.values[c - 1])))),
          );
    return Math.ceil(em) * size + XLSX_COLUMN_PADDING_PT;
  });
}

function placeSummaryRow(sheet: SheetBuilder, r: number, row: SummaryRow, style: XlsxCellStyle): void {
  sheet.place(r, 0, r, 0, row.label, style);
  row.values.forEach((value, c) => sheet.place(r, c + 1, r, c + 1, value, VALUE_STYLE));
}

/** One table from sheet row `top` (0-based): caption, header, rows, totals, note. Returns the next free row. */
function placeSummaryTable(sheet: SheetBuilder, table: SummaryTable, top: number): number {
  const last = sheet.columnCount - 1;
  let r = top;
  sheet.place(r, 0, r, last, table.caption, CAPTION_STYLE);
  r += 1;
  table.headers.forEach((h, c) => sheet.place(r, c, r, c, h, HEADER_STYLE));
  r += 1;
  for (const row of table.rows) placeSummaryRow(sheet, r++, row, LABEL_CELL_STYLE);
  placeSummaryRow(sheet, r++, table.totals, { ...LABEL_CELL_STYLE, font: font(HEADER_STYLE.font.name, HEADER_STYLE.font.sizePt) });
  if (table.note !== undefined) {
    sheet.place(r, 0, r, last, table.note, NOTE_STYLE);
    r += 1;
  }
  sheet.fitHeights(top, r);
  return r;
}

/** One blank row between the title and the tables, and between the tables. */
const SUMMARY_GAP_ROWS = 1;

/**
 * The title, then each table after a blank row. A table that would run over
 * the end of a printed page starts on the next one instead (the sheet prints
 * at full size), so no table is cut between its header and its rows.
 */
function summarySheet(summary: LedgerModel['summary'], name: string): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const widthsPt = summaryWidthsPt(summary.tables);
  const sheet = new SheetBuilder(name, widthsPt);
  sheet.place(0, 0, 0, sheet.columnCount - 1, summary.titleLines.join('\n'), TITLE_STYLE);
  sheet.fitHeights(0, TITLE_ROWS);
  const pagePt = XLSX_TYPE_AREA_PT[PAPER].height * XLSX_PAGE_FILL_RATIO;
  const rowBreaksAfter: number[] = [];
  let pageTop = 0;
  let r = TITLE_ROWS;
  for (const table of summary.tables) {
    sheet.setHeight(r, HEADER_STYLE.font.sizePt);
    const top = r + SUMMARY_GAP_ROWS;
    r = placeSummaryTable(sheet, table, top);
    if (sheet.heightOf(pageTop, r) > pagePt && top > pageTop + SUMMARY_GAP_ROWS) {
      rowBreaksAfter.push(top); // after the blank row (1-based `top` is the 0-based row before the caption)
      pageTop = top;
    }
  }
  return {
    sheet: {
      name,
      columnWidths: widthsPt.map(excelWidthFromPt),
      rows: sheet.rows(),
      merges: sheet.merges,
      page: landscapeTablePage(PAPER),
      ...(rowBreaksAfter.length > 0 ? { rowBreaksAfter } : {}),
    },
    warnings: sheet.warnings,
  };
}

/** Columns whose whole-number values are written as numbers: sorting and filtering the ledger by them then goes 1, 2, … 10, not 1, 10, 2. */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['number', 'round']);

/**
 * A body cell's value: a number in a 序号 or 整改轮次 column when the text is
 * a whole number (a plan numbered plan-wide, a round); text otherwise (二-3,
 * a plan numbered per category, stays as shown).
 */
function ledgerValue(columnKey: string, text: string): string | number {
  return NUMERIC_COLUMNS.has(columnKey) && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : text;
}
