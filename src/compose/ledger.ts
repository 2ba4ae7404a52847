// The ledger (整改台账) of one period as a model: which sheets it has and what
// each holds. The Excel renderer (render/xlsx/ledger.ts) lays it out.
//
// - 台账: every problem, one row each, the plan's columns and the period's.
// - 统计: counts by lead unit × status and by category × status, with totals.
//   The numbers are statistics.byLeadUnit / byCategory as derived, so the
//   ledger, the report and its chart agree.
// - one sheet per lead unit: every problem the unit leads, including those it
//   leads together with another unit (docs/domain.md#statistics: such a problem is in the
//   row of each of its lead units). A note names the co-led ones and says the
//   first-listed unit reports them.
//
// Sheet titles, captions and headers are labels, kept here with the tables
// they head; the numbers and texts are the data's.

import { chineseDate } from '../model/dates.js';
import type { PeriodView } from '../derive/period.js';
import { formatPercent, type Tally } from '../derive/statistics.js';
import { unitsText } from '../derive/units.js';
import type { Plan } from '../model/plan-schema.js';
import { STATUSES, type Progress } from '../model/progress-schema.js';
import { composeLedgerTable } from './progress-table.js';
import { TITLE_MAX_EM } from '../layout/gbt9704.js';
import { type ComposeTaskTableOptions } from './task-table.js';
import { DEFAULT_TASK_TABLE_COLUMNS } from '../model/vocabulary.js';
import { type TaskTableModel } from '../model/document/task-table.js';
import { balanceTitle } from './title-lines.js';
import { type SummaryTable, type LedgerTableSheet, type LedgerModel } from '../model/document/ledger.js';

export const LEDGER_LABELS = {
  mainSheet: '台账',
  summarySheet: '统计',
  ledgerTitle: (asOf: string) => `整改台账（截至${chineseDate(asOf)}）`,
  unitTitle: (unit: string, asOf: string) => `${unit}牵头问题整改台账（截至${chineseDate(asOf)}）`,
  summaryTitle: (asOf: string) => `整改情况统计（截至${chineseDate(asOf)}）`,
  byUnitCaption: '按牵头单位统计',
  byCategoryCaption: (categoryHeader: string) => `按${categoryHeader}统计`,
  unitHeader: '牵头单位',
  /** When the plan's table has no category column to borrow a header from. */
  categoryHeader: '问题类别',
  totals: '合计',
  coLedNote: (numbers: readonly number[]) =>
    `注：问题${unitsText(numbers.map(String))}有多个牵头单位，在每个牵头单位的表中都列出，由第一个牵头单位报送。`,
  totalsNote: (numbers: readonly number[]) =>
    `注：问题${unitsText(numbers.map(String))}有多个牵头单位，在各牵头单位行中分别计数，合计行每个问题只计一次，故合计不等于各行之和。`,
} as const;

/** The count columns of both summary tables, after the row label. */
const SUMMARY_HEADERS: readonly string[] = ['问题数', ...STATUSES, '完成整改', '逾期', '完成率', '到期任务完成率'];

export interface ComposeLedgerOptions {
  /** The renderer's text width and wrap safety, for the column-width estimate. */
  readonly textWidthEm?: ComposeTaskTableOptions['textWidthEm'];
  readonly wrapSafetyEm?: number;
}

function summaryValues(t: Tally): (number | string)[] {
  return [t.total, ...STATUSES.map((s) => t.byStatus[s]), t.completed, t.overdue, formatPercent(t.completionRate), formatPercent(t.dueCompletionRate)];
}

/** The plan's own header for its category column (方面, 发现问题方式), on one line. */
function categoryHeader(plan: Plan): string {
  const column = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).find((c) => c.field === 'category');
  return column ? column.header.replace(/\n/g, '') : LEDGER_LABELS.categoryHeader;
}

function coLed(plan: Plan): number[] {
  return plan.problems.filter((p) => p.leadUnits.length > 1).map((p) => p.number);
}

export function summaryTables(plan: Plan, view: PeriodView): SummaryTable[] {
  const s = view.statistics;
  const totals = { label: LEDGER_LABELS.totals, values: summaryValues(s) };
  const shared = coLed(plan);
  const byUnit: SummaryTable = {
    caption: LEDGER_LABELS.byUnitCaption,
    headers: [LEDGER_LABELS.unitHeader, ...SUMMARY_HEADERS],
    rows: s.byLeadUnit.map((u) => ({ label: u.unit.name, values: summaryValues(u) })),
    totals,
    ...(shared.length > 0 ? { note: LEDGER_LABELS.totalsNote(shared) } : {}),
  };
  const header = categoryHeader(plan);
  const byCategory: SummaryTable = {
    caption: LEDGER_LABELS.byCategoryCaption(header),
    headers: [header, ...SUMMARY_HEADERS],
    rows: s.byCategory.map((c) => ({ label: c.category.label, values: summaryValues(c) })),
    totals,
  };
  return [byUnit, byCategory];
}

function tableSheet(
  plan: Plan,
  view: PeriodView,
  history: readonly Progress[],
  sheet: { name: string; titleLines: string[]; note?: string },
  options: ComposeLedgerOptions,
): LedgerTableSheet {
  const table = composeLedgerTable(plan, view, history, {
    title: sheet.titleLines.join(''),
    titleLines: sheet.titleLines,
    date: view.asOf,
    ...(options.textWidthEm === undefined ? {} : { textWidthEm: options.textWidthEm }),
    ...(options.wrapSafetyEm === undefined ? {} : { wrapSafetyEm: options.wrapSafetyEm }),
  });
  return { name: sheet.name, titleLines: sheet.titleLines, table, ...(sheet.note === undefined ? {} : { note: sheet.note }) };
}

/** The plan's title as the plan prints it (its own lines, else balanced as a 公文 title), above each sheet's own line. */
function planTitleLines(plan: Plan): string[] {
  return [...(plan.plan.titleLines ?? balanceTitle(plan.plan.title, TITLE_MAX_EM))];
}

function unitSheets(plan: Plan, view: PeriodView, history: readonly Progress[], options: ComposeLedgerOptions): LedgerTableSheet[] {
  return view.statistics.byLeadUnit.map(({ unit }) => {
    const problems = plan.problems.filter((p) => p.leadUnits.includes(unit.name));
    const shared = problems.filter((p) => p.leadUnits.length > 1).map((p) => p.number);
    const titleLines = [...planTitleLines(plan), LEDGER_LABELS.unitTitle(unit.name, view.asOf)];
    const note = shared.length > 0 ? { note: LEDGER_LABELS.coLedNote(shared) } : {};
    return tableSheet({ ...plan, problems }, view, history, { name: unit.name, titleLines, ...note }, options);
  });
}

/**
 * The ledger of the view's period. `history` is every progress file up to
 * (at least) the period: 佐证材料 is cumulative (docs/domain.md#evidence).
 */
export function composeLedger(plan: Plan, view: PeriodView, history: readonly Progress[], options: ComposeLedgerOptions = {}): LedgerModel {
  const mainTitle = [...planTitleLines(plan), LEDGER_LABELS.ledgerTitle(view.asOf)];
  return {
    period: view.period,
    asOf: view.asOf,
    title: mainTitle.join(''),
    main: tableSheet(plan, view, history, { name: LEDGER_LABELS.mainSheet, titleLines: mainTitle }, options),
    summary: {
      name: LEDGER_LABELS.summarySheet,
      titleLines: [...planTitleLines(plan), LEDGER_LABELS.summaryTitle(view.asOf)],
      tables: summaryTables(plan, view),
    },
    units: unitSheets(plan, view, history, options),
  };
}
