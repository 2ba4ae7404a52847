// The period's columns added to the task table: the report's progress table
// (整改进展情况表, a 附件 of the Word report) and the ledger's table (整改台账,
// Excel). Both are the task table's model (compose/task-table.ts) with
// extra columns, so there is one table builder and one width estimate.
//
// The two differ on purpose:
// - the report's table is read on paper, and carries the per-problem detail
//   the report's body leaves out: its columns are chosen for progress
//   (plan.json `reportColumns`, else DEFAULT_REPORT_COLUMNS: 序号, 问题简述,
//   牵头单位, 整改时限, 整改状态, 整改进展 — no measures unless asked for); its
//   整改状态 cell says 逾期 or 未达序时进度 beside the status and, unless they
//   have columns of their own, the completion and closure dates under it; an
//   approved extension is shown in the 整改时限 cell, on lines of its own
//   (10月底前完成 / 已调整为 / 12月底前完成), rather than in a column, and the reason a
//   problem is not completed follows its progress unless it has its column;
// - the ledger is worked in Excel: one field a column (the status cell holds
//   exactly one of the five statuses, so its drop-down list accepts it), the
//   extension in 调整后时限, the warning colour as a word in 预警, dates as
//   YYYY-MM-DD (they sort and filter as text, and never break inside a
//   narrow column).
//
// Headers are the vocabulary's labels (model/vocabulary.ts); the short marks
// put into cells are kept here next to the column definitions; everything
// else in a cell is data.

import { chineseDate, type IsoDate } from '../model/dates.js';
import { endSentence } from '../model/prose.js';
import { cumulativeEvidenceByProblem } from '../derive/evidence.js';
import type { PeriodRow, PeriodView } from '../derive/period.js';
import type { Plan, Problem, ReportColumn, TableColumn } from '../model/plan-schema.js';
import type { Progress } from '../model/progress-schema.js';
import { composeTaskTable, type ComposeTaskTableOptions, type ExtraColumn } from './task-table.js';
import { type TaskTableModel } from '../model/document/task-table.js';
import { PERIOD_KEYS, WARNING_WORDS } from '../model/document/ledger.js';
import {
  COLUMN_GROUP_LABELS,
  DEFAULT_REPORT_COLUMNS,
  DEFAULT_TASK_TABLE_COLUMNS,
  FIELD_LABELS,
  NARROW_FIELD_LABELS,
  NO,
  OVERDUE,
  REPORT_PERIOD_FIELDS,
  NARROW_ROUND_LABEL,
  YES,
  type ReportPeriodField,
  type TableField,
} from '../model/vocabulary.js';

/** Header over the period's columns (the plan's first columns sit under 整改问题). */
export const PERIOD_COLUMN_GROUP = COLUMN_GROUP_LABELS.period;

/** The labels, with their break (\n) where a narrow column should wrap them, as the plan's 发现\n问题方式 does. */
const HEADERS: Record<keyof typeof PERIOD_KEYS, string> = {
  status: FIELD_LABELS.status,
  onSchedule: NARROW_FIELD_LABELS.onSchedule,
  progress: FIELD_LABELS.progress,
  completedOn: FIELD_LABELS.completedOn,
  evidence: FIELD_LABELS.evidence,
  reason: NARROW_FIELD_LABELS.reason,
  extension: NARROW_FIELD_LABELS.extension,
  closedOn: FIELD_LABELS.closedOn,
  warning: FIELD_LABELS.warning,
  round: NARROW_ROUND_LABEL,
};

const MARKS = {
  overdue: `（${OVERDUE}）`,
  behind: '（未达序时进度）',
  yes: YES,
  no: NO,
  reason: `${FIELD_LABELS.reason}：`,
  completed: (date: string) => `${date}完成`,
  closed: (date: string) => `${date}销号`,
  // Three lines of the cell, each a phrase kept whole, so the column need not be as wide as the sentence.
  extended: (planPhrase: string, extended: string) => `${planPhrase}\n已调整为\n${extended}`,
  // 整改轮次 of a problem reopened by a 回头看 (docs/domain.md#回头看); round 1 is not marked.
  round: (round: number) => (round > 1 ? `第${round}轮整改` : ''),
};

export interface PeriodTableOptions {
  readonly title: string;
  readonly titleLines?: readonly string[];
  readonly label?: string;
  /** The document's date (YYYY-MM-DD): the fixed timestamp of the files made from the table. */
  readonly date: string;
  readonly textWidthEm?: ComposeTaskTableOptions['textWidthEm'];
  /** The sizes and scales the table may be set at (composeTaskTable's fits). */
  readonly fits?: ComposeTaskTableOptions['fits'];
}

type RowText = (row: PeriodRow) => string;

/** A period column: its text comes from the problem's row in the view. */
function periodColumn(view: PeriodView, key: keyof typeof PERIOD_KEYS, align: ExtraColumn['align'], text: RowText): ExtraColumn {
  const rows = new Map(view.rows.map((r) => [r.problem.number, r]));
  return {
    key: PERIOD_KEYS[key],
    header: HEADERS[key],
    group: PERIOD_COLUMN_GROUP,
    align,
    text: (problem: Problem) => {
      const row = rows.get(problem.number);
      return row === undefined ? '' : text(row);
    },
  };
}

/** Behind by the unit's own answer; an overdue problem is marked 逾期 instead. */
function behind(row: PeriodRow): boolean {
  return row.state.status === '推进中' && !row.state.overdue && row.state.onSchedule === false;
}

/** The status as read on paper: 逾期 (derived, never typed) and 未达序时进度 beside it. */
export function statusText(row: PeriodRow): string {
  if (row.state.overdue) return `${row.state.status}${MARKS.overdue}`;
  return behind(row) ? `${row.state.status}${MARKS.behind}` : row.state.status;
}

/** 是 / 否 for a problem in progress (overdue is never on schedule); empty for any other status. */
export function onScheduleText(row: PeriodRow): string {
  if (row.state.status !== '推进中') return '';
  if (row.state.overdue || row.state.onSchedule === false) return MARKS.no;
  return row.state.onSchedule === true ? MARKS.yes : '';
}

export function warningText(row: PeriodRow): string {
  return row.state.colour === null ? '' : WARNING_WORDS[row.state.colour];
}

/** The reason a problem is not completed (required once overdue), ending as a sentence; empty once completed. */
function reasonText(row: PeriodRow): string {
  return !row.state.completed && row.progress.reason ? endSentence(row.progress.reason) : '';
}

/** Lines of a cell, the empty ones left out. */
function lines(...texts: string[]): string {
  return texts.filter((t) => t !== '').join('\n');
}

/**
 * A date in the report's table: 7月28日 in the year of the as-of date (the
 * report's own year, as a clerk writes it in a narrow cell), 2022年12月5日
 * in any other year; empty when there is none.
 */
export function reportTableDate(date: IsoDate | undefined, asOf: IsoDate): string {
  if (date === undefined) return '';
  return date.slice(0, 4) === asOf.slice(0, 4) ? `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : chineseDate(date);
}

/**
 * The text of each period column of the report's table. A fact whose own
 * column is not shown goes into the cell it belongs with, so choosing fewer
 * columns never drops it: the completion and closure dates under the status,
 * the reason under the progress.
 */
function reportPeriodTexts(shown: ReadonlySet<ReportPeriodField>, asOf: IsoDate): Record<ReportPeriodField, RowText> {
  const date = (d: IsoDate | undefined) => reportTableDate(d, asOf);
  return {
    status: (r) =>
      lines(
        statusText(r),
        MARKS.round(r.round),
        !shown.has('completedOn') && r.progress.completedOn ? MARKS.completed(date(r.progress.completedOn)) : '',
        !shown.has('closedOn') && r.progress.closure ? MARKS.closed(date(r.progress.closure.date)) : '',
      ),
    onSchedule: onScheduleText,
    // The reason runs on after the progress, in the same line: a line break inside a justified cell
    // makes Word and LibreOffice stretch the line before it across the cell.
    progress: (r) => [endSentence(r.progress.progress ?? ''), !shown.has('reason') && reasonText(r) !== '' ? `${MARKS.reason}${reasonText(r)}` : ''].join(''),
    reason: reasonText,
    completedOn: (r) => date(r.progress.completedOn),
    closedOn: (r) => date(r.progress.closure?.date),
  };
}

const PERIOD_ALIGN: Record<ReportPeriodField, ExtraColumn['align']> = {
  status: 'center',
  onSchedule: 'center',
  progress: 'justify',
  reason: 'justify',
  completedOn: 'center',
  closedOn: 'center',
};

const REPORT_PERIOD_FIELD_SET: ReadonlySet<string> = new Set(REPORT_PERIOD_FIELDS);

function isPeriodField(field: string): field is ReportPeriodField {
  return REPORT_PERIOD_FIELD_SET.has(field);
}

/** The report's columns as the plan lists them (plan.reportColumns), else the default; widths come from the content unless the plan sets them. */
export function reportColumnList(plan: Plan): ReportColumn[] {
  if (plan.reportColumns) return [...plan.reportColumns];
  return DEFAULT_REPORT_COLUMNS.map((field) => ({ field }));
}

/** A plan field's header in the report's table: the office's own task-table header for it, else the vocabulary's. */
function planFieldHeader(plan: Plan, field: TableField): string {
  const own = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).find((c) => c.field === field);
  return own?.header ?? FIELD_LABELS[field];
}

function reportTableColumns(plan: Plan, view: PeriodView): { planColumns: TableColumn[]; extraColumns: ExtraColumn[] } {
  const list = reportColumnList(plan);
  const shown = new Set(list.map((c) => c.field).filter(isPeriodField));
  const texts = reportPeriodTexts(shown, view.asOf);
  const planColumns: TableColumn[] = [];
  const extraColumns: ExtraColumn[] = [];
  for (const column of list) {
    const optional = { ...(column.group === undefined ? {} : { group: column.group }), ...(column.width === undefined ? {} : { width: column.width }) };
    if (isPeriodField(column.field)) {
      const base = periodColumn(view, column.field, PERIOD_ALIGN[column.field], texts[column.field]);
      const { group: _periodGroup, ...ungrouped } = base;
      extraColumns.push({ ...ungrouped, header: column.header ?? base.header, ...optional });
    } else {
      planColumns.push({ field: column.field, header: column.header ?? planFieldHeader(plan, column.field), ...optional });
    }
  }
  return { planColumns, extraColumns };
}

/** The 整改时限 cell with an approved extension beside the plan's phrase (which stays: docs/domain.md#deadlines). */
function deadlineWithExtension(view: PeriodView): NonNullable<ComposeTaskTableOptions['fieldText']> {
  const rows = new Map(view.rows.map((r) => [r.problem.number, r]));
  return (problem, field, planText) => {
    const extension = rows.get(problem.number)?.progress.extension;
    return field === 'deadline' && extension ? MARKS.extended(planText, extension.deadline) : planText;
  };
}

function baseOptions(options: PeriodTableOptions): ComposeTaskTableOptions {
  return {
    title: options.title,
    ...(options.titleLines === undefined ? {} : { titleLines: options.titleLines }),
    ...(options.label === undefined ? {} : { label: options.label }),
    date: options.date,
    ...(options.textWidthEm === undefined ? {} : { textWidthEm: options.textWidthEm }),
    ...(options.fits === undefined ? {} : { fits: options.fits }),
  };
}

/**
 * The report's 整改进展情况表: the columns of plan.reportColumns (else
 * DEFAULT_REPORT_COLUMNS), the plan's fields first, then the period's, one
 * row a problem in plan order.
 */
export function composeProgressTable(plan: Plan, view: PeriodView, options: PeriodTableOptions): TaskTableModel {
  const { planColumns, extraColumns } = reportTableColumns(plan, view);
  // An empty list of plan columns is what it says: composeTaskTable shows only the extra columns.
  return composeTaskTable({ ...plan, tableColumns: planColumns }, { ...baseOptions(options), extraColumns, fieldText: deadlineWithExtension(view) });
}

function ledgerColumns(view: PeriodView, history: readonly Progress[]): ExtraColumn[] {
  const evidence = cumulativeEvidenceByProblem(history, view.period);
  return [
    periodColumn(view, 'status', 'center', (r) => r.state.status),
    periodColumn(view, 'onSchedule', 'center', onScheduleText),
    periodColumn(view, 'progress', 'justify', (r) => r.progress.progress ?? ''),
    periodColumn(view, 'completedOn', 'center', (r) => r.progress.completedOn ?? ''),
    periodColumn(view, 'evidence', 'justify', (r) => (evidence.get(r.problem.number) ?? []).map((e) => e.path).join('\n')),
    periodColumn(view, 'reason', 'justify', (r) => r.progress.reason ?? ''),
    periodColumn(view, 'extension', 'center', (r) => r.progress.extension?.deadline ?? ''),
    periodColumn(view, 'closedOn', 'center', (r) => r.progress.closure?.date ?? ''),
    periodColumn(view, 'warning', 'center', warningText),
    // Last, so the columns offices already sort and filter by keep their places.
    periodColumn(view, 'round', 'center', (r) => String(r.round)),
  ];
}

/** The plan fields a unit's compact ledger sheet shows, when the plan's table has them. */
const COMPACT_PLAN_FIELDS: ReadonlySet<string> = new Set(['number', 'summary', 'deadline', 'leadUnits']);
/** The period's columns a unit's compact ledger sheet shows. */
const COMPACT_PERIOD_KEYS: ReadonlySet<string> = new Set([PERIOD_KEYS.status, PERIOD_KEYS.onSchedule, PERIOD_KEYS.completedOn, PERIOD_KEYS.closedOn, PERIOD_KEYS.warning]);

export interface LedgerTableOptions extends PeriodTableOptions {
  /**
   * Only the columns a unit follows its problems by (序号, 问题简述, 整改时限,
   * 牵头单位 and the status, dates and warning): the unit sheets, whose full
   * texts are on 台账, so printing the workbook does not print them twice.
   */
  readonly compact?: boolean;
}

/**
 * The ledger's table: the plan's columns and one column per field of the
 * period, one whole row per problem (no merged category cells: a ledger is
 * sorted and filtered). `plan.problems` may be a subset (a unit's sheet).
 * Evidence is cumulative over `history` up to the view's period.
 */
export function composeLedgerTable(plan: Plan, view: PeriodView, history: readonly Progress[], options: LedgerTableOptions): TaskTableModel {
  const columns = ledgerColumns(view, history);
  if (!options.compact) return composeTaskTable(plan, { ...baseOptions(options), extraColumns: columns, mergeCategories: false });
  const planColumns = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).filter((c) => COMPACT_PLAN_FIELDS.has(c.field));
  return composeTaskTable(
    { ...plan, tableColumns: planColumns.length > 0 ? planColumns : [{ field: 'number', header: FIELD_LABELS.number }] },
    { ...baseOptions(options), extraColumns: columns.filter((c) => COMPACT_PERIOD_KEYS.has(c.key)), mergeCategories: false },
  );
}
