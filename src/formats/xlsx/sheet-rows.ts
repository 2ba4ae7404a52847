// A sheet's rows written as XML text rather than as exceljs cells (issue 14).
// exceljs keeps an object tree for every cell (a Cell, its value, its own style
// object with font, alignment and borders, and at writing two copies of the
// cell's model): the ledger at 5,000 problems held about 480 MB of them. Here
// the rows stay as the renderer described them (XlsxRow) until exceljs writes
// the sheet; then, in the place of its <sheetData> rows, this writes the same
// <row> and <c> elements as text. Everything else of the workbook — styles,
// shared strings, merges, column widths, print setup, validations, the zip —
// is still exceljs's: the styles and strings are registered in exceljs's own
// tables (StylesXform.addStyleModel, SharedStringsXform.add) in the order its
// cells would register them, so the ids, and the whole file, are the same.
// test/render/xlsx-rows.test.ts holds the two ways byte-identical on the
// ledger, the task table and the unit forms; the golden files did not change.
//
// Why not exceljs's streaming WorkbookWriter: it writes other bytes (inline
// strings, its own styles order and zip), so every xlsx golden file and the
// reading-back tests would change, and its sheets are committed one row at a
// time through the same per-cell objects. The texts here are never escaped by
// this file: they go to exceljs's shared-string table as before.

import { columnLetters, type XlsxRange } from './cells.js';

/** exceljs's value types (exceljs/lib/doc/enums.js ValueType) that the rows here hold. */
const NULL = 0;
const MERGE = 1;
const NUMBER = 2;
const STRING = 3;

/** A cell as the renderer describes it; `style` is an object the caller turns into exceljs's style model. */
export interface RowCell<S> {
  readonly value: string | number;
  readonly style: S;
}

export interface SheetRowsInput<S> {
  /** Rows from row 1; a row's cells by column from A; undefined leaves a cell out. */
  readonly rows: readonly { readonly heightPt: number; readonly cells: readonly (RowCell<S> | undefined)[] }[];
  /** Merged ranges (1-based): their covered cells become exceljs's merge cells, styled as the top-left one. */
  readonly merges: readonly XlsxRange[];
  /** exceljs's style model of a cell style (a fresh object each call: exceljs remembers style objects it has seen). */
  styleModel(style: S): object;
}

/** What exceljs's worksheet preparation (WorksheetXform.prepare's options) hands each row. */
export interface SheetTables {
  readonly styles: { addStyleModel(model: object, cellType: number): number };
  readonly sharedStrings: { add(value: string): number };
  readonly merges: { add(merge: { address: string; master: string }): void };
}

/** A cell that exists in the sheet: placed by the renderer, or made by a merge. */
interface SheetCell<S> {
  readonly column: number;
  readonly type: number;
  readonly value?: string | number;
  /** The style placed with the cell, or for a covered cell its master's. */
  readonly style?: S;
  /** A covered cell's master, as an address. */
  readonly master?: string;
}

/**
 * The rows of one sheet, written as exceljs writes them. Call `extents` for
 * the sheet's dimension, then `xml` once, at exceljs's preparation of the
 * sheet (exceljs.ts puts it in the place of the sheet's rows).
 */
export class SheetRows<S> {
  /** Covered cells of merges: `row:column` (1-based) → the master's address and its 0-based place. */
  private readonly covered = new Map<string, { master: string; row: number; column: number }>();
  /** The top-left cell of each merge, `row:column` (1-based): exceljs makes one even where nothing was placed. */
  private readonly masters = new Set<string>();
  private readonly letters: string[] = [];
  /** The last row exceljs would hold: the rows placed, or a merge below them. */
  private readonly lastRow: number;
  /** Columns to look at in a row: the widest placed row's, or a merge's right edge. */
  private readonly widest: number;

  constructor(private readonly input: SheetRowsInput<S>) {
    let lastRow = input.rows.length;
    let widest = 0;
    for (const row of input.rows) widest = Math.max(widest, row.cells.length);
    for (const m of input.merges) {
      lastRow = Math.max(lastRow, m.bottom);
      widest = Math.max(widest, m.right);
      const master = `${this.letter(m.left)}${m.top}`;
      this.masters.add(`${m.top}:${m.left}`);
      for (let r = m.top; r <= m.bottom; r += 1) {
        for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) this.covered.set(`${r}:${c}`, { master, row: m.top - 1, column: m.left - 1 });
      }
    }
    this.lastRow = lastRow;
    this.widest = widest;
  }

  /**
   * Each row exceljs writes, as (row, first column, last column) — 0 and 0
   * for a row with a height and no cell — in order, for the sheet's
   * dimension (exceljs's Range.expand, as Worksheet.model calls it).
   */
  extents(expand: (row: number, first: number, last: number) => void): void {
    for (let r = 1; r <= this.lastRow; r += 1) {
      const cells = this.cellsOf(r);
      if (cells.length === 0 && !this.heightOf(r)) continue;
      expand(r, cells[0]?.column ?? 0, cells.at(-1)?.column ?? 0);
    }
  }

  /**
   * The <row> elements, registering each cell's style and text in exceljs's
   * tables in the order RowXform.prepare and CellXform.prepare do.
   */
  xml(tables: SheetTables): string {
    const out: string[] = [];
    // Style ids by the style's content and the cell's type: renderers make a style object per cell, and
    // registering a style with exceljs (its font, border and xf as XML, looked up) was most of the writing time.
    const keys = new Map<S, string>();
    const styleIds = new Map<string, number>();
    const masterIds = new Map<string, number>();
    const styleId = (style: S | undefined, type: number): number => {
      if (style === undefined) return tables.styles.addStyleModel({}, type);
      let key = keys.get(style);
      if (key === undefined) keys.set(style, (key = JSON.stringify(style)));
      const typed = `${type}${key}`;
      let id = styleIds.get(typed);
      if (id === undefined) styleIds.set(typed, (id = tables.styles.addStyleModel(this.input.styleModel(style), type)));
      return id;
    };
    let rowStyleId: number | undefined;
    for (let r = 1; r <= this.lastRow; r += 1) {
      const cells = this.cellsOf(r);
      const height = this.heightOf(r);
      if (cells.length === 0 && !height) continue;
      // Every exceljs row has a style object of its own ({}); after the first its registration changes nothing.
      rowStyleId ??= tables.styles.addStyleModel({}, NUMBER);
      out.push(`<row r="${r}"`);
      if (height) out.push(` ht="${height}" customHeight="1"`);
      if (cells.length > 0) out.push(` spans="${cells[0]!.column}:${cells.at(-1)!.column}"`);
      if (rowStyleId) out.push(` s="${rowStyleId}" customFormat="1"`);
      out.push(' x14ac:dyDescent="0.25"');
      if (cells.length === 0) {
        out.push('/>');
        continue;
      }
      out.push('>');
      for (const cell of cells) {
        const address = `${this.letter(cell.column)}${r}`;
        // A covered cell shares its master's style object in exceljs, so it takes the id the master got.
        const id = cell.type === MERGE ? masterIds.get(cell.master!) ?? styleId(cell.style, MERGE) : styleId(cell.style, cell.type);
        if (this.masters.has(`${r}:${cell.column}`)) masterIds.set(address, id);
        if (cell.type === MERGE) tables.merges.add({ address, master: cell.master! });
        const s = id ? ` s="${id}"` : '';
        if (cell.type === STRING) out.push(`<c r="${address}"${s} t="s"><v>${tables.sharedStrings.add(cell.value as string)}</v></c>`);
        else if (cell.type === NUMBER) out.push(`<c r="${address}"${s}><v>${String(cell.value)}</v></c>`);
        else if (cell.type === MERGE || id) out.push(`<c r="${address}"${s}/>`);
      }
      out.push('</row>');
    }
    return out.join('');
  }

  private heightOf(row: number): number | undefined {
    return this.input.rows[row - 1]?.heightPt;
  }

  /** The cells exceljs would hold in a row (1-based), by column: placed ones, and those a merge makes. */
  private cellsOf(row: number): SheetCell<S>[] {
    const placed = this.input.rows[row - 1]?.cells ?? [];
    const cells: SheetCell<S>[] = [];
    const width = this.masters.size > 0 ? this.widest : placed.length;
    for (let c = 1; c <= width; c += 1) {
      const key = `${row}:${c}`;
      const cover = this.covered.get(key);
      if (cover !== undefined) {
        const master = this.input.rows[cover.row]?.cells[cover.column];
        cells.push({ column: c, type: MERGE, master: cover.master, ...(master === undefined ? {} : { style: master.style }) });
        continue;
      }
      const cell = placed[c - 1];
      if (cell !== undefined) cells.push({ column: c, type: typeof cell.value === 'number' ? NUMBER : STRING, value: cell.value, style: cell.style });
      else if (this.masters.has(key)) cells.push({ column: c, type: NULL });
    }
    return cells;
  }

  private letter(column: number): string {
    return (this.letters[column] ??= columnLetters(column));
  }
}
