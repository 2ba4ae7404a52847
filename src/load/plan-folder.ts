// Reading a plan folder: the disk part (readPlanFolder) is separate from the
// pure part (assemblePlanFolder), so tests and importers build folders in memory.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { planSchema, type Plan } from '../model/plan-schema.js';
import { progressFileSchema, progressSchema, type Progress } from '../model/progress-schema.js';
import { decodeUtf8Text } from '../formats/text.js';
import { listEvidence } from './evidence.js';
import { parseJsonSource, releasePositions, type JsonSource } from './json-source.js';
import { zodIssuesToDiagnostics } from './zod-diagnostics.js';
import { resolveProgressNumbers } from './progress-numbers.js';
import { displayPath } from '../diagnostics/display-path.js';

/**
 * Refuse JSON files larger than this before reading them: no real plan comes
 * near it, and a plan within the scale limits (check/rules/plan-size.ts: 10
 * million characters of text) fits in about half of it.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
const PROGRESS_FILE = /^(\d{4}-\d{2})\.json$/;

export interface LoadedProgress {
  source: JsonSource;
  data: Progress;
  /** Period named by the file name (progress/2023-10.json → 2023-10). */
  fileperiod: string;
}

export interface PlanFolder {
  dir: string;
  /** The folder's name: out/<name>/ holds its documents. */
  name: string;
  planSource: JsonSource;
  plan: Plan;
  /** Valid progress files, by period ascending. */
  progress: LoadedProgress[];
  evidenceDir: string;
  /** Files under evidence/, as forward-slash paths relative to it. */
  evidenceFiles: ReadonlySet<string>;
}

export interface LoadResult {
  folder?: PlanFolder;
  diagnostics: Diagnostic[];
}

export interface TextFile {
  /** Path shown in diagnostics. */
  file: string;
  text: string;
}

export interface PlanFolderTexts {
  dir: string;
  plan: TextFile;
  progress: TextFile[];
  evidenceFiles: ReadonlySet<string>;
}

function fileDiagnostic(file: string, message: string, ruleId = 'file'): Diagnostic {
  return { file, ruleId, severity: 'error', message };
}

type SafeParser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } };

function validate<T>(source: JsonSource, schema: SafeParser<T>, value: unknown = source.value): { data?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, diagnostics: [] };
  return { diagnostics: zodIssuesToDiagnostics(source, result.error.issues as never) };
}

/**
 * Progress files, read against the plan: a plan numbered per category names
 * its problems by shown number, resolved to internal keys before the schema
 * (load/progress-numbers.ts); a file whose numbers do not resolve is left
 * out, as one the schema refuses is, with its diagnostics.
 */
function assembleProgress(files: readonly TextFile[], plan: Plan | undefined): { progress: LoadedProgress[]; diagnostics: Diagnostic[] } {
  const progress: LoadedProgress[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { file, text } of files) {
    const fileperiod = PROGRESS_FILE.exec(path.basename(file))?.[1];
    if (!fileperiod) {
      diagnostics.push(fileDiagnostic(file, '进展文件名应为 YYYY-MM.json（如 2023-10.json）'));
      continue;
    }
    const parsed = parseJsonSource(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.source) continue;
    if (!plan) {
      // Without a valid plan no number can be resolved: the file is checked as the office writes it, for its own diagnostics.
      diagnostics.push(...validate(parsed.source, progressFileSchema).diagnostics);
      continue;
    }
    const numbers = resolveProgressNumbers(parsed.source, plan);
    diagnostics.push(...numbers.diagnostics);
    if (numbers.diagnostics.length > 0) continue;
    const checked = validate<Progress>(parsed.source, progressSchema, numbers.value);
    diagnostics.push(...checked.diagnostics);
    if (checked.data) progress.push({ source: parsed.source, data: checked.data, fileperiod });
  }
  progress.sort((a, b) => a.fileperiod.localeCompare(b.fileperiod));
  return { progress, diagnostics };
}

/** Pure: texts in, typed folder and diagnostics out. */
export function assemblePlanFolder(texts: PlanFolderTexts): LoadResult {
  const parsed = parseJsonSource(texts.plan.file, texts.plan.text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const checked = validate<Plan>(parsed.source, planSchema);
  const progress = assembleProgress(texts.progress, checked.data);
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics, ...progress.diagnostics];
  if (!checked.data) return { diagnostics };
  return {
    folder: {
      dir: texts.dir,
      name: path.basename(texts.dir),
      planSource: parsed.source,
      plan: checked.data,
      progress: progress.progress,
      evidenceDir: path.join(texts.dir, 'evidence'),
      evidenceFiles: texts.evidenceFiles,
    },
    diagnostics,
  };
}

/** Let go of the parse trees of the folder's files once it is checked (json-source.ts releasePositions: a later diagnostic parses its file again). */
export function releaseFolderPositions(folder: Pick<PlanFolder, 'planSource' | 'progress'>): void {
  releasePositions(folder.planSource);
  for (const file of folder.progress) releasePositions(file.source);
}

async function readText(file: string): Promise<{ text?: string; diagnostic?: Diagnostic }> {
  const shown = displayPath(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { diagnostic: fileDiagnostic(shown, '应为文件') };
    if (info.size > MAX_JSON_BYTES) {
      return { diagnostic: fileDiagnostic(shown, `文件过大（${info.size} 字节，上限 ${MAX_JSON_BYTES} 字节）：这样大的方案或进展文件超出了本工具能生成文件的规模（见 docs/domain.md“规模上限”）`, 'file-too-large') };
    }
  } catch {
    return { diagnostic: fileDiagnostic(shown, '文件不存在') };
  }
  const decoded = decodeUtf8Text(await readFile(file));
  if (decoded.ok) return { text: decoded.text };
  const { line, column, message } = decoded.problem;
  return { diagnostic: { file: shown, line, column, ruleId: 'encoding', severity: 'error', message } };
}

async function progressFileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(dir, 'progress'))).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/** Reads plan.json, progress/*.json and the evidence listing of a plan folder. */
export async function loadPlanFolder(dir: string): Promise<LoadResult> {
  const absolute = path.resolve(dir);
  try {
    if (!(await stat(absolute)).isDirectory()) return { diagnostics: [fileDiagnostic(displayPath(absolute), '应为方案文件夹（内含 plan.json）')] };
  } catch {
    return { diagnostics: [fileDiagnostic(displayPath(absolute), '方案文件夹不存在')] };
  }
  const diagnostics: Diagnostic[] = [];
  const planFile = path.join(absolute, 'plan.json');
  const plan = await readText(planFile);
  if (plan.text === undefined) return { diagnostics: [plan.diagnostic!] };
  const progress: TextFile[] = [];
  for (const name of await progressFileNames(absolute)) {
    const file = path.join(absolute, 'progress', name);
    const read = await readText(file);
    if (read.text === undefined) diagnostics.push(read.diagnostic!);
    else progress.push({ file: displayPath(file), text: read.text });
  }
  const evidence = await listEvidence(path.join(absolute, 'evidence'));
  const result = assemblePlanFolder({
    dir: absolute,
    plan: { file: displayPath(planFile), text: plan.text },
    progress,
    evidenceFiles: evidence.files,
  });
  return { folder: result.folder, diagnostics: [...diagnostics, ...result.diagnostics, ...evidence.diagnostics] };
}
