// The checks `zhenggai check` runs, on the merged result before anything is
// written. A finding about an imported entry is moved to the form cell the
// clerk must change (经发办.xlsx 进展填报!H7 rather than progress/2023-11.json:88:9);
// an error there stops the import. Other findings are the folder's own and
// are only reported.
import { runRules } from '../../check/run.js';
import { formColumnIndex, type FormField } from '../../model/document/unit-form-layout.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { columnLetters } from '../../formats/xlsx/workbook.js';
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

function entryIndex(path: string | undefined): number {
  const m = /^problems\[(\d+)\]/.exec(path ?? '');
  return m ? Number(m[1]) : -1;
}

/** Rules that point at the status but whose fix is typed elsewhere on the form. */
const FIELD_BY_RULE: Record<string, FormField> = {
  'on-schedule-missing': 'onSchedule',
  'overdue-without-reason': 'reason',
  'status-regression': 'note',
};

const FIELD_BY_PATH: Array<[RegExp, FormField]> = [
  [/^\.extension\.deadline/, 'extensionDeadline'],
  [/^\.extension\.reason/, 'extensionReason'],
  [/^\.extension\.approvedOn/, 'extensionApprovedOn'],
  [/^\.extension/, 'extensionDeadline'],
  [/^\.onSchedule/, 'onSchedule'],
  [/^\.progress/, 'progress'],
  [/^\.completedOn/, 'completedOn'],
  [/^\.evidence/, 'evidence'],
  [/^\.reason/, 'reason'],
  [/^\.note/, 'note'],
  [/^\.number/, 'number'],
];

function fieldOf(d: Diagnostic): FormField {
  const rest = (d.path ?? '').replace(/^problems\[\d+\]/, '');
  return FIELD_BY_RULE[d.ruleId] ?? FIELD_BY_PATH.find(([re]) => re.test(rest))?.[1] ?? 'status';
}

function toFormCell(d: Diagnostic, entry: ImportedEntry): Diagnostic {
  const cell = `${columnLetters(formColumnIndex(fieldOf(d)))}${entry.row}`;
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
