import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../load/json-source.js';
import type { PlanFolder } from '../load/plan-folder.js';
import { createContext } from './context.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

export function runRules(folder: PlanFolder, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx = createContext(folder);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(ctx)) {
      diagnostics.push({
        file: finding.source.file,
        ...locate(finding.source, finding.path),
        path: finding.path,
        ruleId: rule.id,
        severity: rule.severity,
        message: finding.message,
      });
    }
  }
  return sortDiagnostics(diagnostics);
}
