// The property every generator must have, on one plan folder: nothing throws,
// every output is a zip whose XML parts parse, workbooks read back with
// exceljs, no cell is over Excel's limit, and every input text is found
// unchanged. The folder itself must be valid: the checker finds no error.
import { expect } from 'vitest';
import { assemblePlanFolder, type PlanFolder } from '../../../src/load/plan-folder.js';
import { runRules } from '../../../src/check/run.js';
import type { GeneratedFolder } from './arbitraries.js';
import { allOutputs, type Output } from './outputs.js';
import { checkPackage, docxText, missingTexts, RAW_NEWLINE_IN_RUN, xlsxText } from './ooxml.js';

/** The generated folder loaded as `zhenggai` loads one; fails the test if the checker finds an error. */
export function loadValid(generated: GeneratedFolder): PlanFolder {
  const { folder, diagnostics } = assemblePlanFolder({
    dir: '/plans/property',
    plan: { file: 'plan.json', text: JSON.stringify(generated.plan, null, 2) },
    progress: [{ file: 'progress/2023-10.json', text: JSON.stringify(generated.progress, null, 2) }],
    evidenceFiles: generated.evidenceFiles,
  });
  const errors = [...diagnostics, ...(folder ? runRules(folder) : [])].filter((d) => d.severity === 'error');
  expect(errors, 'the generator made input the checker refuses').toEqual([]);
  return folder!;
}

/** Faults of one output, as messages (empty when it is sound). */
export async function outputFaults(output: Output): Promise<string[]> {
  const faults: string[] = [];
  const parts = checkPackage(output.bytes, output.name);
  if (output.kind === 'docx') {
    const raw = docxText(parts);
    const text = output.knownIssues?.includes('raw-newline-in-run') ? raw.replaceAll(RAW_NEWLINE_IN_RUN, '\n') : raw;
    for (const t of missingTexts([text], output.texts)) faults.push(`${output.name}: text not found unchanged: ${JSON.stringify(t)}`);
  } else {
    const read = await xlsxText(output.bytes);
    for (const cell of read.overlong) faults.push(`${output.name}: cell over Excel's 32,767 characters: ${cell}`);
    const astralMayBeSplit = output.knownIssues?.includes('exceljs-astral-split') ?? false;
    for (const t of missingTexts(read.columns, output.texts, { astralMayBeSplit })) faults.push(`${output.name}: text not found unchanged: ${JSON.stringify(t)}`);
  }
  return faults;
}

/** Runs every generator (or the named ones) and asserts the property. */
export async function assertDocumentsSound(generated: GeneratedFolder, only?: ReadonlySet<string>): Promise<void> {
  const folder = loadValid(generated);
  const outputs = await allOutputs(folder, only);
  const faults: string[] = [];
  for (const output of outputs) faults.push(...(await outputFaults(output)));
  expect(faults).toEqual([]);
}

/** Hunting mode: many folders, faults collected (first of each kind) instead of the first failure shrunk. */
export async function huntFaults(samples: readonly GeneratedFolder[]): Promise<Map<string, { fault: string; sample: GeneratedFolder }>> {
  const kinds = new Map<string, { fault: string; sample: GeneratedFolder }>();
  for (const sample of samples) {
    let faults: string[];
    try {
      const folder = loadValid(sample);
      faults = [];
      for (const output of await allOutputs(folder)) faults.push(...(await outputFaults(output)));
    } catch (error) {
      faults = [`threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`];
    }
    for (const fault of faults) {
      const kind = fault.replace(/: "[\s\S]*$/, '');
      if (!kinds.has(kind)) kinds.set(kind, { fault, sample });
    }
  }
  return kinds;
}
