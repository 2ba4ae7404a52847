// Unit forms imported into a plan held as texts (the server, issue 16): the
// very steps of `zhenggai import` (import.ts prepareImport) — every cell
// validated against the plan and the period, messages at file sheet!cell,
// pictures named as import names them, the merged period file checked — on
// plan.json and progress texts from a database instead of a folder. Nothing
// is written here: the caller stores the new period text and the pictures.

import { assemblePlanFolder } from '../load/plan-folder.js';
import { prepareImport, requireImportable, type FormFileRef, type PreparedImport } from './import.js';
import type { PlanTexts } from './plan-texts.js';

/**
 * What importing `files` (filled forms on disk, each with the name messages
 * give it) into `period` of the plan `texts` would write. Diagnostics name
 * `<name>/plan.json` and `<name>/progress/<period>.json` as checkPlanTexts
 * names them. `readEvidence` reads a file under evidence/ (for pictures an
 * earlier import saved). Throws UserError when the plan or the period's
 * file has an error, when any form has an error (each at its cell), or when
 * the merged file would have one.
 */
export async function prepareImportFromTexts(
  texts: PlanTexts,
  period: string,
  files: readonly FormFileRef[],
  options: { force: boolean; readEvidence: (path: string) => Promise<Uint8Array> },
): Promise<PreparedImport> {
  const loaded = assemblePlanFolder({
    dir: texts.name,
    plan: { file: `${texts.name}/plan.json`, text: texts.planText },
    progress: texts.progress.map((p) => ({ file: `${texts.name}/progress/${p.period}.json`, text: p.text })),
    evidenceFiles: texts.evidenceFiles,
  });
  const folder = requireImportable(loaded, `${texts.name}/progress/${period}.json`);
  return prepareImport(folder, period, files, options);
}
