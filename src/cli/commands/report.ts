import path from 'node:path';
import { UserError } from '../../diagnostics/user-error.js';
import { renderReportDocx } from '../../render/docx/report.js';
import { renderLedgerXlsx } from '../../render/xlsx/ledger.js';
import { loadTemplates } from '../../templates/load.js';
import { periodOutputDir } from '../../write/output-paths.js';
import { safeFileName } from '../../layout/safe-name.js';
import { periodContext } from './period.js';
import { convertOutputsToPdf, loadCheckedFolder, requireSofficeIf, writeOutputs, type Print } from './shared.js';

export interface ReportOptions {
  planDir: string;
  period: string;
  out: string;
  pdf: boolean;
  templates?: string;
}

export function ledgerFileStem(period: string): string {
  return `整改台账-${period}`;
}

/** `zhenggai report`: the period's progress report (Word) and ledger (Excel) in out/<plan>/<period>/. */
export async function reportCommand(options: ReportOptions, out: Print, err: Print): Promise<number> {
  await requireSofficeIf(options.pdf);
  const templates = await loadTemplates(options.templates);
  const folder = await loadCheckedFolder(options.planDir, err);
  const { progress, view, history } = periodContext(folder, options.period);
  if (!progress.report) {
    throw new UserError(`progress/${options.period}.json 还没有 report（报告文号、签发人、主送和各部分文字），请先填写再生成报告 (the period has no report block yet)`);
  }
  const dir = periodOutputDir(options.out, folder.name, options.period);
  const report = await renderReportDocx(folder.plan, view, progress, templates);
  const ledger = await renderLedgerXlsx(folder.plan, view, history);
  const ledgerName = safeFileName(ledgerFileStem(options.period), 'xlsx');
  for (const w of ledger.warnings) err(`${ledgerName} ${w.sheet}!${w.cell}  warning  ${w.message}`);
  const files = [
    { path: path.join(dir, safeFileName(`${progress.report.docNumber}-${report.title}`, 'docx')), data: report.buffer },
    { path: path.join(dir, ledgerName), data: ledger.buffer },
  ];
  await writeOutputs(files, out);
  if (options.pdf) await convertOutputsToPdf(files.map((f) => f.path), out);
  return 0;
}
