// Pipeline: the period's progress report (整改进展情况的报告, a GB/T 9704 上行文
// with statistics, a native chart and the progress table) and the ledger,
// both under <period>/ in the plan's output folder.

import { composeReport } from '../compose/report.js';
import type { PeriodView } from '../derive/period.js';
import { safeFileName } from '../layout/safe-name.js';
import { clearTextWidthCaches } from '../layout/text-width.js';
import type { OfficialDocument } from '../model/document/official-document.js';
import type { Plan } from '../model/plan-schema.js';
import type { Progress } from '../model/progress-schema.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import type { TemplateSet } from '../templates/load.js';
import { buildLedger, ledgerFileStem } from './ledger.js';
import { periodContext, requireReport } from './period.js';
import type { DocumentOutput, PlanData } from './pipeline.js';

/** The report's document model, its progress table sized for the landscape type area (composeTaskTable's Word fits: 小四, else 五号 or 小五). */
export function reportModel(plan: Plan, view: PeriodView, progress: Progress, templates: TemplateSet): OfficialDocument {
  return composeReport(plan, view, progress, templates);
}

/** The report as Word, with its title as one line (the packet names the part by it). */
export async function reportDocx(plan: Plan, view: PeriodView, progress: Progress, templates: TemplateSet): Promise<{ buffer: Buffer; title: string }> {
  const doc = reportModel(plan, view, progress, templates);
  return { buffer: await renderOfficialDocument(doc), title: doc.title.lines.join('') };
}

/**
 * `report`: `<period>/<报告文号>-<title>.docx` and `<period>/整改台账-<period>.xlsx`.
 * Preconditions: a plan without errors, a progress file for the period with
 * its report block (UserError otherwise).
 */
export async function buildReport(data: PlanData, period: string, templates: TemplateSet): Promise<DocumentOutput> {
  const { progress, view, history } = requireReport(periodContext(data, period), period, '请先填写再生成报告 (the period has no report block yet)');
  const report = await reportDocx(data.plan, view, progress, templates);
  // The ledger measures its own texts: the report's are let go first (issue 14, peak memory).
  clearTextWidthCaches();
  const ledger = await buildLedger(data.plan, view, history, `${period}/${safeFileName(ledgerFileStem(period), 'xlsx')}`, templates);
  return {
    files: [{ name: `${period}/${safeFileName(`${progress.report.docNumber}-${report.title}`, 'docx')}`, data: report.buffer }, ...ledger.files],
    warnings: ledger.warnings,
  };
}
