// Pipeline: closure forms (整改问题销号审批表, docs/domain.md#closure) for a period
// — filled forms for the problems closed in it, blank forms to be signed for
// the problems completed and not yet closed — as one Word file each.

import { composeClosureForms } from '../compose/closure-forms.js';
import type { PeriodView } from '../derive/period.js';
import { safeFileName } from '../layout/safe-name.js';
import type { ClosureForm } from '../model/document/closure-form.js';
import type { Plan } from '../model/plan-schema.js';
import type { Progress } from '../model/progress-schema.js';
import { renderClosureFormsDocx } from '../render/docx/closure-forms.js';
import { periodContext } from './period.js';
import type { DocumentOutput, NamedBuffer, PlanData } from './pipeline.js';

export type ClosureFormKind = ClosureForm['kind'];

/** The file title of each kind: what the packet's contents list and the file name say. */
export const CLOSURE_FORMS_TITLES: Readonly<Record<ClosureFormKind, string>> = {
  filled: '整改问题销号审批表（本期已销号）',
  blank: '整改问题销号审批表（已完成待签字）',
};

/** The period's forms of one kind, in plan order. */
export function closureFormsOf(plan: Plan, view: PeriodView, history: readonly Progress[], kind: ClosureFormKind): ClosureForm[] {
  return composeClosureForms(plan, view, history).filter((f) => f.kind === kind);
}

/** The forms as one Word document, each form on its own page(s), headed by `title`; `date` (YYYY-MM-DD) is the file's timestamp. */
export async function closureFormsDocx(forms: readonly ClosureForm[], title: string, date: string): Promise<Buffer> {
  return renderClosureFormsDocx(forms, { title, date });
}

/**
 * `closure-forms`: `<period>/<title>.docx` for each kind that has a form this
 * period (none when nothing is completed or closed). Preconditions: a plan
 * without errors and a progress file for the period (UserError otherwise).
 */
export async function buildClosureForms(data: PlanData, period: string): Promise<DocumentOutput> {
  const { progress, view, history } = periodContext(data, period);
  const files: NamedBuffer[] = [];
  for (const kind of ['filled', 'blank'] as const) {
    const forms = closureFormsOf(data.plan, view, history, kind);
    if (forms.length === 0) continue;
    const title = CLOSURE_FORMS_TITLES[kind];
    files.push({ name: `${period}/${safeFileName(title, 'docx')}`, data: await closureFormsDocx(forms, title, progress.asOf) });
  }
  return { files, warnings: [] };
}
