import { runRules } from '../../check/run.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatJson, formatText } from '../../diagnostics/format.js';
import { loadPlanFolder } from '../../load/plan-folder.js';

export type OutputFormat = 'text' | 'json';

/** Load errors and rule findings together; rules run only on a plan that loaded. */
export async function checkPlanFolder(dir: string): Promise<Diagnostic[]> {
  const loaded = await loadPlanFolder(dir);
  const ruleDiagnostics = loaded.folder ? runRules(loaded.folder) : [];
  return sortDiagnostics([...loaded.diagnostics, ...ruleDiagnostics]);
}

export async function checkCommand(dir: string, format: OutputFormat, print: (text: string) => void): Promise<number> {
  const diagnostics = await checkPlanFolder(dir);
  print(format === 'json' ? formatJson(diagnostics) : formatText(diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}
