// The period a report, ledger, form or packet is made for: its progress file,
// the one before it, and the derived view. Every failure is the user's to fix.

import { UserError } from '../diagnostics/user-error.js';
import { withEvidenceOnDisk } from '../derive/evidence.js';
import { derivePeriod, type PeriodView } from '../derive/period.js';
import type { LoadedProgress } from '../load/plan-folder.js';
import type { Progress } from '../model/progress-schema.js';
import type { PlanData } from './pipeline.js';

/** A period's progress file, the earlier ones, and the derived view of every problem. */
export interface PeriodContext {
  progress: Progress;
  view: PeriodView;
  /**
   * Every progress file up to and including the period, oldest first, each
   * evidence reference naming the file in evidence/ as it is spelt there
   * (derive/evidence.ts withEvidenceOnDisk).
   */
  history: Progress[];
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A YYYY-MM period, or a UserError. */
export function requirePeriod(period: string): void {
  if (!PERIOD.test(period)) throw new UserError(`期次应写作 YYYY-MM，如 2023-11（收到“${period}”）/ --period must be YYYY-MM`);
}

/** Progress is collected from the notice's month on: an earlier period is a UserError. */
export function requirePeriodAfterNotice(period: string, data: PlanData): void {
  const noticeMonth = data.plan.notice.date.slice(0, 7);
  if (period < noticeMonth) throw new UserError(`期次 ${period} 早于方案印发月份 ${noticeMonth} / the period is before the plan's notice`);
}

/** The period's progress file, if there is one. */
export function periodFile(data: PlanData, period: string): LoadedProgress | undefined {
  return data.progress.find((p) => p.fileperiod === period);
}

/** The latest progress file before the period (normally the month before): what a form pre-fills. */
export function previousPeriodFile(data: PlanData, period: string): LoadedProgress | undefined {
  return data.progress.filter((p) => p.fileperiod < period).at(-1);
}

/**
 * The period's file, history and view. Throws UserError when the period is
 * malformed, has no progress file, or cannot be derived (derive/period.ts).
 */
export function periodContext(data: PlanData, period: string): PeriodContext {
  if (!PERIOD.test(period)) throw new UserError(`期次“${period}”应写作 YYYY-MM，如 2023-10 (--period must be YYYY-MM)`);
  const index = data.progress.findIndex((p) => p.fileperiod === period);
  if (index < 0) {
    const have = data.progress.map((p) => p.fileperiod).join('、') || '无';
    throw new UserError(`没有 ${period} 的进展文件 progress/${period}.json（已有：${have}）(no progress file for ${period})`);
  }
  const history = withEvidenceOnDisk(
    data.progress.slice(0, index + 1).map((p) => p.data),
    data.evidenceFiles,
  );
  const progress = history[index]!;
  const result = derivePeriod(data.plan, progress, history[index - 1], history.slice(0, index));
  if (!result.ok) throw new UserError(`progress/${period}.json：${result.message}`);
  return { progress, view: result.view, history };
}

/** The period's progress with its report block, or a UserError saying what the office must write first. */
export function requireReport(context: PeriodContext, period: string, purpose: string): PeriodContext & { progress: Progress & { report: NonNullable<Progress['report']> } } {
  if (!context.progress.report) {
    throw new UserError(`progress/${period}.json 还没有 report（报告文号、签发人、主送和各部分文字），${purpose}`);
  }
  return context as PeriodContext & { progress: Progress & { report: NonNullable<Progress['report']> } };
}
