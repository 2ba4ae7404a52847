// Reading a workbook: every sheet as plain values, whatever exceljs's cell
// type. Used by the loaders (unit forms, task tables); knows no plan.

import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs.js';

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
  if ('hyperlink' in raw) {
    // The link's text may itself be rich text (exceljs/exceljs#1988): never "[object Object]".
    const text = (raw as { text?: unknown }).text;
    if (text !== null && typeof text === 'object' && 'richText' in text) return { value: (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('') };
    return { value: typeof text === 'string' || typeof text === 'number' ? String(text) : '' };
  }
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
