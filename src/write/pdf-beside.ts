// PDFs next to the documents they come from, made in one LibreOffice run.
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

/**
 * PDFs of Word and Excel files in one LibreOffice run, in a temporary folder
 * (named with the process id, so a later run sweeps it if this one is
 * killed); `place` puts each input there, under a unique name.
 */
async function convertInTemp(extensions: readonly string[], place: (i: number, copy: string) => Promise<void>): Promise<Buffer[]> {
  const staging = await mkdtemp(path.join(os.tmpdir(), `zhenggai-pdf-${process.pid}-`));
  try {
    const inputs = await Promise.all(
      extensions.map(async (extension, i) => {
        const copy = path.join(staging, `${i}${extension}`);
        await place(i, copy);
        return copy;
      }),
    );
    const pdfs = await convertToPdf(inputs, staging);
    return await Promise.all(pdfs.map((pdf) => readFile(pdf)));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Convert Word and Excel files to PDFs beside them in one LibreOffice run; returns the PDF paths. */
export async function convertBeside(files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const targets = pdfTargets(files);
  const pdfs = await convertInTemp(
    files.map((file) => path.extname(file)),
    (i, copy) => copyFile(files[i]!, copy),
  );
  for (const [i, pdf] of pdfs.entries()) await writeFileAtomic(targets[i]!, pdf);
  return targets;
}

/** The PDFs of Word and Excel files held in memory, to be written with them (named by pdfTargets). */
export async function pdfsOf(files: ReadonlyArray<{ path: string; data: Uint8Array }>): Promise<Array<{ path: string; data: Buffer }>> {
  if (files.length === 0) return [];
  const targets = pdfTargets(files.map((f) => f.path));
  const pdfs = await convertInTemp(
    files.map((f) => path.extname(f.path)),
    (i, copy) => writeFile(copy, files[i]!.data),
  );
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
