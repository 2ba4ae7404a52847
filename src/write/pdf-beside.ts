// PDFs next to the documents they come from, made in one LibreOffice run.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
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

/** Convert Word and Excel files to PDFs beside them in one LibreOffice run; returns the PDF paths. */
export async function convertBeside(files: readonly string[]): Promise<string[]> {
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
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return targets;
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
