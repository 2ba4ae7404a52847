// The thin layer between the pipelines and the disk: read and check a plan
// folder, write a pipeline's files under out/<plan>/ (all new or all as they
// were), convert them to PDF on request. The CLI calls these; a server would
// call the pipelines directly with data it holds, and write nowhere.
//
// writingInto is the one error boundary of every command's writes: it holds
// the folder's lock, finishes what an interrupted run left, and turns any
// failure of the disk into one message naming the path (asUserError).

import path from 'node:path';
import { runRules } from '../check/run.js';
import { countBySeverity, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import { loadPlanFolder, releaseFolderPositions, type PlanFolder } from '../load/plan-folder.js';
import { clearTextWidthCaches } from '../layout/text-width.js';
import { limitHeapGrowth } from './heap-growth.js';
import { loadTemplates, type TemplateSet } from '../templates/load.js';
import { displayPath } from '../diagnostics/display-path.js';
import { writeFilesTogether } from '../write/atomic.js';
import { InjectedFailure } from '../write/faults.js';
import { CannotWrite, isSystemError, reasonOf, SwapNotUndone } from '../write/fs-errors.js';
import { describeHolder, FolderBusy } from '../write/lock.js';
import { openOutputFolder } from '../write/output-folder.js';
import { DEFAULT_OUT_ROOT, planOutputDir } from '../write/output-paths.js';
import { pdfsOf } from '../write/pdf-beside.js';
import { findSoffice, PdfConversionError, SofficeNotFoundError } from '../write/pdf.js';
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
  // Every document command starts here: from now on V8 collects before the heap is 2.5 × its live size (heap-growth.ts).
  limitHeapGrowth();
  const loaded = await loadPlanFolder(dir);
  // The files' parse trees (about 30 MB for 5,000 problems) go before the rules run: the rules' findings parse a file again, once, after all have run (check/run.ts; issue 14, peak memory).
  if (loaded.folder) releaseFolderPositions(loaded.folder);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...(loaded.folder ? runRules(loaded.folder) : [])]);
  const { error, warning } = countBySeverity(diagnostics);
  if (!loaded.folder || error > 0) {
    throw new UserError(`数据有 ${error} 个错误，未生成任何文件 (the data has ${error} error(s); nothing was written)`, diagnostics.filter((d) => d.severity === 'error'));
  }
  if (warning > 0) io.err(`提示：数据有 ${warning} 个警告，运行 zhenggai check ${dir} 查看 (${warning} warning(s))`);
  // The texts the rules measured are let go before the documents are made (issue 14, peak memory).
  clearTextWidthCaches();
  return loaded.folder;
}

/** With --pdf, find LibreOffice before anything is written, so a missing one costs nothing. */
export async function requireSofficeIf(pdf: boolean): Promise<void> {
  if (pdf && (await findSoffice()) === undefined) throw new UserError(new SofficeNotFoundError().message);
}

/**
 * Run one document pipeline on a plan folder and write what it makes:
 * LibreOffice is looked for first (with --pdf), then the templates and the
 * folder are loaded and checked, the pipeline runs in memory (and its PDFs
 * are made), and only then is anything written — all the files together.
 * Returns the paths written, in order.
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

/**
 * Write a pipeline's files under `dir` (with their PDFs on request), all new
 * or all as they were; prints each path once all are in place. `thenTidy`,
 * when given, runs next under the same lock with the paths written (none
 * when the pipeline made nothing: it still runs), so that what it removes
 * is judged against this run's files and no other run's.
 */
export async function writeOutputs(dir: string, output: DocumentOutput, pdf: boolean, io: Io, thenTidy?: (written: readonly string[]) => Promise<void>): Promise<string[]> {
  if (output.files.length === 0 && thenTidy === undefined) return [];
  const files = output.files.map((file) => ({ path: path.join(dir, ...file.name.split('/')), data: file.data }));
  return writingInto(dir, io, async () => {
    if (files.length > 0) {
      const pdfs = pdf ? await pdfsOf(files.filter((f) => /\.(docx|xlsx)$/.test(f.path))) : [];
      await writeFilesTogether(dir, [...files, ...pdfs]);
      for (const file of [...files, ...pdfs]) io.out(`已写出 ${file.path}`);
    }
    const written = files.map((f) => f.path);
    await thenTidy?.(written);
    return written;
  });
}

/** Options of writingInto. */
export interface WritingOptions {
  /** Folders of `root` that are written to, where an interrupted run's leftovers are swept: 'all' for an output folder. */
  readonly subfolders?: 'all' | readonly string[];
}

/** How long a run waits for another one writing the same folder: ZHENGGAI_LOCK_WAIT seconds, 60 by default. */
function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.ZHENGGAI_LOCK_WAIT);
  return env.ZHENGGAI_LOCK_WAIT !== undefined && env.ZHENGGAI_LOCK_WAIT !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000;
}

/**
 * Run `work`, which writes into `root`, as the only writer of `root`: the
 * folder is created and locked (a second run waits, then gives up saying who
 * holds it), what an interrupted run left is finished or undone and its
 * leftovers swept, and every failure of the disk inside comes out as a
 * UserError naming the path, with the previous files as they were.
 */
export async function writingInto<T>(root: string, io: Io, work: () => Promise<T>, options: WritingOptions = {}): Promise<T> {
  let release: ((failed: boolean) => Promise<void>) | undefined;
  let failed = true;
  try {
    const folder = await openOutputFolder(root, {
      command: `zhenggai ${process.argv.slice(2).join(' ')}`.trim(),
      waitMs: lockWaitMs(),
      subfolders: options.subfolders ?? 'all',
      onWait: (holder) => io.err(`另一个 zhenggai 正在写入 ${displayPath(root)}（${describeHolder(holder)}），等待它结束… (waiting for another run)`),
      onTakeOver: (holder) => io.err(`提示：${displayPath(root)} 上次的运行（${describeHolder(holder)}）已中断，接管其锁 (taking over the lock of a run that is gone)`),
    });
    release = folder.release;
    for (const r of folder.recovered) {
      const what = r.destinations.map((d) => displayPath(path.join(root, d))).join('、');
      io.err(r.outcome === 'kept-new' ? `提示：上次中断的运行已写完 ${what}，已清理 (an interrupted run had finished; cleaned up)` : `提示：上次的运行在替换 ${what} 时中断，已还原之前的文件 (an interrupted run was rolled back)`);
    }
    for (const restored of folder.swept.restored) io.err(`提示：上次的运行中断后 ${displayPath(restored)} 不见了，已从其留下的副本还原 (restored)`);
    const result = await work();
    failed = false;
    return result;
  } catch (error) {
    throw asUserError(error, root);
  } finally {
    await release?.(failed).catch(() => undefined);
  }
}

const KEPT = '之前的文件保持不变 (earlier output left as it was)';

/** What went wrong with `target`, for the clerk: the culprit when another path is at fault, else the errno's meaning. */
function writeProblem(target: string, error: NodeJS.ErrnoException & { code: string }, culprit: string | undefined): string {
  const reason = reasonOf(error.code, error.message);
  const code = `${error.code}${error.syscall ? ` ${error.syscall}` : ''}`;
  if (culprit && (error.code === 'ENOTDIR' || error.code === 'EEXIST' || error.code === 'ENOENT')) return `${displayPath(culprit)} 是文件，不是文件夹 (a file, not a folder; ${code})`;
  if (culprit && error.code === 'EISDIR') return `${displayPath(culprit)} 是文件夹，不是文件 (a folder, not a file; ${code})`;
  if (culprit && culprit !== target) return `${displayPath(culprit)}：${reason}（${code}）`;
  return `${reason}（${code}）`;
}

/**
 * Failures of the machine — the disk in every way it can fail (as a kind:
 * any failed system call while writing), LibreOffice, another run holding the
 * folder, an injected test failure — are not our bug: a UserError naming the
 * path. `root` is named when the failure does not say which path it was.
 */
export function asUserError(error: unknown, root?: string): unknown {
  if (error instanceof UserError) return error;
  if (error instanceof SofficeNotFoundError || error instanceof PdfConversionError || error instanceof InjectedFailure) {
    return new UserError(`${error.message}；${KEPT}`);
  }
  if (error instanceof FolderBusy) return new UserError(error.message.replace(error.folder, displayPath(error.folder)).replace(error.lockFile, displayPath(error.lockFile)));
  if (error instanceof SwapNotUndone) {
    const f = error.failure;
    return new UserError(`无法写入文件 (cannot write) ${displayPath(f.target)}：${writeProblem(f.target, f.cause, f.culprit)}；替换到一半未能还原，下次在此文件夹运行 zhenggai 时会自动还原之前的文件 (the previous files are restored by the next run)`);
  }
  if (error instanceof CannotWrite) return new UserError(`无法写入文件 (cannot write) ${displayPath(error.target)}：${writeProblem(error.target, error.cause, error.culprit)}；${KEPT}`);
  if (isSystemError(error)) {
    const at = typeof error.path === 'string' ? error.path : root;
    return new UserError(`文件操作失败 (file system error)${at ? ` ${displayPath(at)}` : ''}：${writeProblem(at ?? '', error, undefined)}；${KEPT}`);
  }
  return error;
}
