// A unit form printed (issue 12): LibreOffice prints the busiest unit's form on
// A3 landscape with every text at 9 pt or more (it printed at 3.7 pt on A4
// before), the header repeated on each page, and every pre-filled text whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { composeUnitForm } from '../../src/compose/forms.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { progressSchema } from '../../src/model/progress-schema.js';
import { renderUnitFormXlsx } from '../../src/render/xlsx/forms.js';
import { loadTemplates } from '../../src/templates/load.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { squash } from '../helpers/expected.js';
import { describeWithTools, runTool } from '../helpers/tools.js';

describeWithTools(['soffice', 'pdftotext', 'pdfinfo'], 'unit form PDF (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-form-pdf-'));
  let pdf: string;
  const plan = planSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')));
  const previous = progressSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/progress/2023-11.json', 'utf8')));
  let model: ReturnType<typeof composeUnitForm>;

  beforeAll(async () => {
    model = composeUnitForm({ plan, planName: 'guanyang-2022', period: '2023-12', previous, templates: await loadTemplates() }, '经发办');
    const xlsx = join(dir, '经发办.xlsx');
    writeFileSync(xlsx, (await renderUnitFormXlsx(model)).buffer);
    [pdf] = await convertToPdf([xlsx], dir, { tempDir: dir });
  }, 300_000);

  it('is A3 landscape on every page', () => {
    const n = Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [pdf]))![1]);
    const sizes = [...runTool('pdfinfo', ['-f', '1', '-l', String(n), pdf]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(sizes).toHaveLength(n);
    for (const [, w, h] of sizes) {
      expect(Number(w)).toBeCloseTo(1190.55, 0);
      expect(Number(h)).toBeCloseTo(841.89, 0);
    }
  });

  it('prints every text at 9 pt or more (word boxes are 1.3 times the size)', () => {
    const xml = runTool('pdftotext', ['-bbox', pdf, '-']);
    const sizes = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => (Number(m[2]) - Number(m[1])) / 1.3);
    expect(sizes.length).toBeGreaterThan(500);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it('shows every pre-filled text whole', () => {
    const doc = squash(runTool('pdftotext', ['-raw', pdf, '-']));
    const missing = model.rows.flatMap((r) => [r.plan.summary, r.plan.measures, r.answers.progress ?? ''].filter((t) => t !== '' && !doc.includes(squash(t))).map((t) => `${r.plan.number}: ${t.slice(0, 20)}`));
    expect(missing).toEqual([]);
  });
});
