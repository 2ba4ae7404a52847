// Writing into a period's progress text on the server: what the office
// accepts from a unit (answers.ts) and the closures it records (closures.ts)
// take the same path — the plan's texts as they stand inside the write's
// transaction (not as the request first loaded them, so writes at the same
// moment all land), the new text checked by the same rules as `zhenggai
// check`, and refused when that period's file would then have an error.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkPlanTexts } from '../documents/plan-texts.js';
import type { Database } from './database.js';
import type { PlanInView } from './plan-access.js';

/** The plan's progress texts (in period order) and the names under evidence/, as stored now. */
export interface StoredPeriodTexts {
  periods: { period: string; progressText: string }[];
  /** Paths relative to evidence/ (01/照片.jpg). */
  evidenceFiles: Set<string>;
}

/** Read the plan's progress texts and evidence names through `db` (inside a transaction: as that transaction sees them). */
export async function storedPeriodTexts(db: Database, planId: number): Promise<StoredPeriodTexts> {
  const periods = await db.selectFrom('periods').select(['period', 'progressText']).where('planId', '=', planId).orderBy('period').execute();
  const evidence = await db.selectFrom('planFiles').select('path').where('planId', '=', planId).where('path', 'like', 'evidence/%').execute();
  return { periods, evidenceFiles: new Set(evidence.map((e) => e.path.slice('evidence/'.length))) };
}

/**
 * The errors `check` finds in `period`'s progress file when its text is
 * `text` (the other periods and plan.json as stored, `evidenceFiles` as the
 * evidence folder) — the diagnostics `zhenggai check` prints for that file.
 */
export function errorsInPeriod(view: PlanInView, stored: StoredPeriodTexts, period: string, text: string): Diagnostic[] {
  return periodDiagnostics(view, stored, period, text).filter((d) => d.severity === 'error');
}

/** Every diagnostic (errors and warnings) `check` gives on `period`'s progress file when its text is `text`, the rest as stored. */
export function periodDiagnostics(view: PlanInView, stored: StoredPeriodTexts, period: string, text: string): Diagnostic[] {
  const texts = { ...view.stored.texts, evidenceFiles: stored.evidenceFiles, progress: stored.periods.map((p) => ({ period: p.period, text: p.period === period ? text : p.progressText })) };
  const file = `${view.stored.name}/progress/${period}.json`;
  return checkPlanTexts(texts).diagnostics.filter((d) => d.file === file);
}
