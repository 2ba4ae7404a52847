// The checks `zhenggai check` runs, on the merged result before anything is
// written. A finding about an imported entry is moved to the form cell the
// clerk must change (经发办.xlsx 进展填报!H7 rather than progress/2023-11.json:88:9);
// an error there stops the import. Other findings are the folder's own and
// are only reported.
import { runRules } from '../../check/run.js';
import { layoutColumn, type FormField } from '../../model/document/unit-form-layout.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { JsonPath } from '../../diagnostics/json-path.js';
import { columnLetters } from '../../formats/xlsx/cells.js';
import type { ImportedEntry } from './validate-form.js';
import { assemblePlanFolder, type PlanFolder } from '../../load/plan-folder.js';

export interface MergedFile {
  /** The period file as diagnostics name it. */
  file: string;
  text: string;
  indexOf: Map<ImportedEntry, number>;
}

export interface MergedCheck {
  /** Findings about imported entries, at their form cells; an error here blocks the import. */
  atForms: Diagnostic[];
  /** Everything else the checks report, at the files' lines. */
  elsewhere: Diagnostic[];
}

export function checkMerged(folder: PlanFolder, merged: MergedFile): MergedCheck {
  const others = folder.progress.filter((p) => p.source.file !== merged.file).map((p) => ({ file: p.source.file, text: p.source.text }));
  const loaded = assemblePlanFolder({
    dir: folder.dir,
    plan: { file: folder.planSource.file, text: folder.planSource.text },
    progress: [...others, { file: merged.file, text: merged.text }],
    evidenceFiles: folder.evidenceFiles,
  });
  const all = [...loaded.diagnostics, ...(loaded.folder ? runRules(loaded.folder) : [])];
  const byIndex = new Map([...merged.indexOf].map(([entry, index]) => [index, entry] as const));
  const atForms: Diagnostic[] = [];
  const elsewhere: Diagnostic[] = [];
  for (const d of all) {
    const entry = d.file === merged.file ? byIndex.get(entryIndex(d.path)) : undefined;
    if (entry) atForms.push(toFormCell(d, entry));
    else elsewhere.push(d);
  }
  return { atForms: sortFormDiagnostics(atForms), elsewhere: sortDiagnostics(elsewhere) };
}

/** The index i of a path problems[i]…, or -1 for a path elsewhere in the file. */
function entryIndex(path: JsonPath | undefined): number {
  const [key, index] = path ?? [];
  return key === 'problems' && typeof index === 'number' ? index : -1;
}

/** Rules that point at the status but whose fix is typed elsewhere on the form. */
const FIELD_BY_RULE: Record<string, FormField> = {
  'on-schedule-missing': 'onSchedule',
  'overdue-without-reason': 'reason',
  'status-regression': 'note',
};

/** The form column of a progress entry's key (problems[i].<key>…); any other key is typed as the status. */
const FIELD_BY_KEY: ReadonlyMap<string | number | undefined, FormField> = new Map([
  ['onSchedule', 'onSchedule'],
  ['progress', 'progress'],
  ['completedOn', 'completedOn'],
  ['evidence', 'evidence'],
  ['reason', 'reason'],
  ['note', 'note'],
  ['number', 'number'],
]);

/** The form column of problems[i].extension.<key>; the extension as a whole is at its deadline. */
const FIELD_BY_EXTENSION_KEY: ReadonlyMap<string | number | undefined, FormField> = new Map([
  ['deadline', 'extensionDeadline'],
  ['reason', 'extensionReason'],
  ['approvedOn', 'extensionApprovedOn'],
]);

function fieldOf(d: Diagnostic): FormField {
  const byRule = FIELD_BY_RULE[d.ruleId];
  if (byRule) return byRule;
  // d.path is problems[i], then the entry's key, then (in an extension) the extension's key.
  const [, , key, extensionKey] = d.path ?? [];
  if (key === 'extension') return FIELD_BY_EXTENSION_KEY.get(extensionKey) ?? 'extensionDeadline';
  return FIELD_BY_KEY.get(key) ?? 'status';
}

function toFormCell(d: Diagnostic, entry: ImportedEntry): Diagnostic {
  const cell = `${columnLetters(layoutColumn(entry.layout, fieldOf(d)))}${entry.row}`;
  return { file: entry.file, sheet: entry.sheet, cell, ruleId: d.ruleId, severity: d.severity, message: d.message };
}

/** A1 address as [row, column] for sorting: A10 after A9, AA after Z. */
function cellOrder(cell: string | undefined): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell ?? '');
  if (!m) return [0, 0];
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), column];
}

/** Form diagnostics in reading order: by file (in `fileOrder`, else as first seen), then sheet, row, column. */
export function sortFormDiagnostics(diagnostics: readonly Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const files = [...new Set([...fileOrder, ...diagnostics.map((d) => d.file)])];
  return [...diagnostics].sort((a, b) => {
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return files.indexOf(a.file) - files.indexOf(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '') || ra - rb || ca - cb;
  });
}
