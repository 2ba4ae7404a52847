// The sheets of a workbook as grids for the task-table importer, read by
// formats/ooxml/spreadsheet.ts (saxes, by namespace) so tables from Excel,
// WPS, LibreOffice and scripts read alike. Merged areas come back as covered
// cells naming their anchor; a cell that shows an error or a formula never
// calculated carries a note, so the clerk hears of it instead of finding an
// empty field.
import { columnLetters } from '../formats/xlsx/cells.js';
import { readSpreadsheet, type Sheet } from '../formats/ooxml/spreadsheet.js';
import type { GridCell, TableSource } from './table-import-grid.js';

export function xlsxTableSources(data: Uint8Array): TableSource[] {
  return readSpreadsheet(data)
    .filter((s) => s.state === 'visible')
    .map(sheetSource);
}

function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

function sheetSource(sheet: Sheet): TableSource {
  // Each covered place names its merge's top-left; merges past the values add nothing.
  const anchorOf = new Map<string, string>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, sheet.rowCount); r += 1) {
      for (let c = m.left; c <= Math.min(m.right, sheet.columnCount); c += 1) {
        if (r !== m.top || c !== m.left) anchorOf.set(address(r, c), address(m.top, m.left));
      }
    }
  }
  const at = (r: number, c: number): GridCell => {
    const own = address(r, c);
    const anchor = anchorOf.get(own);
    const [ar, ac] = anchor ? parseAddress(anchor) : [r, c];
    const cell = sheet.cell(ar, ac);
    const note = cell?.error !== undefined ? `显示错误值 ${cell.error}` : cell?.uncalculated ? `公式 =${cell.formula} 没有保存计算结果` : undefined;
    return { text: (cell?.text ?? '').trim(), anchor: anchor ?? own, covered: anchor !== undefined, ...(note ? { note } : {}) };
  };
  const grid: GridCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row: GridCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) row.push(at(r, c));
    grid.push(row);
  }
  return { grid, label: `工作表“${sheet.name}”`, rowLabel: (r) => `第 ${r + 1} 行` };
}

function parseAddress(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}
