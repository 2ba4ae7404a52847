// PDFs next to the documents they come from, made in one LibreOffice launch.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { convertToPdf } from './pdf.js';

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

/** An input of convertInTemp: its extension, and how to put it in the temporary folder under the name given. */
interface TempInput {
  readonly extension: string;
  place(copy: string): Promise<void>;
}

/**
 * PDFs of Word and Excel files in one LibreOffice launch, in a temporary
 * folder (named with the process id, so a later run sweeps it if this one is
 * killed); each input is put there under a unique name. `then`, given the
 * first PDFs, returns further inputs converted in the same launch.
 */
async function convertInTemp(inputs: readonly TempInput[], then?: (pdfs: Buffer[]) => Promise<readonly TempInput[]>): Promise<Buffer[]> {
  const staging = await mkdtemp(path.join(os.tmpdir(), `zhenggai-pdf-${process.pid}-`));
  let count = 0;
  const placeAll = (list: readonly TempInput[]) =>
    Promise.all(
      list.map(async (input) => {
        const copy = path.join(staging, `${count++}${input.extension}`);
        await input.place(copy);
        return copy;
      }),
    );
  const readAll = (pdfs: readonly string[]) => Promise.all(pdfs.map((pdf) => readFile(pdf)));
  try {
    const first = await placeAll(inputs);
    const pdfs = await convertToPdf(first, staging, {}, then && (async (made) => placeAll(await then(await readAll(made)))));
    return await readAll(pdfs);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Convert Word and Excel files to PDFs beside them in one LibreOffice launch;
 * returns the PDF paths. `then` is called once the files' PDFs are written
 * beside them (with their paths) and returns further files, whose PDFs the
 * same launch makes (the packet's contents list, which counts the others'
 * pages); their paths follow in the result.
 */
export async function convertBeside(files: readonly string[], then?: (pdfs: readonly string[]) => Promise<readonly string[]>): Promise<string[]> {
  if (files.length === 0 && then === undefined) return [];
  const targets = pdfTargets(files);
  const copyOf = (file: string): TempInput => ({ extension: path.extname(file), place: (copy) => copyFile(file, copy) });
  let more: readonly string[] = [];
  const writeBeside = async (pdfs: readonly Buffer[], places: readonly string[]) => {
    for (const [i, pdf] of pdfs.entries()) await writeFileAtomic(places[i]!, pdf);
  };
  const pdfs = await convertInTemp(
    files.map(copyOf),
    then &&
      (async (made) => {
        await writeBeside(made, targets);
        more = await then(targets);
        return more.map(copyOf);
      }),
  );
  const moreTargets = pdfTargets([...files, ...more]).slice(files.length);
  await writeBeside(then ? pdfs.slice(files.length) : pdfs, then ? moreTargets : targets);
  return [...targets, ...moreTargets];
}

/** The PDFs of Word and Excel files held in memory, to be written with them (named by pdfTargets). */
export async function pdfsOf(files: ReadonlyArray<{ path: string; data: Uint8Array }>): Promise<Array<{ path: string; data: Buffer }>> {
  if (files.length === 0) return [];
  const targets = pdfTargets(files.map((f) => f.path));
  const pdfs = await convertInTemp(files.map((f) => ({ extension: path.extname(f.path), place: (copy) => writeFile(copy, f.data) })));
  return pdfs.map((data, i) => ({ path: targets[i]!, data }));
}

/** Pages of a PDF, from its page tree's largest /Count (LibreOffice writes it uncompressed). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  let pages = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    pages = Math.max(pages, Number(m[1] ?? m[2]));
  }
  return pages;
}
