// Several forms in one run: each validated on its own, then together — one
// problem answered twice (the same unit's form sent twice), and a unit whose
// answers this period's file already holds (replaced only with --force).
import type { Plan } from '../../model/plan-schema.js';
import { shownNumberOf } from '../../model/numbering.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formProblems } from '../../compose/forms.js';
import { layoutColumn } from '../../model/document/unit-form-layout.js';
import { columnLetters } from '../../formats/xlsx/cells.js';
import { validateForm, type ImportContext, type ImportedEntry } from './validate-form.js';
import type { FormWorkbook } from '../../load/xlsx-form.js';

export interface FormsResult {
  entries: ImportedEntry[];
  /** Units whose forms were read without error, in the order given. */
  units: string[];
  diagnostics: Diagnostic[];
}

export function validateForms(forms: readonly FormWorkbook[], ctx: ImportContext, force: boolean): FormsResult {
  const entries: ImportedEntry[] = [];
  const units: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<number, ImportedEntry>();
  for (const form of forms) {
    const result = validateForm(form, ctx);
    diagnostics.push(...result.diagnostics);
    if (result.unit === undefined) continue;
    diagnostics.push(...duplicates(ctx.plan, result.entries, seen));
    const replaced = alreadyImported(form.file, result.unit, ctx, force);
    if (replaced) diagnostics.push(replaced);
    entries.push(...result.entries);
    if (!units.includes(result.unit)) units.push(result.unit);
  }
  return { entries, units, diagnostics };
}

/** The 序号 cell of an entry's row (A5): where a finding about the row as a whole is shown. */
export function numberCell(entry: Pick<ImportedEntry, 'layout' | 'row'>): string {
  return `${columnLetters(layoutColumn(entry.layout, 'number'))}${entry.row}`;
}

/** Entries answering a problem an earlier form in this run already answered. */
function duplicates(plan: Plan, entries: readonly ImportedEntry[], seen: Map<number, ImportedEntry>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.number);
    if (first) {
      found.push({
        file: entry.file,
        sheet: entry.sheet,
        cell: numberCell(entry),
        ruleId: 'form-duplicate',
        severity: 'error',
        message: `第 ${shownNumberOf(plan, entry.number)} 号问题已在 ${first.file} ${first.sheet}!${numberCell(first)} 填报，同一次导入中不能重复填报`,
      });
    } else seen.set(entry.number, entry);
  }
  return found;
}

/**
 * A unit's answers are "already imported" when this period's file holds an
 * entry for any problem it reports — the unit is its problems' first lead
 * unit, so no per-entry source needs recording in the file.
 */
function alreadyImported(file: string, unit: string, ctx: ImportContext, force: boolean): Diagnostic | undefined {
  if (force || !ctx.current) return undefined;
  const mine = new Set(formProblems(ctx.plan, unit).reported.map((p) => p.number));
  const present = ctx.current.problems.filter((p) => mine.has(p.number)).map((p) => shownNumberOf(ctx.plan, p.number));
  if (present.length === 0) return undefined;
  return {
    file,
    ruleId: 'form-already-imported',
    severity: 'error',
    message: `${unit} 的 ${ctx.period} 期进展已在进展文件中（第 ${present.join('、')} 号问题）：如需用本表替换，请加 --force`,
  };
}
