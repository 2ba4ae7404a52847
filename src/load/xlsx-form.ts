// A filled unit form, read: the file checked as a package, then every sheet as
// plain values through the xlsx adapter, and the hidden sheet's keys found.
import { FORM_META_KEYS, FORM_META_ORDER, type FormMetaKey } from '../model/document/unit-form-layout.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readXlsx, type ReadSheet } from '../formats/xlsx/reader.js';
import { readOfficeFile } from './import-package.js';
import { cellText } from './cell-values.js';

export interface FormWorkbook {
  /** The file as diagnostics name it. */
  file: string;
  sheets: ReadSheet[];
}

export interface MetaValue {
  value: string;
  /** Address of the value's cell on the hidden sheet. */
  address: string;
}

export type FormMeta = Partial<Record<FormMetaKey, MetaValue>>;

export async function readFormWorkbook(file: string, shown: string): Promise<{ form?: FormWorkbook; diagnostic?: Diagnostic }> {
  const read = await readOfficeFile(file, shown, 'xlsx');
  if (!read.data) return { diagnostic: read.diagnostic! };
  try {
    return { form: { file: shown, sheets: await readXlsx(read.data) } };
  } catch {
    return { diagnostic: { file: shown, ruleId: 'corrupt-file', severity: 'error', message: '无法读取此 Excel 文件（文件已损坏或格式不受支持）' } };
  }
}

export function findSheet(form: FormWorkbook, name: string): ReadSheet | undefined {
  return form.sheets.find((s) => s.name === name);
}

/** Rows of the hidden sheet: key in column A, value in column B; keys found wherever their row is. */
export function readFormMeta(sheet: ReadSheet): FormMeta {
  const byLabel = new Map<string, FormMetaKey>(FORM_META_ORDER.map((k) => [FORM_META_KEYS[k], k]));
  const meta: FormMeta = {};
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const key = byLabel.get(cellText(sheet.cell(r, 1).value) ?? '');
    if (key === undefined || meta[key] !== undefined) continue;
    const cell = sheet.cell(r, 2);
    meta[key] = { value: cellText(cell.value) ?? '', address: cell.address };
  }
  return meta;
}

