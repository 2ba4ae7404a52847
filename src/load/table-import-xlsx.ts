// The sheets of a workbook as grids for the task-table importer. Merged areas
// come back as covered cells naming their anchor (the xlsx adapter reports a
// merge's top-left for every cell it covers).
import { readXlsx, type ReadSheet } from '../formats/xlsx/reader.js';
import { cellText } from './cell-values.js';
import type { GridCell, TableSource } from './table-import.js';

export async function xlsxTableSources(data: Uint8Array): Promise<TableSource[]> {
  const sheets = await readXlsx(data);
  return sheets.filter((s) => s.state === 'visible').map(sheetSource);
}

function sheetSource(sheet: ReadSheet): TableSource {
  const grid: GridCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row: GridCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const cell = sheet.cell(r, c);
      row.push({ text: cellText(cell.value) ?? '', anchor: cell.master ?? cell.address, covered: cell.master !== undefined });
    }
    grid.push(row);
  }
  return { grid, label: `工作表“${sheet.name}”`, rowLabel: (r) => `第 ${r + 1} 行` };
}
