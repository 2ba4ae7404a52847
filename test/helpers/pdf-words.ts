// Reading a PDF in tests with poppler's tools: its pages, their sizes, the
// text of a page as laid out, and the words with their boxes (pdftotext
// -bbox) — how the GB/T 9704 PDF checks measure places on the page
// (test/render/official-document-pdf.test.ts, the roll-up report's test).
import { runTool } from './tools.js';

/** A word on a page and its box, in PDF points from the page's top left. */
export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
}

export const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [file]))![1]);
export const pageSizes = (file: string) =>
  [...runTool('pdfinfo', ['-f', '1', '-l', String(pageCount(file)), file]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(([, w, h]) =>
    Number(w) < Number(h) ? 'portrait' : 'landscape',
  );
export const text = (file: string, page?: number) => runTool('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-']);
export const words = (file: string, page: number): Word[] =>
  [...runTool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, t]) => ({ text: t!, xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax) }),
  );
/** A line's words: those on the same baseline as the first word equal to `first`. */
export const lineOf = (all: Word[], first: string) => {
  const start = all.find((w) => w.text === first)!;
  return all.filter((w) => Math.abs(w.yMin - start.yMin) < 1);
};
