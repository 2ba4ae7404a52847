// The thin layer between the pipelines and the disk: read and check a plan
// folder, write a pipeline's files atomically under out/<plan>/, convert them
// to PDF on request. The CLI calls these; a server would call the pipelines
// directly with data it holds, and write nowhere.

import path from 'node:path';
import { runRules } from '../check/run.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import { loadPlanFolder, type PlanFolder } from '../load/plan-folder.js';
import { loadTemplates, type TemplateSet } from '../templates/load.js';
import { writeFileAtomic } from '../write/atomic.js';
import { DEFAULT_OUT_ROOT, planOutputDir } from '../write/output-paths.js';
import { convertBeside } from '../write/pdf-beside.js';
import { findSoffice, PdfConversionError, SofficeNotFoundError } from '../write/pdf.js';
import { InjectedFailure } from '../write/staged-folder.js';
import type { DocumentOutput } from './pipeline.js';

export { DEFAULT_OUT_ROOT };

/** Where a command's messages go: results on `out`, warnings and notes on `err`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The options every document command takes. */
export interface DocumentCommandOptions {
  planDir: string;
  /** Output root; documents go to <out>/<plan>/. */
  out: string;
  /** Also convert the Word and Excel files to PDF with LibreOffice. */
  pdf: boolean;
  /** An office's own templates folder; bundled templates fill the gaps. */
  templates?: string;
}

/**
 * The plan folder at `dir`, refused (UserError with the errors) when it has
 * any error; its warnings are counted on `io.err` and listed by `zhenggai check`.
 */
export async function loadCheckedFolder(dir: string, io: Io): Promise<PlanFolder> {
  const loaded = await loadPlanFolder(dir);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...(loaded.folder ? runRules(loaded.folder) : [])]);
  const { error, warning } = countBySeverity(diagnostics);
  if (!loaded.folder || error > 0) {
    throw new UserError(`数据有 ${error} 个错误，未生成任何文件 (the data has ${error} error(s); nothing was written)`, diagnostics.filter((d) => d.severity === 'error'));
  }
  if (warning > 0) io.err(`提示：数据有 ${warning} 个警告，运行 zhenggai check ${dir} 查看 (${warning} warning(s))`);
  return loaded.folder;
}

/** With --pdf, find LibreOffice before anything is written, so a missing one costs nothing. */
export async function requireSofficeIf(pdf: boolean): Promise<void> {
  if (pdf && (await findSoffice()) === undefined) throw new UserError(new SofficeNotFoundError().message);
}

/**
 * Run one document pipeline on a plan folder and write what it makes:
 * LibreOffice is looked for first (with --pdf), then the templates and the
 * folder are loaded and checked, the pipeline runs in memory, and only then
 * is anything written — each file atomically, PDFs beside them in one
 * LibreOffice run. Returns the paths written, in order.
 */
export async function writeDocument(
  options: DocumentCommandOptions,
  io: Io,
  pipeline: (data: PlanFolder, templates: TemplateSet) => Promise<DocumentOutput>,
): Promise<string[]> {
  await requireSofficeIf(options.pdf);
  const templates = await loadTemplates(options.templates);
  const folder = await loadCheckedFolder(options.planDir, io);
  const output = await pipeline(folder, templates);
  for (const warning of output.warnings) io.err(formatDiagnostic(warning));
  return writeOutputs(planOutputDir(options.out, folder.name), output, options.pdf, io);
}

/** Write a pipeline's files under `dir` (atomically, in order), then their PDFs on request; prints each path. */
export async function writeOutputs(dir: string, output: DocumentOutput, pdf: boolean, io: Io): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const file of output.files) {
      const target = path.join(dir, ...file.name.split('/'));
      await writeFileAtomic(target, file.data);
      io.out(`已写出 ${target}`);
      written.push(target);
    }
    if (pdf) for (const target of await convertBeside(written.filter((f) => /\.(docx|xlsx)$/.test(f)))) io.out(`已写出 ${target}`);
  } catch (error) {
    throw asUserError(error);
  }
  return written;
}

const ENVIRONMENT_ERRORS = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EDQUOT', 'EMFILE']);

/** Failures of the machine (LibreOffice, a full disk, permissions, an injected test failure) are not our bug: say so plainly. */
export function asUserError(error: unknown): unknown {
  if (error instanceof SofficeNotFoundError || error instanceof PdfConversionError || error instanceof InjectedFailure) {
    return new UserError(`${error.message}；之前的文件保持不变 (earlier output left as it was)`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ENVIRONMENT_ERRORS.has(code)) return new UserError(`无法写入文件 (cannot write): ${(error as Error).message}；之前的文件保持不变`);
  return error;
}

/** Print diagnostics one a line on `io.err`. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}
