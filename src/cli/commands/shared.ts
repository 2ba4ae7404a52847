// What every document command does around its own rendering: load and check
// the plan folder (refusing data with errors), write atomically, report the
// files written, and convert to PDF on request.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runRules } from '../../check/run.js';
import { countBySeverity, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { UserError } from '../../errors.js';
import { loadPlanFolder, type PlanFolder } from '../../load/plan-folder.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { convertToPdf, findSoffice, PdfConversionError, SofficeNotFoundError } from '../../write/pdf.js';

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

/**
 * Where each file's PDF goes: beside it, named after it — and when a Word and
 * an Excel file share a name (the task table), the later one keeps its
 * extension in the PDF's name (表.pdf, 表.xlsx.pdf) rather than overwrite.
 */
export function pdfTargets(files: readonly string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const stem = path.join(path.dirname(file), path.basename(file, path.extname(file)));
    const target = taken.has(stem) ? `${file}.pdf` : `${stem}.pdf`;
    taken.add(stem);
    return target;
  });
}

/** Convert Word and Excel outputs to PDF beside them in one LibreOffice run. */
export async function convertOutputsToPdf(files: readonly string[], out: Print): Promise<string[]> {
  if (files.length === 0) return [];
  const targets = pdfTargets(files);
  const staging = await mkdtemp(path.join(os.tmpdir(), 'zhenggai-pdf-'));
  try {
    // Inputs are copied under unique names so one call can convert them all.
    const inputs = await Promise.all(
      files.map(async (file, i) => {
        const copy = path.join(staging, `${i}${path.extname(file)}`);
        await copyFile(file, copy);
        return copy;
      }),
    );
    const pdfs = await convertToPdf(inputs, staging);
    for (const [i, pdf] of pdfs.entries()) await writeFileAtomic(targets[i]!, await readFile(pdf));
  } catch (error) {
    if (error instanceof SofficeNotFoundError || error instanceof PdfConversionError) throw new UserError(error.message);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const target of targets) out(`已写出 ${target}`);
  return targets;
}
