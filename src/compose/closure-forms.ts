// Closure forms (整改销号审批表), docs/domain.md#closure: "谁销号、谁签字、谁负责".
// A completed problem not yet closed gets a blank form to be signed; a problem
// closed in the period gets the form filled with the closure recorded.
//
// The printed form's rows: labels that are field labels come from the
// vocabulary (整改措施, 完成时间, 牵头单位, 佐证材料, 销号日期); the form's own
// labels, its title, the file's title and its fixed lines (signature lines,
// 年　月　日, （无）) are the wording of templates/closure-form.hbs.
import { shownNumber } from '../model/numbering.js';
import { chineseDate, type IsoDate } from '../model/dates.js';
import { CLOSURE_FORM_OPINION_BLANK_LINES } from '../layout/gbt9704.js';
import { cumulativeEvidenceByProblem } from '../derive/evidence.js';
import { measuresText } from '../model/measures.js';
import { endSentence } from '../model/prose.js';
import type { PeriodRow, PeriodView } from '../derive/period.js';
import { unitsText } from '../derive/units.js';
import type { Plan } from '../model/plan-schema.js';
import { categoryOf } from '../model/plan-categories.js';
import type { Closure, Progress } from '../model/progress-schema.js';
import {
  type ClosureForm,
  type ClosureFormLine,
  type ClosureFormRow,
  type ClosureFormsDocument,
  type PrintedClosureForm,
} from '../model/document/closure-form.js';
import { FIELD_LABELS } from '../model/vocabulary.js';
import type { TemplateSet } from '../templates/load.js';
import { renderPhrases, type Phrases } from '../templates/phrases.js';

/** The problem's entry in a progress file when it is recorded there as closed (已销号). */
function closedEntry(progress: Progress, problem: number): Progress['problems'][number] | undefined {
  const entry = progress.problems.find((e) => e.number === problem);
  return entry?.status === '已销号' ? entry : undefined;
}

/** The recorded closure with its opinion ending as a sentence. */
function closureWithOpinion(closure: Closure | undefined): Closure | undefined {
  return closure === undefined ? undefined : { ...closure, opinion: endSentence(closure.opinion) };
}

/**
 * Whether the period's file is the first to record this problem's closure,
 * so that its filled form belongs to this period: closed now, not closed in
 * the file before, and no earlier file records the same closure (its date).
 * So the first period on file carries every closure, whenever it is dated —
 * one made before the office kept progress files (before the period's start)
 * too, which a rule by closure date never printed; a closure recorded a
 * month late gets its form when it is recorded; a problem reopened and
 * closed again gets a form for the new closure; and a problem whose entry is
 * missing from a file in between gets none again.
 */
function closedInPeriod(row: PeriodRow, earlier: readonly Progress[]): boolean {
  if (!row.state.closed) return false;
  const number = row.problem.number;
  const previous = earlier.at(-1);
  if (previous !== undefined && closedEntry(previous, number) !== undefined) return false;
  const date = row.progress.closure?.date;
  return !earlier.some((p) => closedEntry(p, number)?.closure?.date === date);
}

/**
 * The period's forms, in plan order: a blank form for each problem completed
 * and not closed, a filled one for each problem whose closure the period's
 * file is the first to record (closedInPeriod). `progressHistory` holds the
 * progress files; those before the period are its earlier records.
 */
export function composeClosureForms(plan: Plan, view: PeriodView, progressHistory: readonly Progress[]): ClosureForm[] {
  const evidence = cumulativeEvidenceByProblem(progressHistory, view.period);
  const earlier = progressHistory.filter((p) => p.period < view.period).sort((a, b) => a.period.localeCompare(b.period));
  const forms: ClosureForm[] = [];
  for (const row of view.rows) {
    const blank = row.state.completed && !row.state.closed;
    const filled = closedInPeriod(row, earlier);
    if (!blank && !filled) continue;
    forms.push({
      kind: filled ? 'filled' : 'blank',
      number: row.problem.number,
      shownNumber: shownNumber(row.problem),
      source: categoryOf(plan, row.problem)?.heading ?? row.problem.category,
      summary: row.problem.summary,
      measures: measuresText(row.problem.measures),
      done: endSentence(row.progress.progress ?? ''),
      completedOn: row.progress.completedOn,
      leadUnits: unitsText(row.problem.leadUnits),
      evidence: evidence.get(row.problem.number) ?? [],
      closure: filled ? closureWithOpinion(row.progress.closure) : undefined,
    });
  }
  return forms;
}

// --- the printed form: templates/closure-form.hbs ------------------------------

/** What templates/closure-form.hbs sees, filled in once a form (documented in templates/README.md). */
export interface ClosureFormTemplateContext {
  /** The problem's number as shown (model/numbering.ts shownNumber). */
  readonly number: string;
  /** True for a form filled with the closure recorded in the period; false for a blank form to be signed. */
  readonly filled: boolean;
  /** 问题来源: the category's heading; null in a plan without categories (the form has no such row). */
  readonly source: string | null;
  readonly summary: string;
  readonly completedOn: IsoDate | null;
  /** The closure recorded (filled forms); null on a blank form. */
  readonly closure: { readonly date: IsoDate; readonly approver: string; readonly opinion: string } | null;
}

/** The phrases closure-form.hbs gives. */
export const CLOSURE_FORM_PHRASES = [
  'filetitle',
  'title',
  'numberlabel',
  'sourcelabel',
  'summarylabel',
  'donelabel',
  'leadopinionlabel',
  'acceptancelabel',
  'notreported',
  'noevidence',
  'leadsignature',
  'acceptsignature',
  'blankdate',
] as const;

type ClosureFormPhrases = Phrases<(typeof CLOSURE_FORM_PHRASES)[number]>;

function closureFormPhrases(form: ClosureForm, templates: Pick<TemplateSet, 'closure-form'>): ClosureFormPhrases {
  const context: ClosureFormTemplateContext = {
    number: form.shownNumber,
    filled: form.kind === 'filled',
    source: form.source ?? null,
    summary: form.summary,
    completedOn: form.completedOn ?? null,
    closure: form.closure ? { date: form.closure.date, approver: form.closure.approver, opinion: form.closure.opinion } : null,
  };
  return renderPhrases(templates['closure-form'], context, CLOSURE_FORM_PHRASES);
}

const right = (text: string): ClosureFormLine => ({ text, right: true });

function blankOpinion(): ClosureFormLine[] {
  return Array<string>(CLOSURE_FORM_OPINION_BLANK_LINES).fill('');
}

/** Each evidence file with the period it was first reported in, numbered. */
function evidenceLines(form: ClosureForm, p: ClosureFormPhrases): string[] {
  if (form.evidence.length === 0) return [p.text('noevidence')];
  return form.evidence.map((item, i) => `${i + 1}. ${item.path}（${item.period}）`);
}

function acceptanceLines(form: ClosureForm, p: ClosureFormPhrases): ClosureFormLine[] {
  const closure = form.closure;
  if (!closure) return [...blankOpinion(), right(p.text('acceptsignature')), right(p.text('blankdate'))];
  return [closure.opinion, right(p.text('acceptsignature')), right(chineseDate(closure.date))];
}

/**
 * The form's rows as printed: its data under its labels, blank lines and
 * signature lines where it is to be signed. A problem without a category (a
 * flat plan) has no 问题来源 row: 牵头单位 stands beside the number instead,
 * and 完成时间 takes its row alone, so no label is printed empty.
 */
export function closureFormRows(form: ClosureForm, p: ClosureFormPhrases): ClosureFormRow[] {
  const blankDate = p.text('blankdate');
  const number: [string, string] = [p.text('numberlabel'), form.shownNumber];
  const leadUnits: [string, string] = [FIELD_LABELS.leadUnits, form.leadUnits];
  const completedOn: [string, string] = [FIELD_LABELS.completedOn, form.completedOn ? chineseDate(form.completedOn) : blankDate];
  const source = form.source;
  const first: ClosureFormRow = source === undefined ? { kind: 'pair', left: number, right: leadUnits } : { kind: 'pair', left: number, right: [p.text('sourcelabel'), source] };
  const dated: ClosureFormRow = source === undefined ? { kind: 'wide', label: completedOn[0], lines: [completedOn[1]] } : { kind: 'pair', left: completedOn, right: leadUnits };
  return [
    first,
    { kind: 'wide', label: p.text('summarylabel'), lines: [form.summary] },
    { kind: 'wide', label: FIELD_LABELS.measures, lines: [form.measures] },
    { kind: 'wide', label: p.text('donelabel'), lines: [form.done === '' ? p.text('notreported') : form.done] },
    dated,
    { kind: 'wide', label: FIELD_LABELS.evidence, lines: evidenceLines(form, p) },
    { kind: 'wide', label: p.text('leadopinionlabel'), lines: [...blankOpinion(), right(p.text('leadsignature')), right(blankDate)], box: true },
    { kind: 'wide', label: p.text('acceptancelabel'), lines: acceptanceLines(form, p), box: true },
    { kind: 'wide', label: FIELD_LABELS.closedOn, lines: [form.closure ? chineseDate(form.closure.date) : blankDate] },
  ];
}

/** One form as printed, with the title of the file it goes in. */
export function printClosureForm(form: ClosureForm, templates: Pick<TemplateSet, 'closure-form'>): { fileTitle: string; form: PrintedClosureForm } {
  const p = closureFormPhrases(form, templates);
  return { fileTitle: p.text('filetitle'), form: { title: p.text('title'), rows: closureFormRows(form, p) } };
}

/**
 * Forms of one kind as one Word file's model: each form printed, the file
 * titled by the first form's filetitle (the forms of a file are of one kind,
 * and the bundled template words the title by kind only). `date` is the
 * file's timestamp. Pure: templates come in as text.
 */
export function composeClosureFormsDocument(forms: readonly ClosureForm[], templates: Pick<TemplateSet, 'closure-form'>, date: IsoDate): ClosureFormsDocument {
  const printed = forms.map((form) => printClosureForm(form, templates));
  const first = printed[0];
  if (first === undefined) throw new RangeError('composeClosureFormsDocument: no forms');
  return { title: first.fileTitle, date, forms: printed.map((p) => p.form) };
}
