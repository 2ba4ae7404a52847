// `check`: load a plan folder and run every lint rule (src/check/rules/, one
// rule a file); the rules can also be listed with their descriptions.

import { runRules } from '../check/run.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadPlanFolder } from '../load/plan-folder.js';

/** Load errors and rule findings together, sorted; rules run only on a plan that loaded. */
export async function checkPlanFolder(dir: string): Promise<Diagnostic[]> {
  const loaded = await loadPlanFolder(dir);
  const ruleDiagnostics = loaded.folder ? runRules(loaded.folder) : [];
  return sortDiagnostics([...loaded.diagnostics, ...ruleDiagnostics]);
}

export { describeRules, type RuleDescription } from '../check/describe-rules.js';
