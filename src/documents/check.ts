// `check`: load a plan folder and run every lint rule (src/check/rules/, one
// rule a file); the rules can also be listed with their descriptions, and each
// problem's deadline with how it was read (`check --deadlines`).

import { deadlineReadings, type DeadlineReading } from '../check/deadline-readings.js';
import { runRules } from '../check/run.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadPlanFolder } from '../load/plan-folder.js';

/** What `check` finds, and with `deadlines` each problem's deadline as read (null when the plan did not load). */
export interface CheckResult {
  diagnostics: Diagnostic[];
  deadlines: DeadlineReading[] | null;
}

/** Load errors and rule findings together, sorted; rules run only on a plan that loaded. */
export async function checkPlanFolder(dir: string): Promise<Diagnostic[]> {
  return (await checkPlan(dir)).diagnostics;
}

/**
 * `checkPlanFolder` plus every problem's deadline as read (`deadlineReadings`),
 * from one load of the folder. `deadlines` is null when plan.json did not load
 * (its errors are then in `diagnostics`).
 */
export async function checkPlan(dir: string): Promise<CheckResult> {
  const loaded = await loadPlanFolder(dir);
  const ruleDiagnostics = loaded.folder ? runRules(loaded.folder) : [];
  return {
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...ruleDiagnostics]),
    deadlines: loaded.folder ? deadlineReadings(loaded.folder) : null,
  };
}

export { describeRules, type RuleDescription } from '../check/describe-rules.js';
export { formatDeadlineReadings, type DeadlineReading } from '../check/deadline-readings.js';
