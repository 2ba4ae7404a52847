// The task table (任务分解和责任分工表) as a document model: columns, header grid
// and body cells with their merges. compose/task-table.ts builds it; the Word and
// Excel renderers, and the report's and ledger's tables, draw it.

import type { ColumnKind } from '../../layout/table-widths.js';
import type { TableField } from '../plan-schema.js';
import { STATUSES } from '../progress-schema.js';
import { OVERDUE } from '../vocabulary.js';

/**
 * Words a status column never breaks: each status, the long one at its 并
 * (已完成 | 并 | 长期坚持), and the marks printed beside a status.
 */
export const STATUS_WORDS: readonly string[] = [...new Set([...STATUSES.flatMap((s) => s.split('并')), OVERDUE, '未达序时进度'])];

/**
 * What each plan field's column holds, for the width allocation
 * (layout/table-widths.ts): running text, or values never cut mid-word.
 */
export const TABLE_FIELD_KINDS: Readonly<Record<TableField, ColumnKind>> = {
  category: 'category',
  number: 'number',
  summary: 'text',
  measures: 'text',
  deadline: 'deadline',
  leadUnits: 'unit',
  cooperatingUnits: 'unit',
  target: 'text',
  responsibleLeader: 'post',
  responsiblePerson: 'post',
  completionStandard: 'text',
  remarks: 'text',
};

export type CellAlign = 'center' | 'justify';

export interface TaskTableColumn {
  /** The plan field shown; absent for a column the caller added (ComposeTaskTableOptions.extraColumns). */
  readonly field?: TableField;
  /** The field name, or the added column's key: what a renderer looks a column up by. */
  readonly key: string;
  readonly header: string;
  readonly group?: string;
  /**
   * Width in em of text at the table's cellSizePt (the renderer adds each
   * column's padding and shares any rest of its width out in proportion).
   */
  readonly weight: number;
  readonly align: CellAlign;
}

/** A header cell placed on the header grid (rows 0..headerRowCount-1). */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
}

/** A body cell: text that starts here (spanning rowSpan rows), or a place covered by the cell above. */
export type BodyCell = { readonly kind: 'text'; readonly text: string; readonly rowSpan: number } | { readonly kind: 'covered' };

export interface BodyRow {
  /** The problem's internal key (model/numbering.ts). */
  readonly problemNumber: number;
  /** Its number as shown where the category is not beside it (model/numbering.ts shownNumber), for messages. */
  readonly shownNumber: string;
  readonly cells: readonly BodyCell[];
}

export interface TaskTableModel {
  /** 附件 label (the notice may number it 附件2). */
  readonly label: string;
  readonly title: string;
  /** The title as printed, one entry a line. */
  readonly titleLines: readonly string[];
  readonly columns: readonly TaskTableColumn[];
  readonly headerRowCount: 1 | 2;
  readonly headerCells: readonly HeaderCell[];
  readonly rows: readonly BodyRow[];
  /** The notice's date (YYYY-MM-DD): the documents' fixed timestamp. */
  readonly date: string;
  /** Type size of cells and headers, in points: the size the widths were found for (小四 unless the columns need smaller). */
  readonly cellSizePt: number;
  /** Print scale the widths were found for (an Excel sheet wider than its page); 1 for a table printed at full size. */
  readonly printScale: number;
}
