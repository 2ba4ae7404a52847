// Pipeline: closure forms (整改问题销号审批表, docs/domain.md#closure) for a period
// — filled forms for the problems closed in it, blank forms to be signed for
// the problems completed and not yet closed — as one Word file each, worded
// by templates/closure-form.hbs (the files' titles too).

import { composeClosureForms, composeClosureFormsDocument } from '../compose/closure-forms.js';
import type { PeriodView } from '../derive/period.js';
import { safeFileName } from '../layout/safe-name.js';
import type { ClosureForm } from '../model/document/closure-form.js';
import type { Plan } from '../model/plan-schema.js';
import type { Progress } from '../model/progress-schema.js';
import { renderClosureFormsDocx } from '../render/docx/closure-forms.js';
import type { TemplateSet } from '../templates/load.js';
import { TemplateError } from '../templates/template-error.js';
import { periodContext } from './period.js';
import type { DocumentOutput, NamedBuffer, PlanData } from './pipeline.js';

export type ClosureFormKind = ClosureForm['kind'];

/** The kinds in the order they are written and packed (closed forms before forms to be signed). */
export const CLOSURE_FORM_KINDS: readonly ClosureFormKind[] = ['filled', 'blank'];

/** The period's forms of one kind, in plan order. */
export function closureFormsOf(plan: Plan, view: PeriodView, history: readonly Progress[], kind: ClosureFormKind): ClosureForm[] {
  return composeClosureForms(plan, view, history).filter((f) => f.kind === kind);
}

/**
 * The forms (at least one, of one kind) as one Word document, each form on
 * its own page(s), with the file's title as the template words it (what the
 * packet's contents list and the file name say); `date` (YYYY-MM-DD) is the
 * file's timestamp.
 */
export async function closureFormsDocx(forms: readonly ClosureForm[], templates: Pick<TemplateSet, 'closure-form'>, date: string): Promise<{ title: string; buffer: Buffer }> {
  const model = composeClosureFormsDocument(forms, templates, date);
  return { title: model.title, buffer: await renderClosureFormsDocx(model) };
}

/**
 * `closure-forms`: `<period>/<title>.docx` for each kind that has a form this
 * period (none when nothing is completed or closed). Preconditions: a plan
 * without errors and a progress file for the period (UserError otherwise).
 */
export async function buildClosureForms(data: PlanData, period: string, templates: Pick<TemplateSet, 'closure-form'>): Promise<DocumentOutput> {
  const { progress, view, history } = periodContext(data, period);
  const files: NamedBuffer[] = [];
  for (const kind of CLOSURE_FORM_KINDS) {
    const forms = closureFormsOf(data.plan, view, history, kind);
    if (forms.length === 0) continue;
    const { title, buffer } = await closureFormsDocx(forms, templates, progress.asOf);
    const name = `${period}/${safeFileName(title, 'docx')}`;
    if (files.some((f) => f.name === name)) {
      throw new TemplateError(templates['closure-form'].fileName, undefined, `已销号与待签字两类销号审批表的文件标题相同（“${title}”），会互相覆盖：请用 {{#if filled}} 区分`);
    }
    files.push({ name, data: buffer });
  }
  return { files, warnings: [] };
}
