// The progress report as Word: compose it from the period's view and the
// templates, with the progress table sized for the landscape type area.
import { composeReport } from '../../compose/report.js';
import type { PeriodView } from '../../derive/period.js';
import type { Plan } from '../../model/plan-schema.js';
import type { Progress } from '../../model/progress-schema.js';
import type { TemplateSet } from '../../templates/load.js';
import { landscapeTableTextWidthEm } from '../../layout/table-widths.js';
import { renderOfficialDocument } from './official-document.js';

export async function renderReportDocx(plan: Plan, view: PeriodView, progress: Progress, templates: TemplateSet): Promise<{ buffer: Buffer; title: string }> {
  const doc = composeReport(plan, view, progress, templates, { progressTable: { textWidthEm: landscapeTableTextWidthEm } });
  return { buffer: await renderOfficialDocument(doc), title: doc.title.lines.join('') };
}
