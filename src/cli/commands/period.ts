// The period a report, ledger or packet is made for: its progress file, the
// one before it, and the derived view. Every failure is the user's to fix.
import { derivePeriod, type PeriodView } from '../../derive/period.js';
import { UserError } from '../../diagnostics/user-error.js';
import type { LoadedProgress, PlanFolder } from '../../load/plan-folder.js';
import type { Progress } from '../../model/progress-schema.js';

export interface PeriodContext {
  progress: Progress;
  view: PeriodView;
  /** Every progress file up to and including the period, oldest first. */
  history: Progress[];
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function periodContext(folder: PlanFolder, period: string): PeriodContext {
  if (!PERIOD.test(period)) throw new UserError(`期次“${period}”应写作 YYYY-MM，如 2023-10 (--period must be YYYY-MM)`);
  const index = folder.progress.findIndex((p: LoadedProgress) => p.fileperiod === period);
  if (index < 0) {
    const have = folder.progress.map((p) => p.fileperiod).join('、') || '无';
    throw new UserError(`没有 ${period} 的进展文件 progress/${period}.json（已有：${have}）(no progress file for ${period})`);
  }
  const history = folder.progress.slice(0, index + 1).map((p) => p.data);
  const progress = history[index]!;
  const result = derivePeriod(folder.plan, progress, history[index - 1]);
  if (!result.ok) throw new UserError(`progress/${period}.json：${result.message}`);
  return { progress, view: result.view, history };
}
