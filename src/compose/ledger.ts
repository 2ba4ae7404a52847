// The ledger (整改台账) of one period as a model: which sheets it has and what
// each holds. The Excel renderer (render/xlsx/ledger.ts) lays it out.
//
// - 台账: every problem, one row each, the plan's columns and the period's.
// - 统计: counts by lead unit × status and by category × status, with totals
//   (a plan without categories has the first table only).
//   The numbers are statistics.byLeadUnit / byCategory as derived, so the
//   ledger, the report and its chart agree.
// - one sheet per lead unit: every problem the unit leads, including those it
//   leads together with another unit (docs/domain.md#statistics: such a problem is in the
//   row of each of its lead units). A note names the co-led ones and says the
//   first-listed unit reports them.
//
// Headers are the vocabulary's labels (model/vocabulary.ts); sheet titles,
// captions, notes and the status drop-down's prompt are the wording of
// templates/ledger.hbs; the numbers and texts are the data's.

import { shownNumber } from '../model/numbering.js';
import type { IsoDate } from '../model/dates.js';
import type { PeriodView } from '../derive/period.js';
import { formatPercent, type Tally } from '../derive/statistics.js';
import type { Plan } from '../model/plan-schema.js';
import { planSubject } from '../model/plan-subject.js';
import { STATUSES, type Progress } from '../model/progress-schema.js';
import { composeLedgerTable } from './progress-table.js';
import { TITLE_MAX_EM } from '../layout/gbt9704.js';
import { unitNames, type ComposeTaskTableOptions } from './task-table.js';
import { CATEGORY_FALLBACK_LABEL, FIELD_LABELS, REVIEW_LABELS, SUMMARY_LABELS } from '../model/vocabulary.js';
import { composeReviewSheet } from './review-sheet.js';
import { hasCategories } from '../model/plan-categories.js';
import { planTableColumns } from '../derive/task-table-layout.js';
import type { TemplateSet } from '../templates/load.js';
import { renderPhrases, type Phrases } from '../templates/phrases.js';
import { balanceTitle } from './title-lines.js';
import { type SummaryTable, type LedgerTableSheet, type LedgerModel } from '../model/document/ledger.js';

/** The sheets' names: the ledger's table and its summary (a unit's sheet is named after the unit). */
export const LEDGER_SHEET_NAMES = {
  main: '台账',
  summary: '统计',
  reviews: REVIEW_LABELS.review,
} as const;

/** The count columns of both summary tables, after the row label (the roll-up's ledger uses the same). */
export const SUMMARY_HEADERS: readonly string[] = [
  SUMMARY_LABELS.total,
  ...STATUSES,
  SUMMARY_LABELS.completed,
  SUMMARY_LABELS.overdue,
  SUMMARY_LABELS.completionRate,
  SUMMARY_LABELS.dueCompletionRate,
];

// --- wording: templates/ledger.hbs ------------------------------------------

/**
 * What templates/ledger.hbs sees (documented in templates/README.md). It is
 * filled in once for the ledger as a whole (`unit` null) and once for each
 * lead unit's sheet.
 */
export interface LedgerTemplateContext {
  readonly period: string;
  readonly asOf: IsoDate;
  readonly planTitle: string;
  /** The plan's subject (plan.subject), else derived from the task table's title. */
  readonly subject: string;
  /** The by-category summary's row header: the plan's own category column header, on one line. */
  readonly categoryHeader: string;
  /** Problems with more than one lead unit, by shown number (model/numbering.ts). */
  readonly coLed: readonly string[];
  /** The lead unit whose sheet is being worded; null for the ledger as a whole. */
  readonly unit: string | null;
  /** Of that unit's problems, those it leads with another unit; empty when `unit` is null. */
  readonly unitCoLed: readonly string[];
}

/** The phrases ledger.hbs gives; unittitle, unitcolumns and unitnote are read from a unit's filling only. */
export const LEDGER_PHRASES = ['title', 'summarytitle', 'reviewtitle', 'byunit', 'bycategory', 'totalsnote', 'statusprompt', 'statuserror', 'unittitle', 'unitcolumns', 'unitnote'] as const;

type LedgerPhrases = Phrases<(typeof LEDGER_PHRASES)[number]>;

function ledgerPhrases(templates: Pick<TemplateSet, 'ledger'>, plan: Plan, view: PeriodView, unit?: { name: string; coLed: string[] }): LedgerPhrases {
  const context: LedgerTemplateContext = {
    period: view.period,
    asOf: view.asOf,
    planTitle: plan.plan.title,
    subject: planSubject(plan).text,
    categoryHeader: categoryHeader(plan),
    coLed: coLed(plan),
    unit: unit?.name ?? null,
    unitCoLed: unit?.coLed ?? [],
  };
  return renderPhrases(templates.ledger, context, LEDGER_PHRASES);
}

export interface ComposeLedgerOptions {
  /** The sizes and print scales the renderer's sheets may be set at, for the column widths (composeTaskTable's fits). */
  readonly fits?: ComposeTaskTableOptions['fits'];
}

function summaryValues(t: Tally): (number | string)[] {
  return [t.total, ...STATUSES.map((s) => t.byStatus[s]), t.completed, t.overdue, formatPercent(t.completionRate), formatPercent(t.dueCompletionRate)];
}

/** The plan's own header for its category column (方面, 发现问题方式), on one line. */
function categoryHeader(plan: Plan): string {
  const column = planTableColumns(plan).find((c) => c.field === 'category');
  return column ? column.header.replace(/\n/g, '') : CATEGORY_FALLBACK_LABEL;
}

function coLed(plan: Plan): string[] {
  return plan.problems.filter((p) => p.leadUnits.length > 1).map(shownNumber);
}

/**
 * The summary tables: by lead unit, and by category unless the plan has none
 * (a flat list has no breakdown to print); captions and note worded by the
 * ledger's phrases.
 */
export function summaryTables(plan: Plan, view: PeriodView, wording: LedgerPhrases): SummaryTable[] {
  const s = view.statistics;
  const totals = { label: SUMMARY_LABELS.totals, values: summaryValues(s) };
  const note = wording.optional('totalsnote');
  const byUnit: SummaryTable = {
    caption: wording.text('byunit'),
    headers: [FIELD_LABELS.leadUnits, ...SUMMARY_HEADERS],
    rows: s.byLeadUnit.map((u) => ({ label: u.unit.name, values: summaryValues(u) })),
    totals,
    ...(note === undefined ? {} : { note }),
  };
  if (!hasCategories(plan)) return [byUnit];
  const header = categoryHeader(plan);
  const byCategory: SummaryTable = {
    caption: wording.text('bycategory'),
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
  sheet: { name: string; titleLines: string[]; note?: string; compact?: boolean },
  options: ComposeLedgerOptions,
): LedgerTableSheet {
  const table = composeLedgerTable(plan, view, history, {
    title: sheet.titleLines.join(''),
    titleLines: sheet.titleLines,
    date: view.asOf,
    ...(sheet.compact ? { compact: true } : {}),
    ...(options.fits === undefined ? {} : { fits: options.fits }),
  });
  return { name: sheet.name, titleLines: sheet.titleLines, table, ...(sheet.note === undefined ? {} : { note: sheet.note }) };
}

/** The plan's title as the plan prints it (its own lines, else balanced as a 公文 title), above each sheet's own line. */
function planTitleLines(plan: Plan): string[] {
  return [...(plan.plan.titleLines ?? balanceTitle(plan.plan.title, TITLE_MAX_EM, unitNames(plan)))];
}

function unitSheets(plan: Plan, view: PeriodView, history: readonly Progress[], templates: Pick<TemplateSet, 'ledger'>, options: ComposeLedgerOptions): LedgerTableSheet[] {
  return view.statistics.byLeadUnit.map(({ unit }) => {
    const problems = plan.problems.filter((p) => p.leadUnits.includes(unit.name));
    const shared = problems.filter((p) => p.leadUnits.length > 1).map(shownNumber);
    const wording = ledgerPhrases(templates, plan, view, { name: unit.name, coLed: shared });
    const titleLines = [...planTitleLines(plan), wording.text('unittitle')];
    // The sheet is compact (composeLedgerTable's compact columns): say where the rest is, then the co-led note.
    const notes = [wording.optional('unitcolumns'), wording.optional('unitnote')].filter((n): n is string => n !== undefined);
    const note = notes.length > 0 ? notes.join('\n') : undefined;
    return tableSheet({ ...plan, problems }, view, history, { name: unit.name, titleLines, compact: true, ...(note === undefined ? {} : { note }) }, options);
  });
}

/** The 回头看 sheet (compose/review-sheet.ts) as the model's optional field; its title the phrase reviewtitle, else the sheet's name. */
function reviewSheet(plan: Plan, view: PeriodView, history: readonly Progress[], wording: LedgerPhrases, options: ComposeLedgerOptions): { reviews?: LedgerTableSheet } {
  const titleLines = [...planTitleLines(plan), wording.optional('reviewtitle') ?? LEDGER_SHEET_NAMES.reviews];
  const reviews = composeReviewSheet(plan, view, history, { name: LEDGER_SHEET_NAMES.reviews, titleLines }, options);
  return reviews === undefined ? {} : { reviews };
}

/**
 * The ledger of the view's period, worded by templates/ledger.hbs. `history`
 * is every progress file up to (at least) the period: 佐证材料 is cumulative
 * (docs/domain.md#evidence). Pure: templates come in as text.
 */
export function composeLedger(
  plan: Plan,
  view: PeriodView,
  history: readonly Progress[],
  templates: Pick<TemplateSet, 'ledger'>,
  options: ComposeLedgerOptions = {},
): LedgerModel {
  const wording = ledgerPhrases(templates, plan, view);
  const mainTitle = [...planTitleLines(plan), wording.text('title')];
  return {
    period: view.period,
    asOf: view.asOf,
    title: mainTitle.join(''),
    main: tableSheet(plan, view, history, { name: LEDGER_SHEET_NAMES.main, titleLines: mainTitle }, options),
    summary: {
      name: LEDGER_SHEET_NAMES.summary,
      titleLines: [...planTitleLines(plan), wording.text('summarytitle')],
      tables: summaryTables(plan, view, wording),
    },
    units: unitSheets(plan, view, history, templates, options),
    ...reviewSheet(plan, view, history, wording, options),
    statusValidation: { prompt: wording.text('statusprompt'), error: wording.text('statuserror') },
  };
}
