// The case test/fixtures/cases/table-category-on-later-pages (issue 12): in
// the Word task table the 发现问题方式 cell is merged down over its problems,
// and a merged cell's text is drawn only on the page where it starts, so the
// rows a page break carried over showed no category. The renderer splits the
// merge where it estimates a page to start (render/docx/task-table.ts,
// mergeRestarts). Checked as a reader sees it: LibreOffice prints the table,
// and on every page the category column names the category of every problem
// that starts on that page — for the bundled plan, and for a plan whose one
// category runs over many pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { taskTableDocx } from '../../src/documents/task-table.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { squash } from '../helpers/expected.js';
import { syntheticPlan } from '../helpers/synthetic-plan.js';
import { tablePages, unlabelled, type TablePage } from '../helpers/table-pages.js';
import { describeWithTools } from '../helpers/tools.js';

describeWithTools(['soffice', 'pdftotext'], 'Word task table: the category on every page (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-categories-'));
  const profiles = mkdtempSync(join(tmpdir(), 'zhenggai-categories-profiles-'));
  let bundled: Plan;
  /**
   * One category over 150 short problems: many pages of one merged cell.
   * Texts are cut to a line or two, so that many rows share a page (and
   * every page starts a row: a page holding only the rest of a row taller
   * than a page cannot show the row's category, see mergeRestarts).
   */
  const many = syntheticPlan(150, { categories: 1, seed: 12 });
  const oneCategory: Plan = {
    ...many,
    problems: many.problems.map((p) => ({ ...p, summary: p.summary.slice(0, 16), measures: [p.measures[0]!.slice(0, 30)] })),
  };
  const pdf: Record<'bundled' | 'oneCategory', TablePage[]> = { bundled: [], oneCategory: [] };

  beforeAll(async () => {
    bundled = (await loadPlanFolder('data/guanyang-2022')).folder!.plan;
    const files = await Promise.all(
      (['bundled', 'oneCategory'] as const).map(async (name) => {
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, await taskTableDocx(name === 'bundled' ? bundled : oneCategory));
        return file;
      }),
    );
    const [a, b] = await convertToPdf(files, dir, { tempDir: profiles });
    pdf.bundled = tablePages(a!);
    pdf.oneCategory = tablePages(b!);
  }, 600_000);

  describe('the bundled plan', () => {
    it('spans several pages, every problem found on one', () => {
      expect(pdf.bundled.length).toBeGreaterThan(5);
      expect(pdf.bundled.flatMap((p) => p.numbers).sort((a, b) => a - b)).toEqual(bundled.problems.map((p) => p.number));
    });

    it('shows, on every page, the category of each problem that starts there', () => {
      expect(unlabelled(bundled, pdf.bundled)).toEqual([]);
    });

    it('shows a category label on every page', () => {
      const labels = bundled.categories.map((c) => squash(c.label));
      const bare = pdf.bundled.map((p, i) => ({ page: i + 1, text: p.categoryText })).filter((p) => !labels.some((l) => p.text.includes(l)));
      expect(bare).toEqual([]);
    });
  });

  describe('one category over many pages', () => {
    it('spans several pages', () => {
      expect(pdf.oneCategory.length).toBeGreaterThan(4);
      expect(pdf.oneCategory.flatMap((p) => p.numbers).sort((a, b) => a - b)).toEqual(oneCategory.problems.map((p) => p.number));
    });

    it('shows the category on every page', () => {
      const label = squash(oneCategory.categories[0]!.label);
      const bare = pdf.oneCategory.map((p, i) => ({ page: i + 1, text: p.categoryText })).filter((p) => !p.text.includes(label));
      expect(bare).toEqual([]);
      expect(unlabelled(oneCategory, pdf.oneCategory)).toEqual([]);
    });
  });
});
