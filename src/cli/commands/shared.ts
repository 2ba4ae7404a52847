// What every document command does around its own rendering: load and check
// the plan folder (refusing data with errors), write atomically, report the
// files written, and convert to PDF on request.
import { runRules } from '../../check/run.js';
import { countBySeverity, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { UserError } from '../../diagnostics/user-error.js';
import { loadPlanFolder, type PlanFolder } from '../../load/plan-folder.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { findSoffice, PdfConversionError, SofficeNotFoundError } from '../../write/pdf.js';
import { convertBeside } from '../../write/pdf-beside.js';
import { InjectedFailure } from '../../write/staged-folder.js';

export type Print = (text: string) => void;

export interface OutputFile {
  path: string;
  data: Uint8Array;
}

/** A plan folder with no errors; warnings are counted on stderr, listed by `zhenggai check`. */
export async function loadCheckedFolder(dir: string, err: Print): Promise<PlanFolder> {
  const loaded = await loadPlanFolder(dir);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...(loaded.folder ? runRules(loaded.folder) : [])]);
  const { error, warning } = countBySeverity(diagnostics);
  if (!loaded.folder || error > 0) {
    throw new UserError(`数据有 ${error} 个错误，未生成任何文件 (the data has ${error} error(s); nothing was written)`, diagnostics.filter((d) => d.severity === 'error'));
  }
  if (warning > 0) err(`提示：数据有 ${warning} 个警告，运行 zhenggai check ${dir} 查看 (${warning} warning(s))`);
  return loaded.folder;
}

/** With --pdf, find LibreOffice before anything is written, so a missing one costs nothing. */
export async function requireSofficeIf(pdf: boolean): Promise<void> {
  if (pdf && (await findSoffice()) === undefined) throw new UserError(new SofficeNotFoundError().message);
}

export async function writeOutputs(files: readonly OutputFile[], out: Print): Promise<void> {
  for (const file of files) {
    await writeFileAtomic(file.path, file.data);
    out(`已写出 ${file.path}`);
  }
}

/** Convert Word and Excel outputs to PDF beside them in one LibreOffice run. */
export async function convertOutputsToPdf(files: readonly string[], out: Print): Promise<string[]> {
  try {
    const targets = await convertBeside(files);
    for (const target of targets) out(`已写出 ${target}`);
    return targets;
  } catch (error) {
    throw asUserError(error);
  }
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
