import type { Diagnostic } from './diagnostic.js';
import { countBySeverity } from './diagnostic.js';
import { formatJsonPath } from './json-path.js';

const SEVERITY_LABEL = { error: 'error', warning: 'warning' } as const;

function place(d: Diagnostic): string {
  if (d.sheet !== undefined) return `${d.file} ${d.sheet}!${d.cell ?? ''}`;
  if (d.line !== undefined) return `${d.file}:${d.line}:${d.column ?? 1}`;
  return d.file;
}

/** `file:line:col  severity  message  [ruleId]`, one per line. */
export function formatDiagnostic(d: Diagnostic): string {
  const path = d.path === undefined ? '' : formatJsonPath(d.path);
  const where = path ? ` (${path})` : '';
  return `${place(d)}  ${SEVERITY_LABEL[d.severity]}  ${d.message}${where}  [${d.ruleId}]`;
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const { error, warning } = countBySeverity(diagnostics);
  if (error === 0 && warning === 0) return '未发现问题 (no problems found)';
  return `${error} 个错误，${warning} 个警告 (${error} error(s), ${warning} warning(s))`;
}

export function formatText(diagnostics: readonly Diagnostic[]): string {
  return [...diagnostics.map(formatDiagnostic), formatSummary(diagnostics)].join('\n');
}

/** A diagnostic as `--format json` prints it: the path as text (problems[3].deadline). */
export type PrintedDiagnostic = Omit<Diagnostic, 'path'> & { path?: string };

/** The diagnostic with its path as text; every other field, and the order of the fields, unchanged. */
export function printedDiagnostic(d: Diagnostic): PrintedDiagnostic {
  return d.path === undefined ? (d as Omit<Diagnostic, 'path'>) : { ...d, path: formatJsonPath(d.path) };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(printedDiagnostic), null, 2);
}
