// A filled unit form, read: the file checked as a package (import-package.ts),
// then every sheet cell by cell as stored (formats/xlsx/cell-reader.ts), within
// the limits below, and the hidden sheet's keys found.
import { FORM_META_KEYS, type FormMetaKey } from '../model/document/unit-form-layout.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CellReadLimitError, PackageError, readCellWorkbook, type CellReadLimits, type CellSheet } from '../formats/xlsx/cell-reader.js';
import { readOfficeFile } from './import-package.js';
import { looseText } from './form-cells.js';

/**
 * A form has a row per problem the unit reports, under four heading rows: a
 * plan of thousands of problems stays far below these. They bound what
 * reading a form may cost whatever the file holds — rows are counted as they
 * are read and a sheet that declares more rows (<dimension>) is refused
 * before any cell is read — so an import stays within a few seconds and a
 * few hundred MB, on the smallest office PC (docs/inputs.md#limits).
 */
export const MAX_FORM_ROWS = 200_000;
/** Cells holding a value, a formula or a picture (and cells covered by merges or hyperlinks), all sheets together. */
export const MAX_FORM_CELLS = 200_000;
export const MAX_FORM_SHARED_STRINGS = 200_000;
/** Parts read whole: workbook, styles, drawings, relationships, picture lists. */
export const MAX_FORM_PART_BYTES = 16 * 1024 * 1024;

export const FORM_READ_LIMITS: CellReadLimits = {
  maxRows: MAX_FORM_ROWS,
  maxCells: MAX_FORM_CELLS,
  maxSharedStrings: MAX_FORM_SHARED_STRINGS,
  maxPartBytes: MAX_FORM_PART_BYTES,
};

export interface FormWorkbook {
  /** The file as diagnostics name it. */
  file: string;
  sheets: readonly CellSheet[];
  /** Dates count from 1904 (a workbook saved so by an old Mac Excel). */
  date1904: boolean;
}

export interface MetaValue {
  value: string;
  /** Address of the value's cell on the hidden sheet. */
  address: string;
}

export type FormMeta = Partial<Record<FormMetaKey, MetaValue>>;

const grouped = (n: number) => n.toLocaleString('en-US');

function limitDiagnostic(file: string, error: CellReadLimitError): Diagnostic {
  const where = error.sheet === undefined ? {} : { sheet: error.sheet, ...(error.place !== undefined && !error.place.includes(':') ? { cell: error.place } : {}) };
  const sheet = error.sheet === undefined ? '' : `工作表“${error.sheet}”`;
  const advice = '填报表只需问题所在的行：请删除多余的行列（或在整改办新发的本期填报表中重新填写）后再报送';
  const message = {
    rows: `表格过大：${sheet}有${error.found}（含空行），超过 ${grouped(MAX_FORM_ROWS)} 行的上限，未读取。${advice}`,
    cells: `表格过大：${sheet}有内容的单元格${error.found}，未读取。${advice}`,
    'shared-strings': `表格过大：文字条目${error.found}，超过 ${grouped(MAX_FORM_SHARED_STRINGS)} 条的上限，未读取。${advice}`,
    'part-size': `表格过大：部件 ${error.found} 超过 ${grouped(MAX_FORM_PART_BYTES)} 字节的上限，未读取。${advice}`,
  }[error.limit];
  return { file, ...where, ruleId: 'form-too-large', severity: 'error', message };
}

export async function readFormWorkbook(file: string, shown: string): Promise<{ form?: FormWorkbook; diagnostic?: Diagnostic }> {
  const read = await readOfficeFile(file, shown, 'xlsx');
  if (!read.data) return { diagnostic: read.diagnostic! };
  try {
    const workbook = readCellWorkbook(read.data, FORM_READ_LIMITS);
    return { form: { file: shown, sheets: workbook.sheets, date1904: workbook.date1904 } };
  } catch (error) {
    if (error instanceof CellReadLimitError) return { diagnostic: limitDiagnostic(shown, error) };
    if (!(error instanceof PackageError)) throw error;
    return { diagnostic: { file: shown, ruleId: 'corrupt-file', severity: 'error', message: `无法读取此 Excel 文件（文件已损坏或格式不受支持：${error.message}）` } };
  }
}

export function findSheet(form: FormWorkbook, name: string): CellSheet | undefined {
  return form.sheets.find((s) => s.name === name);
}

/** Rows of the hidden sheet: key in column A, value in column B; keys found wherever their row is; unknown keys are ignored. */
export function readFormMeta(sheet: CellSheet, date1904: boolean): FormMeta {
  const byLabel = new Map<string, FormMetaKey>((Object.keys(FORM_META_KEYS) as FormMetaKey[]).map((k) => [FORM_META_KEYS[k], k]));
  const meta: FormMeta = {};
  for (const r of sheet.rowNumbers) {
    const key = byLabel.get(looseText(sheet.cell(r, 1), date1904) ?? '');
    if (key === undefined || meta[key] !== undefined) continue;
    const cell = sheet.cell(r, 2);
    meta[key] = { value: looseText(cell, date1904) ?? '', address: cell.address };
  }
  return meta;
}
