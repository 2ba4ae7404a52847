// What each page of a task table's PDF shows, read from pdftotext's word
// boxes: the problem numbers in the 序号 column and the text of the category
// column left of it (the default columns: 发现问题方式, 序号, …).
import type { Plan } from '../../src/model/plan-schema.js';
import { squash } from './expected.js';
import { runTool } from './tools.js';

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
}

/** What a page shows: the problem numbers in the 序号 column and the text of the category column left of it. */
export interface TablePage {
  readonly numbers: number[];
  readonly categoryText: string;
}

/** The words of the header's first column (发现\n问题方式), which stand lower than 序号. */
const HEADER_WORDS = new Set(['发现', '问题方式']);

export function tablePages(pdf: string): TablePage[] {
  const pages = runTool('pdftotext', ['-bbox', pdf, '-']).split('<page ').slice(1);
  return pages.map((page) => {
    const words: Word[] = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, xMin, yMin, xMax, text]) => ({
      text: text!,
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
    }));
    const serial = words.find((w) => w.text === '序号');
    if (serial === undefined) return { numbers: [], categoryText: '' };
    // Under the header's 序号, above the page number, without the header's own 发现/问题方式.
    const footer = Math.min(...words.filter((w) => w.text.includes('—')).map((w) => w.yMin));
    const body = words.filter((w) => w.yMin > serial.yMin + 5 && w.yMin < footer - 2 && !HEADER_WORDS.has(w.text));
    const numbers = body.filter((w) => w.xMin >= serial.xMin - 10 && w.xMax <= serial.xMax + 10 && /^\d+$/.test(w.text)).map((w) => Number(w.text));
    const category = body.filter((w) => w.xMax <= serial.xMin).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    return { numbers, categoryText: squash(category.map((w) => w.text).join('')) };
  });
}

/**
 * Per page, the problems that start on it whose category label the page does
 * not show — with `prefixChars`, whose label's first characters it does not
 * show (a row that starts on a page's last line prints only the first line
 * of its label there).
 */
export function unlabelled(plan: Plan, pages: readonly TablePage[], options: { prefixChars?: number } = {}): string[] {
  const labels = new Map(plan.categories.map((c) => [c.id, c.label]));
  const missing: string[] = [];
  pages.forEach((page, i) => {
    for (const number of page.numbers) {
      const label = labels.get(plan.problems.find((p) => p.number === number)!.category)!;
      const shown = options.prefixChars === undefined ? squash(label) : [...squash(label)].slice(0, options.prefixChars).join('');
      if (!page.categoryText.includes(shown)) missing.push(`page ${i + 1}: problem ${number} (${label})`);
    }
  });
  return missing;
}

