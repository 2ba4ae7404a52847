// The task-decomposition table (任务分解和责任分工表) as a document model: which
// columns, which header cells span what, which body cells merge. No fonts and
// no twips: the Word and Excel renderers take those from src/layout.
//
// Columns come from plan.tableColumns (docs/domain.md#other-plans: other plans look
// different), else the seed's seven; a plan without categories has no
// category column (docs/domain.md#categories). Column widths are em of text at the
// table's type size, found from the content by layout/table-widths.ts (each
// column's kind decides its minimum and whether its values may wrap
// mid-word); the model carries the size and print scale they were found at,
// and renderers spread their own width over them.

import type { Plan, Problem, TableColumn, TableField } from '../model/plan-schema.js';
import { MERGED_FIELDS, fieldText, hasCategoryColumn, mergeRows, planTableColumns, unitNames, widthColumns, wordTableFits, type WidthSpec } from '../derive/task-table-layout.js';
import { allocateWidthsEm, fitTable, type ColumnKind, type TableFit } from '../layout/table-widths.js';
import { TABLE_CELL_SIZE_PT, TITLE_MAX_EM } from '../layout/gbt9704.js';
import { balanceTitle } from './title-lines.js';
import { TABLE_FIELD_KINDS, type CellAlign, type HeaderCell, type BodyRow, type TaskTableModel } from '../model/document/task-table.js';
import { PERIOD_KEYS } from '../model/document/ledger.js';

/** Short, label-like fields are centred; running text is justified. */
const CENTRED_FIELDS: ReadonlySet<TableField> = new Set([
  'category',
  'number',
  'deadline',
  'leadUnits',
  'cooperatingUnits',
  'responsibleLeader',
  'responsiblePerson',
]);


/**
 * A column after the plan's own, with its text per problem — e.g. the
 * progress table's 整改状态. The header is a field label (it lives next to
 * the column's definition); the text comes from the period's data.
 */
export interface ExtraColumn {
  readonly key: string;
  readonly header: string;
  /** Adjacent columns with the same group share a header cell, as plan columns do. */
  readonly group?: string;
  readonly align: CellAlign;
  /** A share of 100, like TableColumn.width; estimated from the content when absent. */
  readonly width?: number;
  /** What the column holds; by its key (PERIOD_KEYS) when absent, else running text. */
  readonly kind?: ColumnKind;
  readonly text: (problem: Problem) => string;
}

export interface ComposeTaskTableOptions {
  /** Attachment label; 附件 unless the notice numbers its attachments. */
  readonly label?: string;
  /** The table's title; the plan's attachmentTitle (and its lines) when absent. */
  readonly title?: string;
  /** The title as printed; [title] when absent and the title is given. */
  readonly titleLines?: readonly string[];
  /** The documents' fixed timestamp (YYYY-MM-DD); the notice's date when absent. */
  readonly date?: string;
  /** Columns after the plan's, in order. */
  readonly extraColumns?: readonly ExtraColumn[];
  /**
   * A plan column's text for a problem, given the text the plan alone gives:
   * lets the progress table show an approved extension in the 整改时限 cell.
   */
  readonly fieldText?: (problem: Problem, field: TableField, planText: string) => string;
  /**
   * Merge equal category cells down the table (true by default, as the seed's
   * table does). A ledger keeps one whole row per problem, so it turns this off.
   */
  readonly mergeCategories?: boolean;
  /**
   * The sizes and print scales the table may be set at, tried in order (the
   * first at which every column's minimum fits wins): the Word landscape
   * table's 小四, 五号, 小五 when absent. Renderers pass their page's fits.
   */
  readonly fits?: readonly TableFit[];
  /**
   * One fit at 小四: how many em of text fit across the table once cell
   * padding is taken off, for the given number of columns.
   */
  readonly textWidthEm?: (columnCount: number) => number;
}

/** The period's columns by key (compose/progress-table.ts): what each holds. */
const PERIOD_KINDS: Readonly<Record<string, ColumnKind>> = {
  [PERIOD_KEYS.status]: 'status',
  [PERIOD_KEYS.onSchedule]: 'short',
  [PERIOD_KEYS.progress]: 'text',
  [PERIOD_KEYS.completedOn]: 'date',
  [PERIOD_KEYS.evidence]: 'text',
  [PERIOD_KEYS.reason]: 'text',
  [PERIOD_KEYS.extension]: 'deadline',
  [PERIOD_KEYS.closedOn]: 'date',
  [PERIOD_KEYS.warning]: 'short',
};

/** What the builder needs of any column, plan or extra. */
interface ColumnSpec {
  readonly key: string;
  readonly field?: TableField;
  readonly header: string;
  readonly group?: string;
  readonly width?: number;
  readonly kind: ColumnKind;
  readonly align: CellAlign;
  readonly merged: boolean;
  readonly text: (problem: Problem) => string;
}

function columnSpecs(plan: Plan, options: ComposeTaskTableOptions): ColumnSpec[] {
  // A ledger's rows are sorted and filtered apart from their category (mergeCategories false): they show the shown number.
  const besideCategory = (options.mergeCategories ?? true) && hasCategoryColumn(plan);
  const planColumns = planTableColumns(plan).map((column): ColumnSpec => {
    const { field } = column;
    return {
      key: field,
      field,
      header: column.header,
      ...(column.group === undefined ? {} : { group: column.group }),
      ...(column.width === undefined ? {} : { width: column.width }),
      kind: TABLE_FIELD_KINDS[field],
      align: CENTRED_FIELDS.has(field) ? 'center' : 'justify',
      merged: (options.mergeCategories ?? true) && MERGED_FIELDS.has(field),
      text: (problem) => {
        const planText = fieldText(plan, problem, field, besideCategory);
        return options.fieldText ? options.fieldText(problem, field, planText) : planText;
      },
    };
  });
  const extra = (options.extraColumns ?? []).map((column): ColumnSpec => ({ ...column, kind: column.kind ?? PERIOD_KINDS[column.key] ?? 'text', merged: false }));
  return [...planColumns, ...extra];
}

export function composeTaskTable(plan: Plan, options: ComposeTaskTableOptions = {}): TaskTableModel {
  const specs = columnSpecs(plan, options);
  const texts = plan.problems.map((problem) => specs.map((spec) => spec.text(problem)));
  const rows = mergeRows(
    plan.problems,
    specs.map((s) => s.merged),
    texts,
  );
  const fits = options.fits ?? (options.textWidthEm === undefined ? wordTableFits(plan) : [{ sizePt: TABLE_CELL_SIZE_PT, scale: 1, textWidthEm: options.textWidthEm }]);
  const { fit, allocation } = fitTable(widthColumns(specs, rows, unitNames(plan)), fits);
  const columns = specs.map((spec, i) => ({
    key: spec.key,
    ...(spec.field === undefined ? {} : { field: spec.field }),
    header: spec.header,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    weight: allocation.widthsEm[i]!,
    align: spec.align,
  }));
  const headerRowCount = specs.some((s) => s.group !== undefined) ? 2 : 1;
  const title = options.title ?? plan.plan.attachmentTitle;
  // A title the data does not break is balanced as the notice balances it, by words (compose/title-lines.ts).
  const titleLines = options.titleLines ?? (options.title === undefined ? plan.plan.attachmentTitleLines : undefined) ?? balanceTitle(title, TITLE_MAX_EM, unitNames(plan));
  return {
    label: options.label ?? '附件',
    title,
    titleLines,
    columns,
    headerRowCount,
    headerCells: headerCells(specs, headerRowCount),
    rows,
    date: options.date ?? plan.notice.date,
    cellSizePt: fit.sizePt,
    printScale: fit.scale,
  };
}

/** The text a problem shows in a column (derive/task-table-layout.ts, shared with the checker). */
export { fieldText, unitNames };

// --- header -----------------------------------------------------------------

type HeaderSpec = Pick<TableColumn, 'header' | 'group'>;

/**
 * Adjacent columns with the same group share one cell in the first header row
 * and show their own headers in the second; a column without a group spans
 * both rows.
 */
function headerCells(specs: readonly HeaderSpec[], headerRowCount: 1 | 2): HeaderCell[] {
  if (headerRowCount === 1) {
    return specs.map((s, i) => ({ text: s.header, row: 0, column: i, rowSpan: 1, columnSpan: 1 }));
  }
  const cells: HeaderCell[] = [];
  let i = 0;
  while (i < specs.length) {
    const group = specs[i]!.group;
    if (group === undefined) {
      cells.push({ text: specs[i]!.header, row: 0, column: i, rowSpan: 2, columnSpan: 1 });
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < specs.length && specs[end + 1]!.group === group) end += 1;
    cells.push({ text: group, row: 0, column: i, rowSpan: 1, columnSpan: end - i + 1 });
    for (let c = i; c <= end; c += 1) cells.push({ text: specs[c]!.header, row: 1, column: c, rowSpan: 1, columnSpan: 1 });
    i = end + 1;
  }
  return cells;
}

// --- body -------------------------------------------------------------------

// --- widths -----------------------------------------------------------------

/**
 * Content-based widths in em for a table of these columns and rows, adding up
 * to at most `availableEm` (layout/table-widths.ts allocateWidthsEm). A
 * column without a kind holds running text.
 */
export function estimateWidthsEm(specs: readonly Partial<WidthSpec>[], rows: readonly BodyRow[], availableEm: number, units: readonly string[] = []): number[] {
  const full = specs.map((s) => ({ header: s.header ?? '', kind: s.kind ?? ('text' as const), ...(s.width === undefined ? {} : { width: s.width }) }));
  return [...allocateWidthsEm(widthColumns(full, rows, units), availableEm).widthsEm];
}
