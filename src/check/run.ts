import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, releasePositions } from '../load/json-source.js';
import type { PlanFolder } from '../load/plan-folder.js';
import { createContext } from './context.js';
import type { Finding, Rule } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * The rules' findings on a folder, as diagnostics placed at line:column,
 * sorted. The places are found once every rule has run: a file whose parse
 * tree was let go (load/json-source.ts releasePositions — a 5,000-problem
 * plan's is about 30 MB) is parsed again once, for its findings, and let go
 * again afterwards, so the tree is not held while the rules run (issue 14,
 * peak memory).
 */
export function runRules(folder: PlanFolder, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx = createContext(folder);
  const found: { rule: Rule; finding: Finding }[] = [];
  for (const rule of rules) for (const finding of rule.check(ctx)) found.push({ rule, finding });
  const released = new Set(found.map(({ finding }) => finding.source).filter((source) => source.root === undefined));
  const diagnostics = found.map(({ rule, finding }): Diagnostic => ({
    file: finding.source.file,
    ...locate(finding.source, finding.path),
    path: finding.path,
    ruleId: rule.id,
    severity: rule.severity,
    message: finding.message,
  }));
  for (const source of released) releasePositions(source);
  return sortDiagnostics(diagnostics);
}
