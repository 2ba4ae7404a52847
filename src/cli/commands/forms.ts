import path from 'node:path';
import { composeUnitForms } from '../../compose/forms.js';
import { UserError } from '../../diagnostics/user-error.js';
import type { LoadedProgress, PlanFolder } from '../../load/plan-folder.js';
import { renderUnitFormXlsx } from '../../render/xlsx/forms.js';
import { planOutputDir } from '../../write/output-paths.js';
import { safeFileName, uniqueNames } from '../../layout/safe-name.js';
import { loadCheckedFolder, writeOutputs, type OutputFile, type Print } from './shared.js';

export interface FormsOptions {
  planDir: string;
  period: string;
  out: string;
}

/** `zhenggai forms`: one progress form per lead unit in out/<plan>/forms-<period>/. */
export async function formsCommand(options: FormsOptions, out: Print, err: Print): Promise<number> {
  requirePeriod(options.period);
  const folder = await loadCheckedFolder(options.planDir, err);
  requirePeriodAfterNotice(options.period, folder);
  const models = composeUnitForms({
    plan: folder.plan,
    planName: folder.name,
    period: options.period,
    asOf: periodFile(folder, options.period)?.data.asOf,
    previous: previousPeriodFile(folder, options.period)?.data,
  });
  const dir = path.join(planOutputDir(options.out, folder.name), `forms-${options.period}`);
  const names = uniqueNames(models.map((m) => safeFileName(m.unit, 'xlsx')));
  const files: OutputFile[] = [];
  for (const [i, model] of models.entries()) {
    const rendered = await renderUnitFormXlsx(model);
    for (const w of rendered.warnings) err(`${names[i]} ${w.sheet}!${w.cell}  warning  ${w.message}`);
    files.push({ path: path.join(dir, names[i]!), data: rendered.buffer });
  }
  await writeOutputs(files, out);
  out(`共 ${files.length} 个单位的填报表 (${files.length} unit form(s))`);
  return 0;
}

/** A YYYY-MM period, or a usage error. */
export function requirePeriod(period: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UserError(`期次应写作 YYYY-MM，如 2023-11（收到“${period}”）/ --period must be YYYY-MM`);
}

/** Progress is collected from the notice's month on. */
export function requirePeriodAfterNotice(period: string, folder: PlanFolder): void {
  const noticeMonth = folder.plan.notice.date.slice(0, 7);
  if (period < noticeMonth) throw new UserError(`期次 ${period} 早于方案印发月份 ${noticeMonth} / the period is before the plan's notice`);
}

export function periodFile(folder: PlanFolder, period: string): LoadedProgress | undefined {
  return folder.progress.find((p) => p.fileperiod === period);
}

/** The latest progress file before the period (normally the month before): what a form pre-fills. */
export function previousPeriodFile(folder: PlanFolder, period: string): LoadedProgress | undefined {
  return folder.progress.filter((p) => p.fileperiod < period).at(-1);
}
