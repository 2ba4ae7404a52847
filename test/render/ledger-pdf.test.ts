// The third level of docs/format.md#checking-output for the ledger: LibreOffice prints the
// workbook (every sheet), the pages are A4 landscape, every text of the data
// and both summary tables are there whole, the header repeats on every page of
// 台账, and the rows are coloured (the expression rules work in LibreOffice).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { measuresText } from '../../src/model/measures.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { formatPercent, type Tally } from '../../src/derive/statistics.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { STATUSES, type Progress } from '../../src/model/progress-schema.js';
import { ledgerXlsx } from '../../src/documents/ledger.js';
import { loadTemplates } from '../../src/templates/load.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { squash } from '../helpers/expected.js';
import { describeWithTools, runTool } from '../helpers/tools.js';

describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'], 'ledger PDF (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-ledger-pdf-'));
  let pdf: string;
  let plan: Plan;
  let history: Progress[];
  let view: PeriodView;

  beforeAll(async () => {
    const loaded = await loadPlanFolder('data/guanyang-2022');
    if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
    plan = loaded.folder.plan;
    history = loaded.folder.progress.map((p) => p.data);
    const of = (period: string) => history.find((p) => p.period === period)!;
    const result = derivePeriod(plan, of('2023-11'), of('2023-10'));
    if (!result.ok) throw new Error(result.message);
    view = result.view;
    const xlsx = join(dir, '整改台账-2023-11.xlsx');
    writeFileSync(xlsx, (await ledgerXlsx(plan, view, history, await loadTemplates())).buffer);
    [pdf] = await convertToPdf([xlsx], dir, { tempDir: dir });
  }, 300_000);

  const pageCount = () => Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [pdf]))![1]);
  const texts = new Map<number, string>();
  const pageText = (page: number) => {
    if (!texts.has(page)) texts.set(page, squash(runTool('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-'])));
    return texts.get(page)!;
  };
  const allText = () => squash(runTool('pdftotext', ['-raw', pdf, '-']));
  /** Pages of the 台账 sheet: from the first up to the page where 统计 begins. */
  const ledgerPages = () => {
    const summaryPage = Array.from({ length: pageCount() }, (_, i) => i + 1).find((p) => pageText(p).includes('按牵头单位统计'))!;
    return Array.from({ length: summaryPage - 1 }, (_, i) => i + 1);
  };

  it('is A3 landscape on every page', () => {
    const n = pageCount();
    const sizes = [...runTool('pdfinfo', ['-f', '1', '-l', String(n), pdf]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(sizes).toHaveLength(n);
    for (const [, w, h] of sizes) {
      expect(Number(w)).toBeCloseTo(1190.55, 0); // 420 mm
      expect(Number(h)).toBeCloseTo(841.89, 0); // 297 mm
    }
  });

  it('shows every problem’s texts whole: summary, measures, progress, reason, evidence', () => {
    const doc = allText();
    const missing: string[] = [];
    const check = (number: number, what: string, text: string | undefined) => {
      if (text && !doc.includes(squash(text))) missing.push(`problem ${number} ${what}: ${text.slice(0, 30)}`);
    };
    const period = history.find((p) => p.period === '2023-11')!;
    for (const p of plan.problems) {
      const entry = period.problems.find((e) => e.number === p.number)!;
      check(p.number, 'summary', p.summary);
      check(p.number, 'measures', measuresText(p.measures));
      check(p.number, 'progress', entry.progress);
      check(p.number, 'reason', entry.reason);
      for (const file of entry.evidence) check(p.number, 'evidence', file);
    }
    expect(missing).toEqual([]);
  });

  it('shows both summary tables, row by row, with the derived numbers', () => {
    const doc = allText();
    const row = (label: string, t: Tally) =>
      squash([label, t.total, ...STATUSES.map((s) => t.byStatus[s]), t.completed, t.overdue, formatPercent(t.completionRate), formatPercent(t.dueCompletionRate)].join(' '));
    const missing = [
      ...view.statistics.byLeadUnit.map((u) => row(u.unit.name, u)),
      ...view.statistics.byCategory.map((c) => row(c.category.label, c)),
      row('合计', view.statistics),
    ].filter((r) => !doc.includes(r));
    expect(missing).toEqual([]);
    // By hand (sample-period.test.ts): 21 reopened by a 反弹 leaves 13 completed, 5 closed, 8 in progress; 13 of 14 due.
    expect(doc).toContain(squash('合计 21 0 8 1 7 5 13 1 61.9% 92.9%'));
  });

  it('repeats the header on every page of 台账, and each problem is on one page', () => {
    const pages = ledgerPages();
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(pageText(p).split('整改措施').length - 1, `page ${p}`).toBe(1);
    for (const p of plan.problems) {
      const on = pages.filter((page) => pageText(page).includes(squash(p.summary)));
      expect(on, `problem ${p.number}`).toHaveLength(1);
    }
  });

  it('prints every text at 9 pt or more (pdftotext word boxes: 1.3 times the size for FandolFang, more for 黑体 and 小标宋)', () => {
    const xml = runTool('pdftotext', ['-bbox', pdf, '-']);
    const sizes = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => (Number(m[2]) - Number(m[1])) / 1.3);
    expect(sizes.length).toBeGreaterThan(1000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it('prints each unit sheet on a page of its own: the workbook is 台账, 统计, one page a unit and the 回头看 page', () => {
    const units = view.statistics.byLeadUnit.length;
    expect(pageCount()).toBe(ledgerPages().length + 1 + units + 1);
    // The last page is the 回头看 sheet: 21's 反弹, and its first round kept with its closure.
    expect(pageText(pageCount())).toContain(squash('第1轮：2023-07-31完成，2023-10-16销号（2023-11回头看反弹）'));
    expect(ledgerPages().length).toBeLessThanOrEqual(5);
  });

  it('colours the overdue row red and the completed rows green', () => {
    const pages = ledgerPages();
    const page8 = pages.find((p) => pageText(p).includes(squash(plan.problems[7]!.summary)))!;
    const page1 = pages.find((p) => pageText(p).includes(squash(plan.problems[0]!.summary)))!;
    expect(hasColour(page8, [0xff, 0xc7, 0xce])).toBe(true); // red fill, problem 8
    expect(hasColour(page1, [0xc6, 0xef, 0xce])).toBe(true); // green fill, problem 1
    expect(hasColour(page1, [0xff, 0xc7, 0xce])).toBe(false); // nothing overdue on the first page
  });

  /** Does the page, rendered small, have pixels of this colour? (P6 PPM: header, then RGB bytes.) */
  function hasColour(page: number, rgb: readonly [number, number, number]): boolean {
    const base = join(dir, `page-${page}`);
    runTool('pdftoppm', ['-r', '20', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
    const data = readFileSync(`${base}.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'))!;
    const pixels = data.subarray(header[0].length);
    const near = (a: number, b: number) => Math.abs(a - b) <= 3;
    for (let i = 0; i + 2 < pixels.length; i += 3) {
      if (near(pixels[i]!, rgb[0]) && near(pixels[i + 1]!, rgb[1]) && near(pixels[i + 2]!, rgb[2])) return true;
    }
    return false;
  }
});
