// The ledger's 回头看 sheet (docs/domain.md#回头看): each problem checked in the
// period, one row, with its records (date, who checked — a post —, finding,
// note, evidence), its round, and the completions and closures of the rounds
// a 反弹 ended, read back from the earlier files, so a first closure stays on
// record after the problem is reopened.
import type { PeriodRow, PeriodView } from '../derive/period.js';
import { earlierRounds, type EarlierRound } from '../derive/review.js';
import { PERIOD_KEYS, type LedgerTableSheet } from '../model/document/ledger.js';
import type { Plan, Problem } from '../model/plan-schema.js';
import type { Progress, Review } from '../model/progress-schema.js';
import { DEFAULT_TASK_TABLE_COLUMNS, FIELD_LABELS, REVIEW_LABELS } from '../model/vocabulary.js';
import { composeTaskTable, type ComposeTaskTableOptions, type ExtraColumn } from './task-table.js';

/** The plan's columns the sheet shows, when the plan's table has them. */
const PLAN_FIELDS: ReadonlySet<string> = new Set(['number', 'summary', 'leadUnits']);

/** Header of the column of earlier rounds. */
const EARLIER_ROUNDS_HEADER = '此前各轮完成及销号';

/** 第1轮：2023-07-31完成，2023-10-16销号（2023-11回头看反弹）. */
function earlierRoundText(r: EarlierRound): string {
  const closed = r.closure ? `，${r.closure.date}销号` : '';
  return `第${r.round}轮：${r.completedOn}完成${closed}（${r.reopenedIn}${REVIEW_LABELS.review}反弹）`;
}

type RecordText = (review: Review) => string;

function column(rows: ReadonlyMap<number, PeriodRow>, key: string, header: string, align: ExtraColumn['align'], text: (row: PeriodRow) => string): ExtraColumn {
  return { key, header, align, text: (problem: Problem) => (rows.has(problem.number) ? text(rows.get(problem.number)!) : '') };
}

function recordsColumn(rows: ReadonlyMap<number, PeriodRow>, key: string, header: string, align: ExtraColumn['align'], text: RecordText): ExtraColumn {
  return column(rows, key, header, align, (row) => (row.progress.reviews ?? []).map(text).join('\n'));
}

function reviewColumns(rows: ReadonlyMap<number, PeriodRow>, history: readonly Progress[]): ExtraColumn[] {
  return [
    recordsColumn(rows, 'reviewDate', REVIEW_LABELS.date, 'center', (r) => r.date),
    recordsColumn(rows, 'checkedBy', REVIEW_LABELS.checkedBy, 'center', (r) => r.checkedBy),
    recordsColumn(rows, 'finding', REVIEW_LABELS.finding, 'center', (r) => r.finding),
    recordsColumn(rows, 'reviewNote', REVIEW_LABELS.note, 'justify', (r) => r.note ?? ''),
    recordsColumn(rows, 'reviewEvidence', REVIEW_LABELS.evidence, 'justify', (r) => r.evidence.join('\n')),
    column(rows, PERIOD_KEYS.status, FIELD_LABELS.status, 'center', (row) => row.state.status),
    column(rows, PERIOD_KEYS.round, REVIEW_LABELS.round, 'center', (row) => String(row.round)),
    column(rows, 'earlierRounds', EARLIER_ROUNDS_HEADER, 'justify', (row) => earlierRounds(history, row.problem.number).map(earlierRoundText).join('\n')),
  ];
}

/**
 * The 回头看 sheet of the view's period, or undefined when no problem has a
 * record in it. `history` is every progress file up to the period, oldest
 * first (for the earlier rounds).
 */
export function composeReviewSheet(
  plan: Plan,
  view: PeriodView,
  history: readonly Progress[],
  sheet: { name: string; titleLines: readonly string[] },
  options: Pick<ComposeTaskTableOptions, 'fits'> = {},
): LedgerTableSheet | undefined {
  const checked = view.rows.filter((r) => (r.progress.reviews ?? []).length > 0);
  if (checked.length === 0) return undefined;
  const rows = new Map(checked.map((r) => [r.problem.number, r]));
  const planColumns = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).filter((c) => PLAN_FIELDS.has(c.field));
  const table = composeTaskTable(
    { ...plan, problems: checked.map((r) => r.problem), tableColumns: planColumns.length > 0 ? planColumns : [{ field: 'number', header: FIELD_LABELS.number }] },
    {
      title: sheet.titleLines.join(''),
      titleLines: sheet.titleLines,
      date: view.asOf,
      extraColumns: reviewColumns(rows, history),
      mergeCategories: false,
      ...(options.fits === undefined ? {} : { fits: options.fits }),
    },
  );
  return { name: sheet.name, titleLines: sheet.titleLines, table };
}
