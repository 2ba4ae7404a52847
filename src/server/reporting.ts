// Periods reported online (issue 16): the office opens a period, the units
// answer on the server, the office closes it. A period that does not exist
// yet starts as the progress file `import` would start (no entries, no
// report block); each unit's form is pre-filled from the period before, as
// the Excel forms are (compose/forms.ts prefill). A closed period is read-only.

import { UserError } from '../diagnostics/user-error.js';
import { periodEnd } from '../model/dates.js';
import { previousPeriodFile, requirePeriod, requirePeriodAfterNotice } from '../documents/period.js';
import type { PlanData } from '../documents/pipeline.js';
import type { Account } from './accounts.js';
import type { Database } from './database.js';
import { Conflict } from './errors.js';
import type { PlanInView } from './plan-access.js';
import { beijingMonth } from './beijing-time.js';

/** A period's state for online reporting: open, closed, or none (a period that came with an imported folder). */
export type ReportingState = 'open' | 'closed' | undefined;


/** The words the pages use for each state. */
export const REPORTING_WORDS = { open: '填报中', closed: '已关闭' } as const;

/** The online-reporting state of `period` of plan `planId`. */
export async function reportingState(db: Database, planId: number, period: string): Promise<ReportingState> {
  const row = await db.selectFrom('reportingPeriods').select('state').where('planId', '=', planId).where('period', '=', period).executeTakeFirst();
  return row?.state;
}

/** Every period of the plan with its reporting state, by period. */
export async function reportingStates(db: Database, planId: number): Promise<Map<string, 'open' | 'closed'>> {
  const rows = await db.selectFrom('reportingPeriods').select(['period', 'state']).where('planId', '=', planId).execute();
  return new Map(rows.map((r) => [r.period, r.state]));
}

/** Conflict (409) when `period` is closed: nothing in it may change any more. */
export async function requireNotClosed(db: Database, planId: number, period: string): Promise<void> {
  if ((await reportingState(db, planId, period)) === 'closed') throw new Conflict(`${period} 期已关闭，只能查看，不能再修改`);
}

/**
 * A new period's progress file: what `import` starts a period with
 * (documents/import/merge.ts): `$schema` as the office's other files, the
 * period, its last day as the as-of date, no entries and no report block.
 */
export function newProgressText(data: PlanData, period: string): string {
  const ref = (data.progress.at(-1)?.source.value as { $schema?: unknown } | undefined)?.$schema;
  const file = { ...(typeof ref === 'string' ? { $schema: ref } : {}), period, asOf: periodEnd(period), problems: [] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Open `period` of the plan for reporting online. UserError when the period
 * is malformed, before the notice's month, after the current month in
 * Beijing time (`now`, ISO UTC: a typo such as 2099-12 would otherwise
 * become the plan's latest period), before the plan's latest period (an
 * earlier period's entries are history: accepting answers there would
 * rewrite a report already sent), when the plan has errors, or when it is
 * already open or closed. Creates the period's progress file when it has
 * none; returns whether it did.
 */
export async function openPeriod(db: Database, view: PlanInView, period: string, account: Account, now = new Date().toISOString()): Promise<{ created: boolean }> {
  requirePeriod(period);
  const data = view.checked.data;
  if (!data || view.checked.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('plan.json'))) {
    throw new UserError('方案有错误，改正前不能开放填报（见“检查”）');
  }
  requirePeriodAfterNotice(period, data);
  const month = beijingMonth(now);
  if (period > month) throw new UserError(`${period} 晚于本月（北京时间 ${month}）：只能开放本月或以前的期次，请检查月份是否填错`);
  const state = await reportingState(db, view.stored.id, period);
  if (state) throw new UserError(`${period} 期已${state === 'open' ? '开放填报' : '关闭'}，不能重复开放`);
  const exists = view.stored.texts.progress.some((p) => p.period === period);
  const latest = view.stored.texts.progress.at(-1)?.period;
  if (latest !== undefined && period < latest) throw new UserError(`${period} 早于方案已有的最近一期 ${latest}：只能开放最近一期或之后的新期次（之前各期的进展已报出，不再在线修改）`);
  await db.transaction().execute(async (tx) => {
    if (!exists) await tx.insertInto('periods').values({ planId: view.stored.id, period, asOf: periodEnd(period), progressText: newProgressText(data, period) }).execute();
    await tx.insertInto('reportingPeriods').values({ planId: view.stored.id, period, state: 'open', openedAt: now, openedBy: account.id, closedAt: null, closedBy: null, createdFile: exists ? 0 : 1 }).execute();
  });
  return { created: !exists };
}

/**
 * Why `period` of plan `planId` cannot be deleted, or undefined when it can:
 * only a period whose progress file opening it made (not one that came with
 * the folder), with no answer (draft or other), no answer file, no closure
 * record, no entry and no report block in its progress text.
 */
export async function deletionRefusal(db: Database, planId: number, period: string): Promise<string | undefined> {
  const row = await db.selectFrom('reportingPeriods').select('createdFile').where('planId', '=', planId).where('period', '=', period).executeTakeFirst();
  if (!row) return `${period} 期不是在线开放的期次，不能删除`;
  if (row.createdFile !== 1) return `${period} 期的进展文件随方案导入，不是开放填报时新建的，不能删除`;
  const answers = await db.selectFrom('answers').select(db.fn.countAll<number>().as('n')).where('planId', '=', planId).where('period', '=', period).executeTakeFirstOrThrow();
  if (Number(answers.n) > 0) return `${period} 期已有 ${answers.n} 个问题的填报（含草稿），不能删除`;
  const files = await db.selectFrom('answerFiles').select(db.fn.countAll<number>().as('n')).where('planId', '=', planId).where('period', '=', period).executeTakeFirstOrThrow();
  if (Number(files.n) > 0) return `${period} 期已有上传的佐证材料，不能删除`;
  const closures = await db.selectFrom('closures').select(db.fn.countAll<number>().as('n')).where('planId', '=', planId).where('period', '=', period).executeTakeFirstOrThrow();
  if (Number(closures.n) > 0) return `${period} 期有销号记录，不能删除`;
  const text = await db.selectFrom('periods').select('progressText').where('planId', '=', planId).where('period', '=', period).executeTakeFirst();
  const file = JSON.parse(text?.progressText ?? '{}') as { problems?: unknown[]; report?: unknown };
  if ((file.problems?.length ?? 0) > 0) return `${period} 期的进展文件已有 ${file.problems!.length} 个问题的进展，不能删除`;
  if (file.report !== undefined) return `${period} 期已填写报告文头与正文，不能删除`;
  return undefined;
}

/**
 * Delete a period opened by mistake (a wrong month): its progress file and
 * its reporting row, in one transaction, re-checked inside it. UserError
 * with deletionRefusal's reason otherwise.
 */
export async function deletePeriod(db: Database, planId: number, period: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const refusal = await deletionRefusal(tx, planId, period);
    if (refusal) throw new UserError(refusal);
    await tx.deleteFrom('reportingPeriods').where('planId', '=', planId).where('period', '=', period).execute();
    await tx.deleteFrom('periods').where('planId', '=', planId).where('period', '=', period).execute();
  });
}

/** Close an open period: UserError when it is not open. */
export async function closePeriod(db: Database, planId: number, period: string, account: Account): Promise<void> {
  const result = await db
    .updateTable('reportingPeriods')
    .set({ state: 'closed', closedAt: new Date().toISOString(), closedBy: account.id })
    .where('planId', '=', planId)
    .where('period', '=', period)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new UserError(`${period} 期没有在填报中，不能关闭`);
}

/**
 * Reopen a closed period (the office found something still to change): its
 * answers, reviews, closures and report block may change again; the units
 * can answer again. UserError when it is not closed. The closing's time and
 * account are cleared here; the audit log keeps both events, with who
 * reopened it (`_account`, taken as closePeriod takes it).
 */
export async function reopenPeriod(db: Database, planId: number, period: string, _account: Account): Promise<void> {
  const result = await db
    .updateTable('reportingPeriods')
    .set({ state: 'open', closedAt: null, closedBy: null })
    .where('planId', '=', planId)
    .where('period', '=', period)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new UserError(`${period} 期没有关闭，不能重新开放`);
}

/** The progress file before `period`, whose answers pre-fill the units' forms. */
export function previousOf(data: PlanData, period: string) {
  return previousPeriodFile(data, period)?.data;
}
