// A unit's progress form as an Excel workbook: the input sheet (plan columns
// locked and grey, answer columns unlocked with drop-downs and date checks —
// except on a row the office has closed this period, locked and grey too),
// an information sheet for problems the unit co-leads but does not report,
// and a veryHidden sheet that identifies the form to the importer. Rows are
// sized by SheetBuilder, fonts and page as the task table's. Every text is the
// model's: the column headers (unit-form-layout.ts, from the vocabulary) and
// the wording composed from templates/unit-form.hbs.

import {
  FORM_COLUMNS,
  FORM_DATE_NUMFMT,
  FORM_FORMAT,
  FORM_HEADER_ROW,
  FORM_INFO_SHEET,
  FORM_INSTRUCTIONS_ROW,
  FORM_META_KEYS,
  FORM_META_ORDER,
  FORM_META_SHEET,
  FORM_PARTICULARS_ROW,
  FORM_SHEET,
  FORM_STATUS_VALUES,
  FORM_TITLE_ROW,
  FORM_WRITER,
  FORM_YES_NO_VALUES,
  formColumnIndex,
  type FormColumn,
  type FormField,
  type FormMetaKey,
} from '../../model/document/unit-form-layout.js';
import { STATUS_WORDS, TABLE_FIELD_KINDS } from '../../model/document/task-table.js';
import { formatRowDigests, type FormPlanCells, type FormRow, type UnitFormModel } from '../../model/document/unit-form.js';
import { XLSX_COLUMN_PADDING_PT, XLSX_TYPE_AREA_PT, XLSX_WIDE_SHEET_PAPER, excelWidthFromPt, xlsxSheetFits } from '../../layout/excel.js';
import { TABLE_CELL_FONT, TABLE_CELL_SIZE_PT, TWIP_PER_PT, ptToTwip } from '../../layout/gbt9704.js';
import { fitTable, shareWidths, type ColumnKind, type WidthColumn } from '../../layout/table-widths.js';
import { HEADER_STYLE, SheetBuilder, TITLE_STYLE, bodyStyle, font, landscapeTablePage, type RenderedXlsx, type XlsxWarning } from './sheet-builder.js';
import { columnLetters, excelSerialFromIsoDate } from '../../formats/xlsx/cells.js';
import { writeXlsx, type XlsxRowsBy, type XlsxCellStyle, type XlsxConditionalFormat, type XlsxRow, type XlsxSheet, type XlsxValidation, type XlsxWorkbook } from '../../formats/xlsx/writer.js';

// Fills that tell the clerk at a glance what is theirs to type.
const PLAN_FILL_HEX = 'F2F2F2';
const PLAN_HEADER_FILL_HEX = 'D9D9D9';
const INPUT_HEADER_FILL_HEX = 'E2EFDA';
const INSTRUCTIONS_FILL_HEX = 'FFF2CC';
/** Conditional fill of an answer still missing (推进中 without 达到序时进度, completed without a date). */
const MISSING_FILL_HEX = 'FFEB9C';
/** A form prints on A3 landscape like the ledger: sixteen columns do not fit A4 at a legible size. */
const PAPER = XLSX_WIDE_SHEET_PAPER;

/** A unit's form workbook; `rowsBy` 'library' writes the rows as exceljs cells, the reference the default is tested against. */
export async function renderUnitFormXlsx(model: UnitFormModel, rowsBy?: XlsxRowsBy): Promise<RenderedXlsx> {
  const { book, warnings } = unitFormWorkbook(model);
  return { buffer: await writeXlsx(book, rowsBy), warnings };
}

/** The workbook description (pure). */
export function unitFormWorkbook(model: UnitFormModel): { book: XlsxWorkbook; warnings: XlsxWarning[] } {
  const main = inputSheet(model);
  const sheets: XlsxSheet[] = [main.sheet];
  const warnings = [...main.warnings];
  if (model.infoRows.length > 0) {
    const info = infoSheet(model);
    sheets.push(info.sheet);
    warnings.push(...info.warnings);
  }
  sheets.push(metaSheet(model));
  return { book: { sheets, creator: 'zhenggai', title: model.wording.fileTitle, date: model.date }, warnings };
}

// --- styles -------------------------------------------------------------------

const TEXT_STYLE: XlsxCellStyle = { font: font(TABLE_CELL_FONT, TABLE_CELL_SIZE_PT), horizontal: 'left', vertical: 'middle', wrap: true, border: false };
const INSTRUCTIONS_STYLE: XlsxCellStyle = { ...TEXT_STYLE, vertical: 'top', fillHex: INSTRUCTIONS_FILL_HEX };

function planStyle(field: FormField): XlsxCellStyle {
  const centred = field === 'summary' || field === 'measures' ? 'justify' : 'center';
  return { ...bodyStyle(centred), fillHex: PLAN_FILL_HEX };
}

/** Answer cells: unlocked; '@' keeps typed text as text (a leading = stays text, 1-2 is not a date). */
function inputStyle(column: FormColumn): XlsxCellStyle {
  const align = column.kind === 'text' ? 'justify' : 'center';
  return { ...bodyStyle(align), locked: false, numFmt: column.kind === 'date' ? FORM_DATE_NUMFMT : '@' };
}

function headerStyle(column: FormColumn): XlsxCellStyle {
  return { ...HEADER_STYLE, fillHex: column.kind === 'plan' ? PLAN_HEADER_FILL_HEX : INPUT_HEADER_FILL_HEX };
}

// --- widths ---------------------------------------------------------------------

/** What each form column holds, for the width allocation (layout/table-widths.ts). */
const FORM_KINDS: Readonly<Record<FormField, ColumnKind>> = {
  // The plan's fields hold what they hold in the task table.
  number: TABLE_FIELD_KINDS.number,
  summary: TABLE_FIELD_KINDS.summary,
  measures: TABLE_FIELD_KINDS.measures,
  deadline: TABLE_FIELD_KINDS.deadline,
  leadUnits: TABLE_FIELD_KINDS.leadUnits,
  cooperatingUnits: TABLE_FIELD_KINDS.cooperatingUnits,
  status: 'status',
  onSchedule: 'short',
  progress: 'text',
  completedOn: 'date',
  evidence: 'text',
  reason: 'text',
  extensionDeadline: 'deadline',
  extensionReason: 'text',
  extensionApprovedOn: 'date',
  note: 'text',
};

/**
 * Room to type in an answer column that is still empty: a text answer gets a
 * few words a line, a deadline phrase its usual length (10月底前完成).
 */
const INPUT_MIN_EM: Partial<Record<FormColumn['kind'], number>> = { text: 6 };
const DEADLINE_INPUT_MIN_EM = 6;

/**
 * Values a column must show whole besides the pre-filled ones: every status
 * and answer the drop-down offers, and a date as the date format prints it
 * (a date is a number: too narrow a column shows ####).
 */
function offeredValues(field: FormField): readonly string[] {
  if (field === 'status') return FORM_STATUS_VALUES;
  if (field === 'onSchedule') return FORM_YES_NO_VALUES;
  if (field === 'completedOn' || field === 'extensionApprovedOn') return ['2000-12-31'];
  return [];
}

/**
 * Column widths in points from the text each column holds (the pre-filled
 * rows and the values offered), at the largest legible print scale on A3 at
 * which they fit (xlsxSheetFits): the sheet is as wide as the type area at
 * that scale and printed fitted to the page's width.
 */
function formWidthsPt(columns: readonly FormColumn[], rows: readonly (readonly string[])[]): number[] {
  const offered = columns.map((c) => offeredValues(c.field));
  const extraRows = Math.max(0, ...offered.map((o) => o.length));
  const width: WidthColumn[] = columns.map((column, c) => ({
    kind: FORM_KINDS[column.field],
    header: column.header,
    cells: [...rows.map((row) => row[c]!), ...Array.from({ length: extraRows }, (_, k) => offered[c]![k] ?? '')].map((text) => (text === '' ? undefined : { text, rowSpan: 1 })),
    ...(column.field === 'status' ? { keep: STATUS_WORDS } : {}),
    ...(column.kind === 'plan' ? {} : { minEm: column.field === 'extensionDeadline' ? DEADLINE_INPUT_MIN_EM : (INPUT_MIN_EM[column.kind] ?? 0) }),
  }));
  const { fit, allocation } = fitTable(width, xlsxSheetFits(PAPER));
  const total = XLSX_TYPE_AREA_PT[PAPER].width / fit.scale;
  return shareWidths(Math.floor(ptToTwip(total)), allocation.widthsEm, Math.ceil(ptToTwip(XLSX_COLUMN_PADDING_PT))).map((t) => t / TWIP_PER_PT);
}

// --- the input sheet ------------------------------------------------------------

function inputSheet(model: UnitFormModel): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const widthsPt = formWidthsPt(
    FORM_COLUMNS,
    model.rows.map((row) => FORM_COLUMNS.map((column) => cellText(row, column.field))),
  );
  const b = new SheetBuilder(FORM_SHEET, widthsPt);
  const last = FORM_COLUMNS.length - 1;
  const headerRow = FORM_HEADER_ROW - 1;
  const [title, info, notes] = [FORM_TITLE_ROW - 1, FORM_PARTICULARS_ROW - 1, FORM_INSTRUCTIONS_ROW - 1];
  b.place(title, 0, title, last, model.wording.title, TITLE_STYLE);
  b.place(info, 0, info, last, model.wording.particulars, TEXT_STYLE);
  b.place(notes, 0, notes, last, model.wording.instructions, INSTRUCTIONS_STYLE);
  FORM_COLUMNS.forEach((column, c) => b.place(headerRow, c, headerRow, c, column.header, headerStyle(column)));
  model.rows.forEach((row, i) => placeRow(b, headerRow + 1 + i, row));
  b.fitHeights(0, headerRow + 1 + model.rows.length);
  const sheet: XlsxSheet = {
    name: FORM_SHEET,
    columnWidths: widthsPt.map(excelWidthFromPt),
    rows: withDateValues(b.rows(), model.rows),
    merges: b.merges,
    frozenRows: FORM_HEADER_ROW,
    page: landscapeTablePage(PAPER, { first: FORM_HEADER_ROW, last: FORM_HEADER_ROW }),
    dataValidations: validations(model),
    conditionalFormats: conditionalFormats(model.rows.length),
    protected: true,
  };
  return { sheet, warnings: b.warnings };
}

/** An answer cell of a row the office has closed (FormRow.closure): locked and grey like the plan's columns, as the instructions row says. */
function closedStyle(column: FormColumn): XlsxCellStyle {
  const { locked: _unlocked, ...style } = inputStyle(column);
  return { ...style, fillHex: PLAN_FILL_HEX };
}

function placeRow(b: SheetBuilder, r: number, row: FormRow): void {
  FORM_COLUMNS.forEach((column, c) => {
    const style = column.kind === 'plan' ? planStyle(column.field) : row.closure ? closedStyle(column) : inputStyle(column);
    b.place(r, c, r, c, cellText(row, column.field), style);
  });
}

function cellText(row: FormRow, field: FormField): string {
  switch (field) {
    case 'number':
      return row.plan.shownNumber;
    case 'summary':
    case 'measures':
    case 'deadline':
    case 'leadUnits':
    case 'cooperatingUnits':
      return row.plan[field];
    case 'evidence':
      return '';
    case 'note':
      // Pre-filled only on a closed row (its entry's own 备注); otherwise the note explains this month's change.
      return row.answers.note ?? '';
    default:
      return row.answers[field] ?? '';
  }
}

/** Pre-filled dates go in as Excel dates (the builder places text), so Excel and WPS show and sort them as dates. */
function withDateValues(rows: XlsxRow[], formRows: readonly FormRow[]): XlsxRow[] {
  const dateFields: FormField[] = ['completedOn', 'extensionApprovedOn'];
  return rows.map((row, r) => {
    const formRow = formRows[r - FORM_HEADER_ROW];
    if (formRow === undefined) return row;
    const cells = [...row.cells];
    for (const field of dateFields) {
      const iso = formRow.answers[field as 'completedOn' | 'extensionApprovedOn'];
      const c = formColumnIndex(field) - 1;
      if (iso !== undefined && cells[c] !== undefined) cells[c] = { ...cells[c]!, value: excelSerialFromIsoDate(iso) };
    }
    return { ...row, cells };
  });
}

function columnRange(field: FormField, count: number) {
  const column = formColumnIndex(field);
  return { top: FORM_HEADER_ROW + 1, left: column, bottom: FORM_HEADER_ROW + count, right: column };
}

function validations(model: UnitFormModel): XlsxValidation[] {
  const n = model.rows.length;
  if (n === 0) return [];
  const date = (field: FormField): XlsxValidation => ({
    range: columnRange(field, n),
    type: 'date',
    min: model.dateMin,
    max: model.asOf,
    // 'warning', not 'stop': 2023.10.5 typed as text is accepted by the importer.
    errorStyle: 'warning',
    ...model.wording.date,
  });
  return [
    { range: columnRange('status', n), type: 'list', values: FORM_STATUS_VALUES, ...model.wording.status },
    { range: columnRange('onSchedule', n), type: 'list', values: FORM_YES_NO_VALUES, ...model.wording.onSchedule },
    date('completedOn'),
    date('extensionApprovedOn'),
  ];
}

/** Highlight answers still missing; expression rules (LibreOffice ignores containsText, docs/format.md#library-facts). */
function conditionalFormats(n: number): XlsxConditionalFormat[] {
  if (n === 0) return [];
  const first = FORM_HEADER_ROW + 1;
  const ref = (field: FormField) => `$${columnLetters(formColumnIndex(field))}${first}`;
  const completed = FORM_STATUS_VALUES.filter((s) => s.startsWith('已')).map((s) => `${ref('status')}="${s}"`);
  return [
    { range: columnRange('onSchedule', n), formula: `AND(${ref('status')}="推进中",${ref('onSchedule')}="")`, fillHex: MISSING_FILL_HEX },
    { range: columnRange('completedOn', n), formula: `AND(OR(${completed.join(',')}),${ref('completedOn')}="")`, fillHex: MISSING_FILL_HEX },
  ];
}

// --- the information sheet ------------------------------------------------------

const INFO_FIELDS: readonly FormField[] = ['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits'];

function infoSheet(model: UnitFormModel): { sheet: XlsxSheet; warnings: XlsxWarning[] } {
  const columns = INFO_FIELDS.map((f) => FORM_COLUMNS[formColumnIndex(f) - 1]!);
  const widthsPt = formWidthsPt(
    columns,
    model.infoRows.map((cells) => columns.map((column) => infoText(cells, column.field))),
  );
  const b = new SheetBuilder(FORM_INFO_SHEET, widthsPt);
  const last = columns.length - 1;
  b.place(0, 0, 0, last, model.wording.infoTitle, TITLE_STYLE);
  b.place(1, 0, 1, last, model.wording.infoNote, TEXT_STYLE);
  columns.forEach((column, c) => b.place(2, c, 2, c, column.header, headerStyle(column)));
  model.infoRows.forEach((cells, i) => columns.forEach((column, c) => b.place(3 + i, c, 3 + i, c, infoText(cells, column.field), planStyle(column.field))));
  b.fitHeights(0, 3 + model.infoRows.length);
  const sheet: XlsxSheet = {
    name: FORM_INFO_SHEET,
    columnWidths: widthsPt.map(excelWidthFromPt),
    rows: b.rows(),
    merges: b.merges,
    frozenRows: 3,
    page: landscapeTablePage(PAPER, { first: 3, last: 3 }),
    protected: true,
  };
  return { sheet, warnings: b.warnings };
}

function infoText(cells: FormPlanCells, field: FormField): string {
  return field === 'number' ? cells.shownNumber : String(cells[field as keyof FormPlanCells]);
}

// --- the hidden sheet -----------------------------------------------------------

function metaValues(model: UnitFormModel): Record<FormMetaKey, string> {
  return {
    format: FORM_FORMAT,
    planName: model.planName,
    docNumber: model.docNumber,
    unit: model.unit,
    period: model.period,
    checksum: model.checksum,
    rowDigests: formatRowDigests(model.rowDigests),
    writer: FORM_WRITER,
  };
}

function metaSheet(model: UnitFormModel): XlsxSheet {
  const style: XlsxCellStyle = { ...TEXT_STYLE, numFmt: '@' };
  const values = metaValues(model);
  return {
    name: FORM_META_SHEET,
    columnWidths: [16, 80],
    rows: FORM_META_ORDER.map((key) => ({ heightPt: 15, cells: [{ value: FORM_META_KEYS[key], style }, { value: values[key], style }] })),
    merges: [],
    page: landscapeTablePage(PAPER, { first: 1, last: 1 }),
    protected: true,
    state: 'veryHidden',
  };
}
