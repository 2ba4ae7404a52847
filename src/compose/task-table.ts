// The task-decomposition table (任务分解和责任分工表) as a document model: which
// columns, which header cells span what, which body cells merge. No fonts and
// no twips: the Word and Excel renderers take those from src/layout.
//
// Columns come from plan.tableColumns (docs/domain.md#other-plans: other plans look
// different), else the seed's seven. Column widths are relative weights in
// em of content; renderers spread their own width over them.

import type { Plan, Problem, TableColumn, TableField } from '../model/plan-schema.js';
import { measuresText } from '../model/measures.js';
import { unitsText } from '../derive/units.js';
import { longestTokenEm, textWidthEm, wrappedLineCount } from '../layout/text-width.js';
import { type CellAlign, type HeaderCell, type BodyCell, type BodyRow, type TaskTableModel } from '../model/document/task-table.js';
import { DEFAULT_TASK_TABLE_COLUMNS } from '../model/vocabulary.js';
import { TITLE_MAX_EM } from '../layout/gbt9704.js';
import { balanceTitle } from './title-lines.js';

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

/** Fields whose equal neighbours merge into one cell down the table. */
const MERGED_FIELDS: ReadonlySet<TableField> = new Set(['category']);

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
   * How many em of text fit across the table once cell padding is taken off,
   * for the given number of columns. Used only to estimate widths of columns
   * that give none; the renderers pass their page's figure.
   */
  readonly textWidthEm?: (columnCount: number) => number;
  /**
   * Em a renderer leaves free on every line when it wraps (the Excel writer's
   * XLSX_WRAP_SAFETY_EM), so the estimate wraps as that renderer will; 0 by
   * default. It matters for narrow columns of long text, where one em is a
   * third of the line.
   */
  readonly wrapSafetyEm?: number;
}

/** About 225 mm of 小四 text less padding; renderers pass the exact figure. */
const FALLBACK_TEXT_WIDTH_EM = (columnCount: number): number => 53 - columnCount;

/** What the builder needs of any column, plan or extra. */
interface ColumnSpec {
  readonly key: string;
  readonly field?: TableField;
  readonly header: string;
  readonly group?: string;
  readonly width?: number;
  readonly align: CellAlign;
  readonly merged: boolean;
  readonly text: (problem: Problem) => string;
}

function columnSpecs(plan: Plan, options: ComposeTaskTableOptions): ColumnSpec[] {
  const planColumns = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).map((column): ColumnSpec => {
    const { field } = column;
    return {
      key: field,
      field,
      header: column.header,
      ...(column.group === undefined ? {} : { group: column.group }),
      ...(column.width === undefined ? {} : { width: column.width }),
      align: CENTRED_FIELDS.has(field) ? 'center' : 'justify',
      merged: (options.mergeCategories ?? true) && MERGED_FIELDS.has(field),
      text: (problem) => {
        const planText = fieldText(plan, problem, field);
        return options.fieldText ? options.fieldText(problem, field, planText) : planText;
      },
    };
  });
  const extra = (options.extraColumns ?? []).map((column): ColumnSpec => ({ ...column, merged: false }));
  return [...planColumns, ...extra];
}

export function composeTaskTable(plan: Plan, options: ComposeTaskTableOptions = {}): TaskTableModel {
  const specs = columnSpecs(plan, options);
  const texts = plan.problems.map((problem) => specs.map((spec) => spec.text(problem)));
  const rows = mergeRows(plan.problems, specs, texts);
  const availableEm = (options.textWidthEm ?? FALLBACK_TEXT_WIDTH_EM)(specs.length);
  const weights = columnWeights(specs, rows, availableEm, options.wrapSafetyEm ?? 0);
  const columns = specs.map((spec, i) => ({
    key: spec.key,
    ...(spec.field === undefined ? {} : { field: spec.field }),
    header: spec.header,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    weight: weights[i]!,
    align: spec.align,
  }));
  const headerRowCount = specs.some((s) => s.group !== undefined) ? 2 : 1;
  const title = options.title ?? plan.plan.attachmentTitle;
  // A title the data does not break is balanced as the notice balances it, by words (compose/title-lines.ts).
  const titleLines =
    options.titleLines ?? (options.title === undefined ? plan.plan.attachmentTitleLines : undefined) ?? balanceTitle(title, TITLE_MAX_EM, plan.units.map((u) => u.name));
  return {
    label: options.label ?? '附件',
    title,
    titleLines,
    columns,
    headerRowCount,
    headerCells: headerCells(specs, headerRowCount),
    rows,
    date: options.date ?? plan.notice.date,
  };
}

/** The text a problem shows in a column. */
export function fieldText(plan: Plan, problem: Problem, field: TableField): string {
  switch (field) {
    case 'category':
      return plan.categories.find((c) => c.id === problem.category)?.label ?? problem.category;
    case 'number':
      return String(problem.number);
    case 'measures':
      return measuresText(problem.measures);
    case 'leadUnits':
      return unitsText(problem.leadUnits);
    case 'cooperatingUnits':
      return unitsText(problem.cooperatingUnits);
    case 'summary':
    case 'deadline':
      return problem[field];
    case 'target':
    case 'responsibleLeader':
    case 'responsiblePerson':
    case 'completionStandard':
    case 'remarks':
      return problem[field] ?? '';
  }
}

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

/** Problems in the order the data lists them; merged fields span runs of equal neighbours in one category. */
function mergeRows(problems: readonly Problem[], specs: readonly ColumnSpec[], texts: string[][]): BodyRow[] {
  const cells: BodyCell[][] = texts.map((row) => row.map((text) => ({ kind: 'text', text, rowSpan: 1 }) as BodyCell));
  specs.forEach((spec, c) => {
    if (!spec.merged) return;
    let start = 0;
    for (let r = 1; r <= problems.length; r += 1) {
      const sameRun = r < problems.length && problems[r]!.category === problems[start]!.category;
      if (sameRun) continue;
      const span = r - start;
      cells[start]![c] = { kind: 'text', text: texts[start]![c]!, rowSpan: span };
      for (let k = start + 1; k < r; k += 1) cells[k]![c] = { kind: 'covered' };
      start = r;
    }
  });
  return problems.map((p, r) => ({ problemNumber: p.number, cells: cells[r]! }));
}

// --- widths -----------------------------------------------------------------

type WidthSpec = Pick<TableColumn, 'header' | 'width'>;

/**
 * Relative widths. A column's own `width` is a share of 100; columns without
 * one share what is left in proportion to an estimate from their content.
 */
function columnWeights(specs: readonly WidthSpec[], rows: readonly BodyRow[], availableEm: number, safetyEm: number): number[] {
  const estimate = estimateWidthsEm(specs, rows, availableEm, safetyEm);
  if (specs.every((s) => s.width !== undefined)) return specs.map((s) => s.width!);
  const given = specs.reduce((sum, s) => sum + (s.width ?? 0), 0);
  const estimatedTotal = specs.reduce((sum, s, i) => sum + (s.width === undefined ? estimate[i]! : 0), 0);
  const totalShare = 100;
  const left = given > 0 ? Math.max(totalShare - given, totalShare / specs.length) : totalShare;
  return specs.map((s, i) => s.width ?? (estimate[i]! / estimatedTotal) * left);
}

/**
 * Content-based widths in em that add up to `availableEm`. Every column starts
 * as wide as its header's longest line and its widest unbreakable word; the
 * rest is handed out one em at a time to the column where it saves the most
 * table height (the sum over rows of the tallest cell's line count). That puts
 * width where long text is, without starving short columns into one character
 * a line. Lines are counted `safetyEm` narrower than the column, as the
 * renderer that asked wraps them.
 */
export function estimateWidthsEm(specs: readonly WidthSpec[], rows: readonly BodyRow[], availableEm: number, safetyEm = 0): number[] {
  const columnLines = (rs: readonly BodyRow[], c: number, w: number) => linesAt(rs, c, Math.max(1, w - safetyEm));
  const fairShare = availableEm / specs.length;
  const widths = specs.map((spec, c) => minimumWidthEm(spec, rows, c, fairShare));
  const lines = widths.map((w, c) => columnLines(rows, c, w));
  const wider = widths.map((w, c) => columnLines(rows, c, w + 1));
  for (let left = Math.floor(availableEm - sum(widths)); left > 0; left -= 1) {
    const best = bestColumnToWiden(lines, wider);
    widths[best] = widths[best]! + 1;
    lines[best] = wider[best]!;
    wider[best] = columnLines(rows, best, widths[best]! + 1);
  }
  return widths;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A header line or a word wider than a fair share of the table is allowed to wrap or break. */
function minimumWidthEm(spec: WidthSpec, rows: readonly BodyRow[], c: number, fairShare: number): number {
  let widest = Math.max(...spec.header.split('\n').map(textWidthEm));
  for (const row of rows) {
    const cell = row.cells[c]!;
    if (cell.kind === 'text') widest = Math.max(widest, longestTokenEm(cell.text));
  }
  return Math.max(1, Math.ceil(Math.min(widest, fairShare)));
}

/** Lines each row needs in column c at width w; a merged cell's lines are spread over its rows. */
function linesAt(rows: readonly BodyRow[], c: number, w: number): number[] {
  return rows.map((row) => {
    const cell = row.cells[c]!;
    return cell.kind === 'text' ? wrappedLineCount(cell.text, w) / cell.rowSpan : 0;
  });
}

/** The column whose extra em lowers the table's total height most; on a plateau, the one with most lines. */
function bestColumnToWiden(lines: readonly (readonly number[])[], wider: readonly (readonly number[])[]): number {
  const rowCount = lines[0]?.length ?? 0;
  // Each row's tallest cell, its column, and the tallest of the other columns:
  // a row's height with column c widened is then one comparison, not a pass
  // over every column (the maxima, and so the sums, are the same).
  const tallest = new Float64Array(rowCount);
  const tallestColumn = new Int32Array(rowCount).fill(-1);
  const runnerUp = new Float64Array(rowCount);
  for (let k = 0; k < lines.length; k += 1) {
    const column = lines[k]!;
    for (let r = 0; r < rowCount; r += 1) {
      const v = column[r]!;
      if (v > tallest[r]!) {
        runnerUp[r] = tallest[r]!;
        tallest[r] = v;
        tallestColumn[r] = k;
      } else if (v > runnerUp[r]!) runnerUp[r] = v;
    }
  }
  let best = 0;
  let bestGain = -1;
  let bestLoad = -1;
  for (let c = 0; c < lines.length; c += 1) {
    const widened = wider[c]!;
    let gain = 0;
    for (let r = 0; r < rowCount; r += 1) {
      const now = tallest[r]!;
      const others = tallestColumn[r] === c ? runnerUp[r]! : now;
      gain += now - Math.max(others, widened[r]!);
    }
    const load = sum(lines[c]!);
    if (gain > bestGain + 1e-9 || (Math.abs(gain - bestGain) <= 1e-9 && load > bestLoad)) {
      best = c;
      bestGain = gain;
      bestLoad = load;
    }
  }
  return best;
}
