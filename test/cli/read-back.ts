// What the end-to-end tests of whole plans (flat-plan, category-numbering)
// share: a command that must succeed, and a sheet read back as text rows.
import { expect } from 'vitest';
import type { ReadSheet } from '../../src/formats/xlsx/reader.js';
import { runCli } from './run.js';

/** Run the CLI in-process; the command must exit 0 (its stderr in the failure message). */
export async function runOk(args: string[]): Promise<{ exit: number; out: string; err: string }> {
  const result = await runCli(args);
  expect(result.exit, `${args.join(' ')}\n${result.err}`).toBe(0);
  return result;
}

/** A sheet's cells as text, row by row; a cell a merge covers is empty, a date its ISO text. */
export function sheetRows(sheet: ReadSheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const cell = sheet.cell(r, c);
      row.push(cell.master !== undefined && cell.master !== cell.address ? '' : cell.value === null ? '' : cell.value instanceof Date ? cell.value.toISOString() : String(cell.value));
    }
    rows.push(row);
  }
  return rows;
}
