// A table as the task-table importer reads it, whatever file it came from:
// rows of cells, merged places naming their anchor, a Word cell's numbered
// paragraphs. table-import-docx.ts and table-import-xlsx.ts make these;
// table-import.ts reads them.

/** One paragraph of a Word cell: the number Word shows before it (if any) and its text. */
export interface CellLine {
  readonly label?: string;
  readonly text: string;
  /** The label is a bullet, not a number. */
  readonly bullet?: boolean;
  readonly suffix?: 'tab' | 'space' | 'nothing';
  /** The list level (0–8) of a numbered paragraph. */
  readonly level?: number;
}

export interface GridCell {
  /** The text as shown, Word's list numbers included. */
  readonly text: string;
  /** Identity of the cell this place belongs to: covered places share their anchor's. */
  readonly anchor: string;
  /** Covered by a merge from above or the left (the text repeats the anchor's). */
  readonly covered: boolean;
  /** A Word cell's paragraphs, when Word numbers some of them. */
  readonly lines?: readonly CellLine[];
  /** Something the clerk should know about the value (an error value, a formula never calculated). */
  readonly note?: string;
}

export interface TableSource {
  readonly grid: readonly (readonly GridCell[])[];
  /** Paragraphs before the table (Word); absent when rows above the header hold them (Excel). */
  readonly before?: readonly string[];
  /** Where the table is, for the clerk: 工作表“…” or 第 1 个表格. */
  readonly label: string;
  rowLabel(row: number): string;
  /** A hidden sheet: not read, but named when no table is found. */
  readonly hidden?: boolean;
}
