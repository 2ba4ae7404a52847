// The monthly progress report (整改进展情况的报告) as a document model: a 上行文
// to the county with 发文字号 and 签发人, the title, 主送机关, the body from
// templates/report.hbs, the 署名 and date, and the progress table attached in
// a landscape section.
//
// What the body says comes from the template and the data: the office's own
// paragraphs (progress.report.workDone, difficulties, nextSteps) verbatim, and
// sentences the template writes from the period's statistics. This module only
// decides what the template sees, and fills the template's slot lines:
//   ---title …---       the report's title (unless progress.report.title gives one)
//   ---chart …---       the chart of completion by lead unit, titled …
//   ---attachment …---  attach the progress table under the title …

import type { IsoDate } from '../model/dates.js';
import type { PeriodRow, PeriodView } from '../derive/period.js';
import { formatPercent, type Tally } from '../derive/statistics.js';
import type { ReviewTally } from '../derive/review.js';
import { UserError } from '../diagnostics/user-error.js';
import type { Plan } from '../model/plan-schema.js';
import { planSubject } from '../model/plan-subject.js';
import { categoryOf } from '../model/plan-categories.js';
import type { Extension, Closure, Progress, ReportMeta, Status } from '../model/progress-schema.js';
import type { SlotLine, TemplatePiece } from '../templates/grammar.js';
import type { TemplateSet, TemplateSource } from '../templates/load.js';
import { renderTemplatePieces } from '../templates/render.js';
import { TemplateError } from '../templates/template-error.js';
import type { ChartSpec } from '../model/document/chart-spec.js';
import { leadUnitSeries } from '../derive/lead-unit-chart.js';
import { printedCategoryGroups, problemContext, type ProblemTemplateContext } from './plan-context.js';
import { numberBesideCategory, shownNumberOf } from '../model/numbering.js';
import { TASK_TABLE_LABEL, TITLE_MAX_EM } from '../layout/gbt9704.js';
import type { Attachment, Block, OfficialDocument } from '../model/document/official-document.js';
import { composeProgressTable } from './progress-table.js';
import type { ComposeTaskTableOptions } from './task-table.js';
import { balanceTitle } from './title-lines.js';

export const REPORT_SLOTS: ReadonlySet<string> = new Set(['title', 'chart', 'attachment']);

export interface ComposeReportOptions {
  readonly titleMaxEm?: number;
  /** The renderer's text width for the progress table's width estimate. */
  readonly progressTable?: Pick<ComposeTaskTableOptions, 'textWidthEm'>;
}

// --- what the template sees (documented in templates/README.md) ------------

/** A problem in the period, as report.hbs sees it: the plan's fields and the period's. */
export interface ReportProblemContext extends ProblemTemplateContext {
  /** The category's short label (交叉核查); null in a plan without categories. */
  readonly categoryLabel: string | null;
  readonly status: Status;
  readonly completed: boolean;
  readonly closed: boolean;
  /** Derived: not completed and past the due date in force. */
  readonly overdue: boolean;
  /** 推进中, not overdue, and the unit says it is not on schedule. */
  readonly behind: boolean;
  /** The unit's 达到序时进度 answer while 推进中; null otherwise or when not given. */
  readonly onSchedule: boolean | null;
  readonly longTerm: boolean;
  readonly progress: string | null;
  readonly completedOn: IsoDate | null;
  readonly reason: string | null;
  readonly extension: { readonly deadline: string; readonly reason: string; readonly approvedOn: IsoDate } | null;
  readonly closure: { readonly date: IsoDate; readonly approver: string; readonly opinion: string } | null;
  /** 整改轮次 (docs/domain.md#回头看), and whether a 回头看 reopened it this period. */
  readonly round: number;
  readonly reopened: boolean;
}

export interface ReportStatisticsContext {
  readonly total: number;
  readonly completed: number;
  readonly closed: number;
  readonly notStarted: number;
  readonly inProgress: number;
  readonly onSchedule: number;
  readonly behind: number;
  readonly unreported: number;
  readonly longTerm: number;
  /** Every overdue problem (推进中 or 未启动). */
  readonly overdue: number;
  /** The overdue among those 推进中: what “正在推进的…其中逾期” counts. */
  readonly inProgressOverdue: number;
  /** The overdue among those 未启动. */
  readonly notStartedOverdue: number;
  readonly due: number;
  readonly dueCompleted: number;
  /** “66.7%”; “—” when there is nothing to divide by. */
  readonly completionRate: string;
  readonly dueCompletionRate: string;
}

export interface ReportTemplateContext {
  readonly period: string;
  readonly asOf: IsoDate;
  readonly date: IsoDate;
  readonly issuer: string;
  readonly planTitle: string;
  /** The plan's subject (plan.subject), else derived from the task table's title: what the titles are about. */
  readonly subject: string;
  /** The task table's title (…整改任务分解和责任分工表). */
  readonly attachmentTitle: string;
  readonly noticeTitle: string;
  readonly noticeDocNumber: string;
  readonly noticeDate: IsoDate;
  readonly workDone: readonly string[];
  readonly difficulties: readonly string[];
  readonly nextSteps: readonly string[];
  readonly stats: ReportStatisticsContext;
  readonly changes: {
    /** The period compared with (YYYY-MM); null in a first report. */
    readonly since: string | null;
    readonly any: boolean;
    /** Shown numbers (model/numbering.ts) of the problems newly completed, closed, overdue. */
    readonly newlyCompleted: readonly string[];
    readonly newlyClosed: readonly string[];
    readonly newlyOverdue: readonly string[];
  };
  readonly overdueProblems: readonly ReportProblemContext[];
  readonly extendedProblems: readonly ReportProblemContext[];
  readonly longTermProblems: readonly ReportProblemContext[];
  /** Of the long-term problems, how many are completed. */
  readonly longTermCompleted: number;
  readonly leadUnits: readonly (ReportStatisticsContext & { readonly name: string })[];
  /** The period's 回头看 (derive/review.ts reviewTally), and the problems a 反弹 reopened. */
  readonly reviews: ReviewTally & { readonly reopenedProblems: readonly ReportProblemContext[] };
  /** The printed categories (as in the plan body), each with its problems; none in a plan without categories. */
  readonly categories: readonly { readonly heading: string; readonly label: string; readonly problems: readonly ReportProblemContext[] }[];
  readonly problems: readonly ReportProblemContext[];
}

function statisticsContext(t: Tally): ReportStatisticsContext {
  return {
    total: t.total,
    completed: t.completed,
    closed: t.closed,
    notStarted: t.notStarted,
    inProgress: t.inProgress,
    onSchedule: t.inProgressOnSchedule,
    behind: t.inProgressBehind,
    unreported: t.inProgressUnreported,
    longTerm: t.longTerm,
    overdue: t.overdue,
    inProgressOverdue: t.inProgressOverdue,
    notStartedOverdue: t.notStartedOverdue,
    due: t.due,
    dueCompleted: t.dueCompleted,
    completionRate: formatPercent(t.completionRate),
    dueCompletionRate: formatPercent(t.dueCompletionRate),
  };
}

function extensionContext(e: Extension | undefined): ReportProblemContext['extension'] {
  return e === undefined ? null : { deadline: e.deadline, reason: e.reason, approvedOn: e.approvedOn };
}

function closureContext(c: Closure | undefined): ReportProblemContext['closure'] {
  return c === undefined ? null : { date: c.date, approver: c.approver, opinion: c.opinion };
}

function reportProblem(plan: Plan, row: PeriodRow): ReportProblemContext {
  const { state, progress } = row;
  return {
    ...problemContext(row.problem),
    categoryLabel: categoryOf(plan, row.problem)?.label ?? row.problem.category ?? null,
    status: state.status,
    completed: state.completed,
    closed: state.closed,
    overdue: state.overdue,
    behind: state.status === '推进中' && !state.overdue && state.onSchedule === false,
    onSchedule: state.onSchedule ?? null,
    longTerm: state.longTerm,
    progress: progress.progress ?? null,
    completedOn: progress.completedOn ?? null,
    reason: progress.reason ?? null,
    extension: extensionContext(progress.extension),
    closure: closureContext(progress.closure),
    round: row.round,
    reopened: row.reopened,
  };
}

export function reportTemplateContext(plan: Plan, view: PeriodView, report: ReportMeta): ReportTemplateContext {
  const problems = view.rows.map((row) => reportProblem(plan, row));
  const byKey = new Map(view.rows.map((row, i) => [row.problem.number, problems[i]!]));
  const shown = (keys: readonly number[]) => keys.map((key) => shownNumberOf(plan, key));
  const { changes, statistics } = view;
  const longTermProblems = problems.filter((p) => p.longTerm);
  return {
    period: view.period,
    asOf: view.asOf,
    date: report.date,
    issuer: report.issuer,
    planTitle: plan.plan.title,
    subject: planSubject(plan).text,
    attachmentTitle: plan.plan.attachmentTitle,
    noticeTitle: plan.notice.title,
    noticeDocNumber: plan.notice.docNumber,
    noticeDate: plan.notice.date,
    workDone: [...report.workDone],
    difficulties: [...report.difficulties],
    nextSteps: [...report.nextSteps],
    stats: statisticsContext(statistics),
    changes: {
      since: changes.since,
      any: changes.newlyCompleted.length + changes.newlyClosed.length + changes.newlyOverdue.length > 0,
      newlyCompleted: shown(changes.newlyCompleted),
      newlyClosed: shown(changes.newlyClosed),
      newlyOverdue: shown(changes.newlyOverdue),
    },
    overdueProblems: problems.filter((p) => p.overdue),
    extendedProblems: problems.filter((p) => p.extension !== null),
    longTermProblems,
    longTermCompleted: longTermProblems.filter((p) => p.completed).length,
    leadUnits: statistics.byLeadUnit.map((u) => ({ name: u.unit.name, ...statisticsContext(u) })),
    reviews: { ...view.reviews, reopenedProblems: problems.filter((p) => p.reopened) },
    // Under its category heading a problem shows its number within the category.
    categories: printedCategoryGroups(plan).map((c) => ({
      heading: c.heading,
      label: c.label,
      problems: c.problems.map((p) => ({ ...byKey.get(p.number)!, number: numberBesideCategory(p) })),
    })),
    problems,
  };
}

// --- the chart -----------------------------------------------------------------

export { CHART_SERIES_ORDER } from '../derive/lead-unit-chart.js';
export const CHART_VALUE_AXIS_TITLE = '问题数（个）';

/**
 * Completion by lead unit, stacked by status: one column per lead unit (the
 * units of statistics.byLeadUnit, in that order), a problem with several
 * lead units in each of their columns — so every column's height is that
 * unit's total. An overdue problem counts under 逾期 instead of its status,
 * so no problem is stacked twice. Series with no problem are left out.
 */
export function leadUnitChart(view: PeriodView, title: string): ChartSpec {
  const { units, series } = leadUnitSeries(view);
  return {
    type: 'stackedColumn',
    title,
    categories: units,
    series,
    valueAxisTitle: CHART_VALUE_AXIS_TITLE,
  };
}

// --- the document --------------------------------------------------------------

/** The report meta, refused when the period's file has none (it may be imported before the office writes the report). */
function reportMeta(progress: Progress): ReportMeta {
  if (progress.report === undefined) {
    throw new UserError(`${progress.period} 的进展文件没有 report（报告的文号、签发人、主送机关和正文段落），无法生成进展报告`);
  }
  return progress.report;
}

/** The one slot of a name, or undefined; a second one is the template's fault. */
export function singleSlot(pieces: readonly TemplatePiece[], name: string, template: TemplateSource): SlotLine | undefined {
  const found = pieces.filter((p): p is SlotLine => p.kind === 'slot' && p.name === name);
  if (found.length > 1) throw new TemplateError(template.fileName, undefined, `“---${name} …---”只能写一次，实有${found.length}次`);
  return found[0];
}

export function slotText(slot: SlotLine | undefined, template: TemplateSource): string | undefined {
  if (slot === undefined) return undefined;
  if (slot.argument.trim() === '') throw new TemplateError(template.fileName, undefined, `“---${slot.name} …---”缺少文字`);
  return slot.argument;
}

function reportTitle(report: ReportMeta, pieces: readonly TemplatePiece[], template: TemplateSource): string {
  const fromTemplate = slotText(singleSlot(pieces, 'title', template), template);
  const title = report.title ?? fromTemplate;
  if (title === undefined) {
    throw new TemplateError(template.fileName, undefined, '没有报告标题：模板中应有“---title …---”一行，或在进展文件 report.title 中填写');
  }
  return title;
}

/** Template pieces as body blocks: a chart slot becomes the chart; the title and attachment slots are not body. */
function bodyBlocks(pieces: readonly TemplatePiece[], view: PeriodView, template: TemplateSource): Block[] {
  return pieces.flatMap((piece): Block[] => {
    if (piece.kind !== 'slot') return [piece];
    if (piece.name !== 'chart') return [];
    return [{ kind: 'chart', chart: leadUnitChart(view, slotText(piece, template)!) }];
  });
}

function progressAttachment(plan: Plan, view: PeriodView, title: string, date: IsoDate, maxEm: number, options: ComposeReportOptions): Attachment {
  const lines = balanceTitle(title, maxEm);
  const table = composeProgressTable(plan, view, {
    title,
    titleLines: lines,
    label: TASK_TABLE_LABEL,
    date,
    ...(options.progressTable?.textWidthEm === undefined ? {} : { textWidthEm: options.progressTable.textWidthEm }),
  });
  return { label: TASK_TABLE_LABEL, title: { lines }, content: { kind: 'taskTable', table }, orientation: 'landscape' };
}

/**
 * The progress report for one period. `progress` is the period's file (its
 * report meta: 文号, 签发人, 主送, the office's paragraphs); `view` is
 * derivePeriod's view of it. Pure: templates come in as text.
 */
export function composeReport(
  plan: Plan,
  view: PeriodView,
  progress: Progress,
  templates: Pick<TemplateSet, 'report'>,
  options: ComposeReportOptions = {},
): OfficialDocument {
  if (progress.period !== view.period) throw new RangeError(`composeReport: progress ${progress.period} is not the view's period ${view.period}`);
  const report = reportMeta(progress);
  const template = templates.report;
  const maxEm = options.titleMaxEm ?? TITLE_MAX_EM;
  const pieces = renderTemplatePieces(template.source, template.fileName, reportTemplateContext(plan, view, report), REPORT_SLOTS);
  const attachmentTitle = slotText(singleSlot(pieces, 'attachment', template), template);
  return {
    header: { kind: 'up', issuerMark: report.issuerMark, docNumber: report.docNumber, signer: report.signer },
    title: { lines: balanceTitle(reportTitle(report, pieces, template), maxEm) },
    recipients: report.recipients,
    body: bodyBlocks(pieces, view, template),
    ...(attachmentTitle === undefined ? {} : { attachmentsNote: [attachmentTitle] }),
    signature: { signatory: report.issuer, date: report.date, sealed: report.sealed },
    enclosures: [],
    attachments: attachmentTitle === undefined ? [] : [progressAttachment(plan, view, attachmentTitle, report.date, maxEm, options)],
  };
}
