// What every document pipeline takes and returns. A pipeline is a pure
// function of loaded data: it reads no file and writes none, so the CLI and
// the server (a later issue) call the same function and only the thin
// wrappers in files.ts know about folders on disk.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanFolder } from '../load/plan-folder.js';

/**
 * One generated file: `name` is its path under the plan's output folder
 * (out/<plan>/), with forward slashes — `整改台账-2023-11.xlsx` or
 * `2023-11/整改台账-2023-11.xlsx` — already made safe for Windows and Linux.
 */
export interface NamedBuffer {
  readonly name: string;
  readonly data: Uint8Array;
}

/** A pipeline's result: the files it made and the warnings found making them, as diagnostics naming the file. */
export interface DocumentOutput {
  readonly files: readonly NamedBuffer[];
  readonly warnings: readonly Diagnostic[];
}

/**
 * The loaded data a pipeline works from: a plan folder without its places on
 * disk (load/plan-folder.ts reads it; tests and the server may build it in
 * memory with assemblePlanFolder).
 */
export type PlanData = Pick<PlanFolder, 'name' | 'plan' | 'planSource' | 'progress' | 'evidenceFiles'>;

/** How pipelines and writers read evidence without knowing its folder (defined with the evidence model). */
export type { EvidenceReader } from '../model/evidence-item.js';

/** A renderer's layout warning (a row taller than Excel's 409 pt …) as a diagnostic on the file it was found in. */
export function layoutWarnings(file: string, warnings: readonly { sheet: string; cell: string; message: string }[]): Diagnostic[] {
  return warnings.map((w) => ({ file, sheet: w.sheet, cell: w.cell, ruleId: 'xlsx-layout', severity: 'warning', message: w.message }));
}
