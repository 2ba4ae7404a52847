// Pipeline: filled unit forms into progress/<period>.json. All or nothing —
// with any error in any form nothing is written; the merged file is checked
// as `zhenggai check` would check it before it is written, and the units
// still missing are listed. The folder is locked meanwhile (files.ts
// writingInto), and the file replaced whole. The steps live in import/ beside this file.

import { keyOfWrittenNumber } from '../model/numbering.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runRules } from '../check/run.js';
import { countBySeverity, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/display-path.js';
import { formatDiagnostic, formatSummary } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import { reportingGroups } from '../derive/reporting-unit.js';
import { loadPlanFolder, type LoadResult, type PlanFolder } from '../load/plan-folder.js';
import { readFormWorkbook, type FormWorkbook } from '../load/xlsx-form.js';
import { periodEnd } from '../model/dates.js';
import { writeFileAtomic } from '../write/atomic.js';
import { asUserError, writingInto, type Io } from './files.js';
import { failAfter } from '../write/staged-folder.js';
import { checkMerged, sortFormDiagnostics, type MergedCheck } from './import/check-merged.js';
import { mergeProgress } from './import/merge.js';
import { earlierPictureFiles, placePictures, removeWritten, writePictures, type PlacedPicture } from './import/evidence-pictures.js';
import type { ImportContext, ImportedEntry } from './import/validate-form.js';
import { validateForms } from './import/validate-forms.js';
import { periodFile, previousPeriodFile, requirePeriod, requirePeriodAfterNotice } from './period.js';

/** Options of `import`. */
export interface ImportOptions {
  planDir: string;
  period: string;
  /** The filled forms (.xlsx), as the user named them. */
  files: string[];
  /** Replace answers a unit already gave for the period. */
  force: boolean;
}

/**
 * `import`: read the forms, validate every cell against the plan, merge into
 * the period's file and check the result; write it only when no form has an
 * error. Returns the exit code: 1 when the folder (not the forms) still has
 * errors after the import. Throws UserError for bad forms or a broken plan.
 */
export async function importForms(options: ImportOptions, io: Io): Promise<number> {
  requirePeriod(options.period);
  if (options.files.length === 0) throw new UserError('请指定要导入的填报表（.xlsx）/ name the filled forms to import');
  // A plan folder that is not there gets the loader's message, and is never created by taking its lock.
  if (!(await isFolder(options.planDir))) await loadImportFolder(options.planDir, options.period);
  // Read, merge and write as the only run writing the folder, so two imports at once never lose each other's answers.
  return writingInto(options.planDir, io, () => importLocked(options, io), { subfolders: ['progress'] });
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function importLocked(options: ImportOptions, io: Io): Promise<number> {
  const { folder, loadFindings } = await loadImportFolder(options.planDir, options.period);
  const forms = options.files.map((file) => ({ path: file, shown: file }));
  const prepared = await prepareImport(folder, options.period, forms, { force: options.force, readEvidence: (name) => readFile(path.join(folder.evidenceDir, ...name.split('/'))) });
  if (prepared.entries.length === 0) {
    for (const d of prepared.atForms) io.err(formatDiagnostic(d));
    io.out(`表格中没有需要导入的问题（${prepared.units.join('、')} 本期没有报送的问题），未写入文件 (nothing to import)`);
    return 0;
  }
  await writeAll(folder, prepared, prepared.pictures);
  printFindings([...prepared.atForms, ...prepared.elsewhere, ...loadFindings], folder, io);
  for (const p of prepared.pictures) {
    const saved = displayPath(path.join(folder.evidenceDir, ...p.path.split('/')));
    io.out(p.existing ? `${p.from.file} ${p.from.sheet}!${p.from.cell} 的图片与已有的 ${saved} 相同，未重复保存 (picture already saved)` : `已从 ${p.from.file} ${p.from.sheet}!${p.from.cell} 提取图片，存为 ${saved} (picture saved as evidence)`);
  }
  io.out(`已写出 ${displayPath(prepared.target)}（${prepared.units.join('、')}，共 ${prepared.entries.length} 个问题）(imported ${prepared.entries.length} problem(s))`);
  reportGaps(folder, prepared.text, io);
  return hasErrors([...prepared.elsewhere, ...loadFindings]) ? 1 : 0;
}

/** A filled form to read: its file, and the name messages give it (as the user typed it, or an upload's name). */
export interface FormFileRef {
  path: string;
  shown: string;
}

/** What an import would write, worked out without writing anything. */
export interface PreparedImport {
  /** The period file's path (<dir>/progress/<period>.json). */
  target: string;
  /** The period file as it would be after the import ('' when there is nothing to import). */
  text: string;
  /** The forms' entries, the paths of their pictures under evidence/ added to their evidence. */
  entries: ImportedEntry[];
  /** The pictures to write into evidence/ (those marked `existing` are there already). */
  pictures: PlacedPicture[];
  /** Units whose forms were read, in the order given. */
  units: string[];
  /** Warnings at the forms' cells (an error there refuses the import). */
  atForms: Diagnostic[];
  /** What the check rules report elsewhere in the folder: not the import's to refuse. */
  elsewhere: Diagnostic[];
}

/**
 * The steps of `import` that write nothing, for the CLI and for a plan kept
 * elsewhere (the server: documents/import-texts.ts): read the forms,
 * validate every cell against the plan and period, name the pictures
 * (`readEvidence` gives the bytes of a file already in evidence/, to know a
 * picture an earlier import saved; a file it cannot read counts as another
 * picture), merge and check the period file. Throws UserError with every
 * finding at its form cell when any form has an error, and when the period
 * is before the notice's month.
 */
export async function prepareImport(
  folder: PlanFolder,
  period: string,
  files: readonly FormFileRef[],
  options: { force: boolean; readEvidence: (path: string) => Promise<Uint8Array> },
): Promise<PreparedImport> {
  requirePeriodAfterNotice(period, folder);
  const ctx = importContext(folder, period);
  const read = await readForms(files);
  const result = validateForms(read.forms, ctx, options.force);
  const order = files.map((f) => f.shown);
  const found = sortFormDiagnostics([...read.diagnostics, ...result.diagnostics], order);
  refuseOnErrors(found);
  const target = path.join(folder.dir, 'progress', `${period}.json`);
  if (result.entries.length === 0) return { target, text: '', entries: [], pictures: [], units: result.units, atForms: found, elsewhere: [] };
  const earlier = await readEarlierPictures(folder, ctx.period, result.entries, options.readEvidence);
  const placed = placePictures(result.entries, ctx.period, folder.evidenceFiles, earlier);
  const withPictures: PlanFolder = { ...folder, evidenceFiles: new Set([...folder.evidenceFiles, ...placed.pictures.map((p) => p.path)]) };
  const merged = mergeAndCheck(withPictures, ctx, placed.entries);
  const atForms = sortFormDiagnostics([...found, ...merged.checked.atForms], order);
  refuseOnErrors(atForms);
  return { target, text: merged.text, entries: placed.entries, pictures: placed.pictures, units: result.units, atForms, elsewhere: merged.checked.elsewhere };
}

/**
 * The pictures first, each created new, then the period file; when the
 * period file cannot be written the pictures are removed again, so either
 * both are there or neither (ZHENGGAI_FAIL_AFTER=pictures fails in between,
 * for tests).
 */
async function writeAll(folder: PlanFolder, merged: { target: string; text: string }, pictures: readonly PlacedPicture[]): Promise<void> {
  let written: string[];
  try {
    written = await writePictures(folder.evidenceDir, pictures);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new UserError(`evidence/ 中在导入期间出现了同名文件（${(error as NodeJS.ErrnoException).path ?? ''}），未覆盖，未写入任何文件：请重新导入 (a file appeared meanwhile; nothing was written)`);
  }
  try {
    failAfter('pictures');
    await writeFileAtomic(merged.target, merged.text);
  } catch (error) {
    await removeWritten(written);
    throw asUserError(error);
  }
}

/** The bytes of pictures an earlier import of these units' forms saved for this period, to recognise the same photo again. */
async function readEarlierPictures(folder: PlanFolder, period: string, entries: readonly ImportedEntry[], read: (path: string) => Promise<Uint8Array>): Promise<Map<string, Uint8Array>> {
  const earlier = new Map<string, Uint8Array>();
  for (const name of earlierPictureFiles(entries, period, folder.evidenceFiles)) {
    try {
      earlier.set(name, new Uint8Array(await read(name)));
    } catch {
      // Unreadable: treated as a different picture, so a new name is taken.
    }
  }
  return earlier;
}

/** The period file as it would be after the import, and what `check` says of it — nothing written yet. */
function mergeAndCheck(folder: PlanFolder, ctx: ImportContext, entries: readonly ImportedEntry[]): { target: string; text: string; checked: MergedCheck } {
  const target = path.join(folder.dir, 'progress', `${ctx.period}.json`);
  const merged = mergeProgress({
    plan: folder.plan,
    period: ctx.period,
    asOf: ctx.asOf,
    existing: periodFile(folder, ctx.period)?.source.value as Record<string, unknown> | undefined,
    schemaRef: schemaRefOf(folder),
    entries,
  });
  const checked = checkMerged(folder, { file: displayPath(target), text: merged.text, indexOf: merged.indexOf });
  return { target, text: merged.text, checked };
}

/**
 * The forms' findings and the checks' findings on the progress files, in
 * full; the plan's own warnings (unchanged by an import, and printed by
 * every `zhenggai check`) as one line.
 */
function printFindings(findings: readonly Diagnostic[], folder: PlanFolder, io: Io): void {
  const planFile = folder.planSource.file;
  const shown = findings.filter((d) => d.file !== planFile || d.severity === 'error');
  const planWarnings = findings.length - shown.length;
  for (const d of shown) io.err(formatDiagnostic(d));
  if (shown.length > 0) io.err(formatSummary(shown));
  if (planWarnings > 0) io.err(`提示：方案 plan.json 有 ${planWarnings} 个警告，运行 zhenggai check ${displayPath(folder.dir)} 查看 (${planWarnings} plan warning(s))`);
}

function refuseOnErrors(diagnostics: readonly Diagnostic[]): void {
  const { error } = countBySeverity(diagnostics);
  if (error > 0) throw new UserError(`填报表有 ${error} 个错误，未写入任何文件 (${error} error(s) in the forms; nothing was written)`, diagnostics);
}

/**
 * The plan and this period's file must load and the plan must have no
 * errors: a form is checked against the plan, and a broken period file would
 * be overwritten. Errors in other periods' files do not stop an import.
 */
async function loadImportFolder(dir: string, period: string): Promise<{ folder: PlanFolder; loadFindings: Diagnostic[] }> {
  const loaded = await loadPlanFolder(dir);
  return { folder: requireImportable(loaded, displayPath(path.join(path.resolve(dir), 'progress', `${period}.json`))), loadFindings: loaded.diagnostics };
}

/**
 * The loaded folder, when forms may be imported into it: the plan and the
 * period's file (`target`, as diagnostics name it) load and the plan has no
 * error. Else UserError with the errors that block. What could not be loaded
 * elsewhere (another period's broken file) does not block; callers report
 * it with the check's findings.
 */
export function requireImportable(loaded: LoadResult, target: string): PlanFolder {
  const planErrors = loaded.folder ? runRules(loaded.folder).filter((d) => d.severity === 'error' && d.file === loaded.folder!.planSource.file) : [];
  // plan.json's own load errors (a key written twice) block as its rule errors do.
  const blocks = (d: Diagnostic) => d.severity === 'error' && (!loaded.folder || d.file === target || d.file === loaded.folder.planSource.file);
  const blocking = [...loaded.diagnostics.filter(blocks), ...planErrors];
  if (!loaded.folder || blocking.length > 0) {
    throw new UserError(`方案或本期进展文件有 ${blocking.length} 个错误，未导入 (the plan or the period's file has errors; nothing was imported)`, blocking);
  }
  return loaded.folder;
}

export function importContext(folder: PlanFolder, period: string): ImportContext {
  const current = periodFile(folder, period);
  return {
    plan: folder.plan,
    planName: folder.name,
    period,
    asOf: current?.data.asOf ?? periodEnd(period),
    previous: previousPeriodFile(folder, period)?.data,
    current: current?.data,
    evidenceFiles: folder.evidenceFiles,
  };
}

async function readForms(files: readonly FormFileRef[]): Promise<{ forms: FormWorkbook[]; diagnostics: Diagnostic[] }> {
  const forms: FormWorkbook[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = await readFormWorkbook(file.path, file.shown);
    if (read.form) forms.push(read.form);
    else diagnostics.push(read.diagnostic!);
  }
  return { forms, diagnostics };
}

/** A new period file points at the same JSON Schema as the office's other progress files. */
function schemaRefOf(folder: PlanFolder): string | undefined {
  const ref = (folder.progress.at(-1)?.source.value as { $schema?: unknown } | undefined)?.$schema;
  return typeof ref === 'string' ? ref : undefined;
}

/** Units whose forms have not come in, and the report block the office still has to write. */
function reportGaps(folder: PlanFolder, mergedText: string, io: Io): void {
  const merged = JSON.parse(mergedText) as { problems: Array<{ number: unknown }>; report?: unknown };
  const present = new Set(merged.problems.map((p) => keyOfWrittenNumber(folder.plan, p.number)));
  const missing = reportingGroups(folder.plan).filter((g) => g.problems.some((p) => !present.has(p.number)));
  if (missing.length === 0) io.out('各单位的填报表均已导入 (every unit has reported)');
  else io.out(`尚未导入填报表的单位：${missing.map((g) => g.unit.name).join('、')} (units still missing: ${missing.length})`);
  if (merged.report === undefined) io.out('提示：进展文件尚无 report（报告文头与正文），生成进展报告前请补写 (no report block yet)');
}
