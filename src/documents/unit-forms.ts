// Pipeline: one progress form (进展填报表, Excel) per lead unit for a period,
// pre-filled with the previous period's answers (a problem the period's own
// file already records as closed: that entry, read-only), protected, with the hidden
// identity sheet the importer checks (model/document/unit-form.ts).

import { composeUnitForms } from '../compose/forms.js';
import { safeFileName, uniqueNames } from '../layout/safe-name.js';
import { renderUnitFormXlsx } from '../render/xlsx/forms.js';
import type { TemplateSet } from '../templates/load.js';
import { periodFile, previousPeriodFile, requirePeriod, requirePeriodAfterNotice } from './period.js';
import { layoutWarnings, type DocumentOutput, type NamedBuffer, type PlanData } from './pipeline.js';

/**
 * `forms`: `forms-<period>/<unit>.xlsx` for every lead unit, worded by
 * templates/unit-form.hbs. Preconditions: a plan without errors; a YYYY-MM
 * period not before the notice's month (UserError otherwise). No progress
 * file is needed for the period.
 */
export async function buildUnitForms(data: PlanData, period: string, templates: Pick<TemplateSet, 'unit-form'>): Promise<DocumentOutput> {
  requirePeriod(period);
  requirePeriodAfterNotice(period, data);
  const models = composeUnitForms({
    plan: data.plan,
    planName: data.name,
    period,
    asOf: periodFile(data, period)?.data.asOf,
    previous: previousPeriodFile(data, period)?.data,
    current: periodFile(data, period)?.data,
    templates,
  });
  const names = uniqueNames(models.map((m) => safeFileName(m.unit, 'xlsx')));
  const files: NamedBuffer[] = [];
  const warnings = [];
  for (const [i, model] of models.entries()) {
    const rendered = await renderUnitFormXlsx(model);
    warnings.push(...layoutWarnings(names[i]!, rendered.warnings));
    files.push({ name: `forms-${period}/${names[i]!}`, data: rendered.buffer });
  }
  return { files, warnings };
}
