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
 * is malformed, before the notice's month, before the plan's latest period,
 * when the plan has errors, or when it is already open or closed. Creates the
 * period's progress file when it has none; returns whether it did.
 */
export async function openPeriod(db: Database, view: PlanInView, period: string, account: Account): Promise<{ created: boolean }> {
  requirePeriod(period);
  const data = view.checked.data;
  if (!data || view.checked.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('plan.json'))) {
    throw new UserError('方案有错误，改正前不能开放填报（见“检查”）');
  }
  requirePeriodAfterNotice(period, data);
  const state = await reportingState(db, view.stored.id, period);
  if (state) throw new UserError(`${period} 期已${state === 'open' ? '开放填报' : '关闭'}，不能重复开放`);
  const exists = view.stored.texts.progress.some((p) => p.period === period);
  const latest = view.stored.texts.progress.at(-1)?.period;
  if (!exists && latest !== undefined && period < latest) throw new UserError(`${period} 早于方案已有的最近一期 ${latest}：只能开放已有的期次或之后的新期次`);
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    if (!exists) await tx.insertInto('periods').values({ planId: view.stored.id, period, asOf: periodEnd(period), progressText: newProgressText(data, period) }).execute();
    await tx.insertInto('reportingPeriods').values({ planId: view.stored.id, period, state: 'open', openedAt: now, openedBy: account.id, closedAt: null, closedBy: null }).execute();
  });
  return { created: !exists };
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
