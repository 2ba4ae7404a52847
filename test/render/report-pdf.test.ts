// The progress report as a reader sees it: LibreOffice's PDF of the 2023-11
// sample report. The numbers are the hand-computed ones pinned in
// test/derive/sample-period.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { derivePeriod } from '../../src/derive/period.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import { reportDocx } from '../../src/documents/report.js';
import { loadTemplates } from '../../src/templates/load.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { squash } from '../helpers/expected.js';
import { emptyLinesAtFoot } from '../helpers/page-foot.js';
import { tablePages } from '../helpers/table-pages.js';
import { describeWithTools, runTool } from '../helpers/tools.js';

describeWithTools(['soffice', 'pdftotext', 'pdfinfo'], 'the 2023-11 progress report in LibreOffice', () => {
  let folder: PlanFolder;
  let pdf: string;
  let text: string;
  beforeAll(async () => {
    folder = (await loadPlanFolder('data/guanyang-2022')).folder!;
    const [, october, november] = folder.progress.map((p) => p.data);
    const view = derivePeriod(folder.plan, november!, october);
    if (!view.ok) throw new Error(view.message);
    const report = await reportDocx(folder.plan, view.view, november!, await loadTemplates());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-report-'));
    writeFileSync(path.join(dir, 'report.docx'), report.buffer);
    [pdf] = await convertToPdf([path.join(dir, 'report.docx')], dir);
    // A paragraph that runs over a page has the page number between its halves: take those out.
    text = squash(runTool('pdftotext', [pdf!, '-'])).replace(/—\d+—/g, '');
  });

  it('states the statistics with the right numbers', () => {
    // By hand (sample-period.test.ts): 21, reopened by the 2023-11-20 回头看, is not completed; its new deadline is not yet due.
    expect(text).toContain(squash('反馈的21个问题，已完成整改13个（其中已销号5个），正在推进8个，整改完成率61.9%'));
    expect(text).toContain(squash('已到整改时限的14个问题已完成13个，到期任务完成率92.9%'));
    expect(text).toContain(squash('本月对已完成整改的9个问题开展“回头看”，8个整改成果巩固，1个发现问题反弹（问题21）'));
    // The table shows its round under the status.
    expect(text).toContain(squash('推进中第2轮整改'));
  });

  it('names the overdue and the extended problem in the body, with the reason; every problem is in the table', () => {
    expect(text).toContain(squash('8．某村脱贫户于2015年进行D级危改，截止调查时点，危房仍未拆除。牵头单位：规建办；整改时限：10月底前完成，目前推进中，已逾期。未完成原因：户主对旧房拆除补助兑现方式有异议'));
    expect(text).toContain(squash('11．产业联农带农效果有待进一步提升。经批准，整改时限由“10月底前完成”调整为“12月底前完成”'));
    // The list of long-term problems wraps where it must, and the text reads through (the break is invisible).
    expect(text.replace(/\u200b/g, '')).toContain(squash('需长期坚持的问题9个（问题1、4、5、6、7、9、13、18、20），已完成整改7个'));
    // Table cells come out of pdftotext column by column, interleaved: look for each problem's first line,
    // which holds at least 8 characters (TEXT_COLUMN_MIN_EM).
    for (const problem of folder.plan.problems) expect(text, `problem ${problem.number}`).toContain(squash(problem.summary.slice(0, 8)));
    for (const status of ['已完成并长期坚持', '已销号', '推进中（逾期）', '7月28日完成', '11月10日销号']) expect(text).toContain(status);
  });

  it('has the chart with its Chinese labels, the 版头 and the attached table on landscape pages', () => {
    expect(text).toContain(squash('各牵头单位问题整改情况'));
    for (const unit of ['经发办', '农业服务中心', '规建办', '社保所', '党群办', '水利办']) expect(text).toContain(unit);
    expect(text).toContain(squash('官阳府文〔2023〕41号'));
    expect(text).toContain(squash('签发人：杨裕富'));
    const sizes = runTool('pdfinfo', ['-f', '1', '-l', '40', pdf]).match(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g) ?? [];
    expect(sizes[0]).toContain('595.3');
    expect(sizes[sizes.length - 1]).toContain('841.89 x 595.3');
  });

  it('fills its pages: no page of the text leaves more than two grid lines empty at its foot', () => {
    // Headings keep with the next paragraph; paragraphs may break anywhere (no widow/orphan
    // control): the 2023-11 report's first page used to end four lines early.
    const feet = emptyLinesAtFoot(pdf);
    const lastPortrait = feet.findIndex((f) => f === null) - 1;
    // The compact report's body (issue 12) takes about five portrait pages before the landscape table.
    expect(lastPortrait).toBeGreaterThan(2);
    // A chart cannot break: a page whose successor opens with the chart may end early by up to its height.
    const opensWithChart = (page: number) => squash(runTool('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])).includes('各牵头单位问题整改情况');
    const text = feet.slice(0, lastPortrait).map((empty, i) => ({ page: i + 1, empty }));
    expect(text.filter((p) => p.empty! > 2.2 && !opensWithChart(p.page + 1))).toEqual([]);
  });

  it('runs to at most 14 pages (issue 12: a careful clerk’s report of the same content runs 10–14)', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [pdf]))![1]);
    expect(pages).toBeLessThanOrEqual(14);
  });

  it('lists every problem once in the attached table (whose default columns carry no category: the category per page is tested on the task table)', () => {
    const pages = tablePages(pdf);
    expect(pages.flatMap((p) => p.numbers).sort((a, b) => a - b)).toEqual(folder.plan.problems.map((p) => p.number));
  });
});
