// The unit progress forms (docs/domain.md#workflow, step 2) as document models: which
// problems each lead unit answers, which it only sees, what is pre-filled from
// the period before, and the checksum that ties a filled form to the plan
// rows it was made from, with the form's wording from templates/unit-form.hbs.
// Pure: templates come in as text, no Excel here (render/xlsx/forms.ts).

import { shownNumber } from '../model/numbering.js';
import { isoDate, periodEnd, yearOf, type IsoDate } from '../model/dates.js';
import { measuresText } from '../model/measures.js';
import { orderedUnits, reportingUnit } from '../derive/reporting-unit.js';
import { unitsText } from '../derive/units.js';
import type { Plan, Problem } from '../model/plan-schema.js';
import { planSubject } from '../model/plan-subject.js';
import type { ProblemProgress, Progress } from '../model/progress-schema.js';
import { FORM_NO, FORM_STATUS_VALUES, FORM_YES } from '../model/document/unit-form-layout.js';
import { type FormClosure, type FormPlanCells, type FormAnswers, type FormRow, type UnitFormModel, type UnitFormWording, formChecksum, problemDigest } from '../model/document/unit-form.js';
import type { TemplateSet } from '../templates/load.js';
import { renderPhrases } from '../templates/phrases.js';

export interface ComposeFormsInput {
  readonly plan: Plan;
  readonly planName: string;
  readonly period: string;
  /** As-of date of the period's progress file when it exists; else the period's last day. */
  readonly asOf?: IsoDate;
  /** The latest progress file before the period, whose answers are pre-filled. */
  readonly previous?: Progress;
  /** The period's own progress file, when it exists: a closure it records makes that problem's row read-only. */
  readonly current?: Progress;
  /** The form's wording: templates/unit-form.hbs, or an office's own. */
  readonly templates: Pick<TemplateSet, 'unit-form'>;
}

/** One form per lead unit (first-listed or not), in plan.units order. */
export function composeUnitForms(input: ComposeFormsInput): UnitFormModel[] {
  return formUnits(input.plan).map((unit) => composeUnitForm(input, unit));
}

export function composeUnitForm(input: ComposeFormsInput, unit: string): UnitFormModel {
  const { plan, period, previous } = input;
  const { reported, shared } = formProblems(plan, unit);
  const previousEntries = new Map((previous?.problems ?? []).map((p) => [p.number, p] as const));
  const closedEntries = new Map((input.current?.problems ?? []).filter((p) => p.status === '已销号' && p.closure).map((p) => [p.number, p] as const));
  const rows = reported.map((problem) => formRow(problem, previousEntries.get(problem.number), closedEntries.get(problem.number)));
  const asOf = input.asOf ?? periodEnd(period);
  const context: UnitFormTemplateContext = {
    unit,
    period,
    asOf,
    planTitle: plan.plan.title,
    subject: planSubject(plan).text,
    docNumber: plan.notice.docNumber,
    prefilledFrom: previous?.period ?? null,
    rowCount: reported.length,
    statuses: [...FORM_STATUS_VALUES],
    closedRows: rows.flatMap((r) => (r.closure ? [{ number: r.plan.shownNumber, ...r.closure }] : [])),
  };
  return {
    planName: input.planName,
    docNumber: plan.notice.docNumber,
    planTitle: plan.plan.title,
    unit,
    period,
    asOf,
    dateMin: earliestFormDate(plan),
    ...(previous ? { prefilledFrom: previous.period } : {}),
    rows,
    infoRows: shared.map(planCells),
    checksum: formChecksum(reported),
    rowDigests: reported.map((p) => ({ number: p.number, digest: problemDigest(p) })),
    date: periodEnd(period),
    wording: unitFormWording(input.templates, context),
  };
}

// --- wording ------------------------------------------------------------------

/** What templates/unit-form.hbs sees, filled in once a form (documented in templates/README.md). */
export interface UnitFormTemplateContext {
  readonly unit: string;
  readonly period: string;
  readonly asOf: IsoDate;
  readonly planTitle: string;
  /** The plan's subject (plan.subject), else derived from the task table's title. */
  readonly subject: string;
  readonly docNumber: string;
  /** The period whose answers are pre-filled (YYYY-MM); null when none is. */
  readonly prefilledFrom: string | null;
  /** How many problems the unit answers on this form (0: nothing to report). */
  readonly rowCount: number;
  /** The statuses the drop-down offers, in order. */
  readonly statuses: readonly string[];
  /** The rows the office has closed in this period (read-only on the form), in row order: 序号 as shown, and the closure as recorded. */
  readonly closedRows: readonly ({ readonly number: string } & FormClosure)[];
}

/** The phrases unit-form.hbs gives. */
export const UNIT_FORM_PHRASES = [
  'filetitle',
  'title',
  'particulars',
  'instructions',
  'statusprompt',
  'statuserror',
  'scheduleprompt',
  'scheduleerror',
  'dateprompt',
  'dateerror',
  'infotitle',
  'infonote',
] as const;

function unitFormWording(templates: Pick<TemplateSet, 'unit-form'>, context: UnitFormTemplateContext): UnitFormWording {
  const p = renderPhrases(templates['unit-form'], context, UNIT_FORM_PHRASES);
  return {
    fileTitle: p.text('filetitle'),
    title: p.text('title'),
    particulars: p.text('particulars'),
    instructions: p.lines('instructions').join('\n'),
    status: { prompt: p.text('statusprompt'), error: p.text('statuserror') },
    onSchedule: { prompt: p.text('scheduleprompt'), error: p.text('scheduleerror') },
    date: { prompt: p.text('dateprompt'), error: p.text('dateerror') },
    infoTitle: p.text('infotitle'),
    infoNote: p.text('infonote'),
  };
}

/** Every unit that leads some problem, in plan.units order. */
export function formUnits(plan: Plan): string[] {
  return orderedUnits(plan, plan.problems.flatMap((p) => p.leadUnits)).map((u) => u.name);
}

/** The problems a unit answers (first-listed lead unit) and those it only co-leads, in plan order. */
export function formProblems(plan: Plan, unit: string): { reported: Problem[]; shared: Problem[] } {
  const reported = plan.problems.filter((p) => reportingUnit(p) === unit);
  const shared = plan.problems.filter((p) => reportingUnit(p) !== unit && p.leadUnits.includes(unit));
  return { reported, shared };
}

/**
 * Work often starts before the notice (the seed's plan was drafted in July and
 * issued in September), so the date cells accept anything from the start of
 * the year before the notice's year; the importer applies the real rules.
 */
export function earliestFormDate(plan: Plan): IsoDate {
  return isoDate(yearOf(plan.notice.date) - 1, 1, 1);
}

function planCells(problem: Problem): FormPlanCells {
  return {
    number: problem.number,
    shownNumber: shownNumber(problem),
    summary: problem.summary,
    measures: measuresText(problem.measures),
    deadline: problem.deadline,
    leadUnits: unitsText(problem.leadUnits),
    cooperatingUnits: unitsText(problem.cooperatingUnits),
  };
}

/**
 * A reported problem's row: last period's answers, or — when the period's own
 * file records the problem's closure — that entry's answers (its 备注
 * included) and the closure, which make the row read-only. Evidence is not
 * pre-filled either way (import keeps what the entry lists).
 */
function formRow(problem: Problem, previous: ProblemProgress | undefined, closed: ProblemProgress | undefined): FormRow {
  if (closed?.closure) {
    const { date, approver, opinion } = closed.closure;
    return { plan: planCells(problem), answers: { ...prefill(closed), ...(closed.note ? { note: closed.note } : {}) }, closure: { date, approver, opinion } };
  }
  return { plan: planCells(problem), answers: prefill(previous) };
}

/**
 * Last period's answers. Evidence is not carried (a progress file lists what
 * was added that month) and neither is the note (it explains that month's
 * change); a closure is the office's record and never goes through the form.
 */
export function prefill(entry: ProblemProgress | undefined): FormAnswers {
  if (!entry) return {};
  return {
    status: entry.status,
    ...(entry.onSchedule === undefined ? {} : { onSchedule: entry.onSchedule ? FORM_YES : FORM_NO }),
    ...(entry.progress ? { progress: entry.progress } : {}),
    ...(entry.completedOn ? { completedOn: entry.completedOn } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.extension
      ? { extensionDeadline: entry.extension.deadline, extensionReason: entry.extension.reason, extensionApprovedOn: entry.extension.approvedOn }
      : {}),
  };
}

// --- checksum -----------------------------------------------------------------
