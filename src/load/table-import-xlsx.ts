// The sheets of a workbook as grids for the task-table importer, read by
// formats/ooxml/spreadsheet.ts (saxes, by namespace) so tables from Excel,
// WPS, LibreOffice and scripts read alike; hidden sheets are marked, and not
// read by the importer. Only rows and columns that hold a
// value are laid out (a stray value at row 1,000,000 adds one row); merged
// areas come back as covered cells naming their anchor; a cell that shows an
// error or a formula never calculated carries a note, so the clerk hears of
// it instead of finding an empty field.
import { columnLetters } from '../formats/xlsx/cells.js';
import { readSpreadsheet, SpreadsheetError, type Sheet } from '../formats/ooxml/spreadsheet.js';
import type { GridCell, TableSource } from './table-import-grid.js';

/** Rows × columns holding values that a sheet may lay out as a grid; far beyond any task table. */
export const MAX_GRID_CELLS = 4_000_000;

export function xlsxTableSources(data: Uint8Array): TableSource[] {
  return readSpreadsheet(data).map(sheetSource);
}

function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The values of `sorted` within [from, to]. */
function within(sorted: readonly number[], from: number, to: number): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < sorted.length && sorted[i]! <= to; i += 1) out.push(sorted[i]!);
  return out;
}

function sheetSource(sheet: Sheet): TableSource {
  const rows = sheet.usedRows;
  const columns = sheet.usedColumns;
  if (rows.length * columns.length > MAX_GRID_CELLS) {
    throw new SpreadsheetError(`工作表“${sheet.name}”有 ${rows.length} 行 ${columns.length} 列内容，超出可读范围 (sheet too large)`);
  }
  // Each covered place names its merge's top-left; only places in used rows and columns matter.
  const anchorOf = new Map<string, [number, number]>();
  for (const m of sheet.merges) {
    const mergedColumns = within(columns, m.left, m.right);
    for (const r of within(rows, m.top, m.bottom)) {
      for (const c of mergedColumns) if (r !== m.top || c !== m.left) anchorOf.set(address(r, c), [m.top, m.left]);
    }
  }
  const at = (r: number, c: number): GridCell => {
    const anchor = anchorOf.get(address(r, c));
    const [ar, ac] = anchor ?? [r, c];
    const cell = sheet.cell(ar, ac);
    const note = cell?.error !== undefined ? `显示错误值 ${cell.error}` : cell?.uncalculated ? `公式 =${cell.formula} 没有保存计算结果` : undefined;
    return { text: (cell?.text ?? '').trim(), anchor: address(ar, ac), covered: anchor !== undefined, ...(note ? { note } : {}) };
  };
  const grid = rows.map((r) => columns.map((c) => at(r, c)));
  return { grid, label: `工作表“${sheet.name}”`, rowLabel: (r) => `第 ${rows[r] ?? r + 1} 行`, ...(sheet.state !== 'visible' ? { hidden: true } : {}) };
}
