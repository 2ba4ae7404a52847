// Diagnostics are data (after unified's vfile-message): every problem the tool
// finds in an office's files is one of these, printed at the CLI boundary only.
import type { JsonPath } from './json-path.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file, as the user would type it (relative to the working directory). */
  file: string;
  line?: number;
  column?: number;
  /**
   * Place in a JSON file as segments, such as ['problems', 3, 'deadline'];
   * printed as problems[3].deadline by format.ts (formatJsonPath).
   */
  path?: JsonPath;
  /** Worksheet and cell, for diagnostics about xlsx forms. */
  sheet?: string;
  cell?: string;
  ruleId: string;
  severity: Severity;
  message: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Stable order: by file, then position, then rule. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
