// The third level of docs/format.md#checking-output for official documents: LibreOffice prints
// the notice for the bundled plan, a 上行文 report (签发人, seal, chart), the
// notice with a 版记, and pages of continuous text — one soffice run for all
// (beforeAll). Positions are measured on the page: pdftotext's word boxes,
// and the ink of a 300 dpi rendering. Expected places come from GB/T 9704.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OfficialDocument } from '../../src/model/document/official-document.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { renderOfficialDocument } from '../../src/render/docx/official-document.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { squash } from '../helpers/expected.js';
import { lineOf, pageCount, pageSizes, text, words } from '../helpers/pdf-words.js';
import { emptyLinesAtFoot } from '../helpers/page-foot.js';
import { describeWithTools, itWithTools, pdfFaces, runTool } from '../helpers/tools.js';
import { COLOPHON, CONTINUOUS_TEXT, PLAIN_TEXT, UP_REPORT, bundledNotice, inkBands, type InkBand } from './official-document.support.js';

const PT_PER_MM = 72 / 25.4;
/** GB/T 9704 §5.2.1: the type area is 37 mm from the top, 28 from the left, 156 × 225 mm. */
const TYPE_TOP_MM = 37;
const TYPE_LEFT_MM = 28;
const TYPE_RIGHT_MM = 28 + 156;
const TYPE_BOTTOM_MM = 37 + 225;
/** One 三号 character (16 pt) in mm. */
const CHAR_MM = 16 / PT_PER_MM;


describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm', 'pdffonts'], 'official documents in LibreOffice (PDF)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-od-pdf-'));
  const profiles = mkdtempSync(join(tmpdir(), 'zhenggai-od-profiles-'));
  const pdf: Record<'notice' | 'up' | 'colophon' | 'grid' | 'fewCounts', string> = { notice: '', up: '', colophon: '', grid: '', fewCounts: '' };
  let plan: Plan;
  let notice: OfficialDocument;
  let seconds = 0;

  beforeAll(async () => {
    ({ plan, doc: notice } = await bundledNotice());
    const docs: Record<keyof typeof pdf, OfficialDocument> = {
      notice,
      up: UP_REPORT,
      colophon: { ...notice, colophon: COLOPHON },
      grid: CONTINUOUS_TEXT,
      // the report with a chart of small counts (tallest column 2), where LibreOffice chose 0.5 steps
      fewCounts: {
        ...UP_REPORT,
        body: UP_REPORT.body.map((block) =>
          block.kind === 'chart' ? { ...block, chart: { ...block.chart, series: [{ name: '已完成', values: [1, 0, 1] }, { name: '推进中', values: [1, 1, 0] }] } } : block,
        ),
      },
    };
    const names = Object.keys(docs) as (keyof typeof pdf)[];
    const files = await Promise.all(
      names.map(async (name) => {
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, await renderOfficialDocument(docs[name]));
        return file;
      }),
    );
    const started = Date.now();
    const out = await convertToPdf(files, dir, { tempDir: profiles });
    seconds = (Date.now() - started) / 1000;
    names.forEach((name, i) => (pdf[name] = out[i]!));
  }, 600_000);

  it('converts five documents in one LibreOffice run', () => {
    expect(seconds).toBeGreaterThan(0);
    console.info(`LibreOffice: 5 documents in ${seconds.toFixed(1)} s`);
  });

  describe('the notice for the bundled plan', () => {
    it('is A4 portrait for the notice and the plan, then landscape for every page of the task table', () => {
      const sizes = pageSizes(pdf.notice);
      const firstLandscape = sizes.indexOf('landscape');
      expect(firstLandscape).toBeGreaterThan(1);
      expect(sizes.slice(0, firstLandscape).every((s) => s === 'portrait')).toBe(true);
      expect(sizes.slice(firstLandscape).every((s) => s === 'landscape')).toBe(true);
      const info = runTool('pdfinfo', ['-f', '1', '-l', String(sizes.length), pdf.notice]);
      expect(info).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+/);
      expect(info).toMatch(new RegExp(`Page\\s+${firstLandscape + 1} size:\\s+841\\.\\d+ x 595\\.\\d+`));
      // the table starts on the first landscape page, under 附件 and its title
      const first = squash(text(pdf.notice, firstLandscape + 1));
      expect(first.startsWith('附件')).toBe(true);
      expect(first).toContain(squash(plan.plan.attachmentTitle));
      expect(squash(text(pdf.notice, firstLandscape))).not.toContain('整改时限整改措施');
    });

    it('shows the 发文字号, the title, every problem summary and measure, the signature and its date', () => {
      // Page numbers stand between the halves of a paragraph that a page divides.
      const all = squash(text(pdf.notice)).replace(/—\d+—/g, '');
      for (const t of [plan.notice.issuerMark, plan.notice.docNumber, plan.notice.title, `${plan.notice.recipients}：`, plan.notice.signatory, '2023年9月7日', '（此件公开发布）', plan.plan.title]) {
        expect(all, t).toContain(squash(t));
      }
      const missing = plan.problems.filter((p) => ![p.summary, ...p.measures].every((t) => all.includes(squash(t)))).map((p) => p.number);
      expect(missing).toEqual([]);
    });

    it('numbers every page — N —, the table pages too', () => {
      const n = pageCount(pdf.notice);
      for (let p = 1; p <= n; p += 1) expect(squash(text(pdf.notice, p)), `page ${p}`).toContain(`—${p}—`);
    });

    it('fills the plan’s pages: none leaves more than two grid lines empty at its foot (headings kept with what follows, no widow control)', () => {
      const feet = emptyLinesAtFoot(pdf.notice);
      const lastPortrait = feet.findIndex((f) => f === null) - 1;
      // page 1 ends with the notice's 附注, the plan starts a page; the plan's last page ends before the table
      const plan = feet.slice(1, lastPortrait).map((empty, i) => ({ page: i + 2, empty }));
      expect(plan.length).toBeGreaterThan(8);
      expect(plan.filter((p) => p.empty! > 2.2)).toEqual([]);
    });

    it('names a category on every page of the attached task table (its merged cells split where a page may start)', () => {
      const sizes = pageSizes(pdf.notice);
      const labels = plan.categories.map((c) => squash(c.label));
      // -raw keeps a cell's wrapped lines together (-layout interleaves the columns).
      const raw = (page: number) => squash(runTool('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf.notice, '-']));
      const bare = sizes.flatMap((size, i) => (size === 'landscape' && !labels.some((l) => raw(i + 1).includes(l)) ? [i + 1] : []));
      expect(sizes.filter((s) => s === 'landscape').length).toBeGreaterThan(3);
      expect(bare).toEqual([]);
    });

    it('puts the mark’s top 35 mm under the type area, red, and the red line 4 mm under the 发文字号, full width', () => {
      const bands = inkBands(pdf.notice, 1);
      const [mark, number, line] = [bands[0]!, bands[1]!, bands[2]!];
      expect(mark.kind).toBe('red');
      expect(mark.top).toBeCloseTo(TYPE_TOP_MM + 35, 0); // ±0.5 mm
      expect(number.kind).toBe('dark');
      expect(line.kind).toBe('red');
      expect(line.top - number.bottom).toBeGreaterThan(3.5);
      expect(line.top - number.bottom).toBeLessThan(4.5);
      expect(line.left).toBeCloseTo(TYPE_LEFT_MM, 0);
      expect(line.right).toBeCloseTo(TYPE_RIGHT_MM, 0);
      expect(line.bottom - line.top).toBeLessThan(0.6); // a rule, not a block
    });

    it('starts the date two characters right of the 署名’s start', () => {
      const signatory = words(pdf.notice, 1).find((w) => w.text === plan.notice.signatory)!;
      const date = lineOf(words(pdf.notice, 1), '2023');
      const shift = (date[0]!.xMin - signatory.xMin) / PT_PER_MM / CHAR_MM;
      // Set from the left, the date's start does not depend on its digits (the stand-in Latin
      // face's are 9 % wider than Times New Roman's: set from the right it started 1.58 characters in).
      expect(Math.abs(shift - 2)).toBeLessThan(0.1);
      // 署名 right-indented two characters
      expect((595.3 - 26 * PT_PER_MM - signatory.xMax) / PT_PER_MM / CHAR_MM).toBeCloseTo(2, 0);
    });

    itWithTools(['fandol-fonts'], 'uses the faces fonts.conf maps the official names to, not a fallback', () => {
      const faces = pdfFaces(pdf.notice);
      expect(faces.some((f) => /^NotoSerifCJK\w*-Bold/.test(f)), '小标宋: Noto Serif CJK SC Bold').toBe(true);
      expect(faces, '仿宋').toContain('FandolFang-Regular');
      expect(faces.some((f) => /^NotoSansCJK\w*-Regular/.test(f)), '黑体: Noto Sans CJK SC').toBe(true);
      expect(faces, '楷体').toContain('FandolKai-Regular');
      expect(faces.some((f) => f.startsWith('UMingCN')), '宋体 (page numbers): AR PL UMing CN').toBe(true);
      // and nothing else: the Regular Noto Serif is Times New Roman's stand-in (digits, Latin letters)
      expect(faces.filter((f) => !/^(NotoSerifCJK\w*-(Bold|Regular)|FandolFang-Regular|NotoSansCJK\w*-Regular|FandolKai-Regular|UMingCN)/.test(f))).toEqual([]);
      expect(faces.join(' ')).not.toMatch(/DejaVu|IPA|Takao|VL-|UKai/);
    });
  });

  describe('the grid', () => {
    it('holds 22 lines of 28 characters on a full page of text', () => {
      const lines = text(pdf.grid, 2)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.includes('—'));
      expect(lines).toHaveLength(22);
      const counts = lines.map((l) => [...l.replace(/\s/g, '')].length);
      expect(Math.max(...counts)).toBe(28);
      // every line but a paragraph's first (26 after the two-character indent) and last is full
      expect(counts.filter((c) => c === 28).length).toBeGreaterThan(15);
      expect(squash(text(pdf.grid))).toContain(PLAIN_TEXT);
    });
  });

  describe('the 上行文 report', () => {
    it('puts the 发文字号 and 签发人 on one line, one character in from either side', () => {
      const line = lineOf(words(pdf.up, 1), '东府文〔2024〕3');
      expect(squash(line.map((w) => w.text).join(''))).toBe('东府文〔2024〕3号签发人：李明华');
      expect((line[0]!.xMin / PT_PER_MM - TYPE_LEFT_MM) / CHAR_MM).toBeCloseTo(1, 0);
      expect((TYPE_RIGHT_MM - line.at(-1)!.xMax / PT_PER_MM) / CHAR_MM).toBeCloseTo(1, 0);
      const bands = inkBands(pdf.up, 1);
      expect(bands[0]!.kind).toBe('red');
      expect(bands[0]!.top).toBeCloseTo(TYPE_TOP_MM + 35, 0);
      expect(bands[2]!.kind).toBe('red');
      expect(bands[2]!.top - bands[1]!.bottom).toBeCloseTo(4, 0);
    });

    it('labels the chart’s count axis in whole numbers, 0 to the tallest column, no half problems', () => {
      const axis = (file: string) => {
        const page = [...Array(pageCount(file)).keys()].map((i) => text(file, i + 1)).find((t) => t.includes('各牵头单位整改进展'))!;
        return { page, labels: page.split('\n').map((line) => line.trim()).filter((line) => /^\d+(\.\d+)?$/.test(line)) };
      };
      expect(axis(pdf.up).labels).toEqual(['6', '5', '4', '3', '2', '1', '0']);
      expect(axis(pdf.fewCounts).labels).toEqual(['2', '1', '0']);
      expect(axis(pdf.fewCounts).page).not.toMatch(/\b\d\.5\b/);
    });

    it('shows the headings, the chart’s title and categories, and a sealed signature centred over its date', () => {
      const all = squash(text(pdf.up));
      for (const t of ['一、总体进展', '（一）已完成事项', '1.建立工作台账', '（1）逐项核查', '各牵头单位整改进展', '自然资源所', '附件：1.整改台账', '2.销号审批表', '（联系人：王五）']) {
        expect(all, t).toContain(squash(t));
      }
      const last = pageCount(pdf.up);
      const ws = words(pdf.up, last);
      const signatory = ws.filter((w) => w.text === '东河镇人民政府').at(-1)!;
      const date = lineOf(ws, '2024');
      const dateEnd = date.at(-1)!.xMax;
      // date right-indented four characters
      expect((595.3 - 26 * PT_PER_MM - dateEnd) / PT_PER_MM / CHAR_MM).toBeCloseTo(4, 0);
      // 署名 centred over the date, within half a character
      const centre = (a: number, b: number) => (a + b) / 2;
      expect(Math.abs(centre(signatory.xMin, signatory.xMax) - centre(date[0]!.xMin, dateEnd)) / PT_PER_MM / CHAR_MM).toBeLessThan(0.5);
    });
  });

  describe('the notice with a 版记', () => {
    const last = (): number => pageCount(pdf.colophon);

    it('puts the 版记 alone on a last portrait page without a page number', () => {
      const page = squash(text(pdf.colophon, last()));
      expect(page).toContain(squash(`抄送：${COLOPHON.cc.join('，')}。`));
      expect(page).toContain(squash(`${COLOPHON.printer}2024年7月8日印发`));
      expect(page).not.toContain('—');
      expect(pageSizes(pdf.colophon).at(-1)).toBe('portrait');
      expect(squash(text(pdf.colophon, last() - 1))).not.toContain('抄送');
    });

    it('stands on an even page, after a blank page when the text ends on an odd one (§7.4)', () => {
      expect(last() % 2).toBe(0);
    });

    it('draws three full-width rules, the last on the type area’s foot', () => {
      const rules = inkBands(pdf.colophon, last()).filter((b: InkBand) => b.bottom - b.top < 0.6 && b.right - b.left > 150);
      expect(rules).toHaveLength(3);
      for (const r of rules) {
        expect(r.left).toBeCloseTo(TYPE_LEFT_MM, 0);
        expect(r.right).toBeCloseTo(TYPE_RIGHT_MM, 0);
      }
      const foot = rules.at(-1)!;
      expect(TYPE_BOTTOM_MM - foot.bottom).toBeGreaterThanOrEqual(0);
      expect(TYPE_BOTTOM_MM - foot.bottom).toBeLessThan(1.5);
      // the outer rules (0.35 mm) are thicker than the inner one (0.25 mm)
      expect(rules[0]!.bottom - rules[0]!.top).toBeGreaterThan(rules[1]!.bottom - rules[1]!.top);
    });

    it('puts 印发机关 one character in on the left and the date one character in on the right, on one line', () => {
      const line = lineOf(words(pdf.colophon, last()), COLOPHON.printer);
      const fourHao = 14 / PT_PER_MM;
      expect((line[0]!.xMin / PT_PER_MM - TYPE_LEFT_MM) / fourHao).toBeCloseTo(1, 0);
      expect((TYPE_RIGHT_MM - line.at(-1)!.xMax / PT_PER_MM) / fourHao).toBeCloseTo(1, 0);
    });
  });
});
