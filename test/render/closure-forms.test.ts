// Closure forms at the three levels of docs/format.md#checking-output. Expected sizes are
// written from the standard's 字号 (四号 14 pt = 28 half-points, 小四 12 pt = 24).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClosureForm } from '../../src/model/document/closure-form.js';
import { composeClosureFormsDocument, printClosureForm } from '../../src/compose/closure-forms.js';
import { closureFormBoxHeights, closureFormSizePt, renderClosureFormsDocx } from '../../src/render/docx/closure-forms.js';
import { loadTemplates } from '../../src/templates/load.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { describeWithTools, runPython, runTool } from '../helpers/tools.js';
import { squash } from '../helpers/expected.js';
import { unzip, zipText } from '../helpers/unzip.js';

const shortForm: ClosureForm = {
  kind: 'filled',
  number: 7,
  shownNumber: '7',
  source: '水环境问题',
  summary: '河道垃圾清理不及时。',
  measures: '一是开展清河行动。二是建立巡河制度。',
  done: '已清理河道12公里，建立巡河台账。',
  completedOn: '2024-05-20',
  leadUnits: '农办、林业站',
  evidence: [{ path: '7/清河记录.txt', period: '2024-05' }],
  closure: { date: '2024-06-10', approver: '乡纪委书记', opinion: '经现场核验，整改到位，同意销号。' },
};
const longForm: ClosureForm = {
  ...shortForm,
  kind: 'blank',
  number: 8,
  shownNumber: '8',
  closure: undefined,
  measures: Array.from({ length: 12 }, (_, i) => `第${i + 1}项措施：组织开展专项排查整治行动，逐户登记建立台账，明确责任人和完成时限，定期调度通报进展情况并纳入年度考核。`).join(''),
  done: '持续推进中。'.repeat(60),
};

const templates = await loadTemplates();
/** The forms as one file's model, worded by the bundled templates/closure-form.hbs. */
const formsDocument = (forms: ClosureForm[]) => composeClosureFormsDocument(forms, templates, '2024-06-30');

describe('closure form fitting', () => {
  it('uses 四号 when the form fits one page and 小四 when it does not', () => {
    expect(closureFormSizePt(printClosureForm(shortForm, templates).form.rows)).toEqual({ sizePt: 14, fitsOnePage: true });
    expect(closureFormSizePt(printClosureForm(longForm, templates).form.rows)).toEqual({ sizePt: 12, fitsOnePage: false });
  });
});

describe('closure forms compiled a batch at a time (issue 14, peak memory)', () => {
  it('give the same bytes as one document of every form, batches of any size', async () => {
    // Short and long forms, filled and blank, numbered apart: a batch's boundary falls between forms of every kind.
    const forms = Array.from({ length: 9 }, (_, i): ClosureForm => ({ ...(i % 3 === 1 ? longForm : shortForm), number: i + 1, shownNumber: String(i + 1) }));
    const whole = await renderClosureFormsDocx(formsDocument(forms), Infinity);
    const xml = zipText(whole, 'word/document.xml');
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(9);
    expect(xml).not.toContain('zhenggai-');
    for (const batch of [1, 2, 4, 7, 100]) expect((await renderClosureFormsDocx(formsDocument(forms), batch)).equals(whole)).toBe(true);
    // One form and two forms have no forms between the first and last.
    for (const n of [1, 2, 3]) expect((await renderClosureFormsDocx(formsDocument(forms.slice(0, n)), 1)).equals(await renderClosureFormsDocx(formsDocument(forms.slice(0, n)), Infinity))).toBe(true);
  });
});

describe('closure forms: XML', () => {
  let xml: string;
  beforeAll(async () => {
    xml = zipText(await renderClosureFormsDocx(formsDocument([shortForm, longForm])), 'word/document.xml');
  });
  it('puts each form on A4 portrait inside the GB/T 9704 margins', () => {
    expect(xml.match(/<w:pgSz w:w="11906" w:h="16838"/g)).toHaveLength(2);
    expect(xml).toContain('w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
  });
  it('sets 四号 on the fitting form and 小四 on the long one, with the eastAsia font slot', () => {
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:sz w:val="24"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });
  it('keeps the fitting form’s rows whole and lets the long form’s rows break', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables[0]).toContain('<w:cantSplit/>');
    expect(tables[1]).not.toContain('<w:cantSplit/>');
  });
  it('numbers the pages as GB/T 9704 §7.5 does: — N — in 四号宋体, odd right, even left, from 1, running on from form to form', async () => {
    const docx = await renderClosureFormsDocx(formsDocument([shortForm, longForm]));
    expect(zipText(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const sections = xml.split('<w:sectPr').slice(1);
    expect(sections).toHaveLength(2);
    // The first form's section declares the footers; every later one shows them by inheritance (one pair of parts, not a pair a form).
    expect(sections[0]).toMatch(/<w:footerReference w:type="default"/);
    expect(sections[0]).toMatch(/<w:footerReference w:type="even"/);
    expect(sections[1]).not.toContain('<w:footerReference');
    for (const section of sections) {
      // the number's top 7 mm under the type area: (35 − 7) mm less one 14 pt line
      expect(section).toContain(`w:footer="${Math.round((28 * 1440) / 25.4) - 280}"`);
    }
    expect(sections[0]).toContain('<w:pgNumType w:start="1"/>');
    expect(sections[1]).not.toContain('w:start=');
    const footers = [...unzip(docx).keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => zipText(docx, k));
    expect(footers).toHaveLength(2);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"') && f.includes('PAGE'))).toBe(true);
    for (const f of footers) {
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('— </w:t>');
    }
  });
  it('stretches the fitting form’s two opinion and signature boxes to fill the page, signatures at their foot', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    const heights = [...tables[0]!.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeGreaterThan(2000); // three blank lines and two signature lines of 四号 are 1750 + padding
    expect(tables[0]).toContain('<w:vAlign w:val="bottom"/>');
    // the long form, which runs over a page, is not stretched
    expect(tables[1]).not.toContain('w:hRule="atLeast"');
  });
  it('leaves a form with no room to spare as it is', () => {
    const rows = printClosureForm(shortForm, templates).form.rows;
    expect([...closureFormBoxHeights(rows, 14).keys()]).toEqual([6, 7]);
    const crowded = rows.map((row) => (row.kind === 'wide' && row.label === '整改措施' ? { ...row, lines: [longForm.measures.slice(0, 1100)] } : row));
    expect(closureFormBoxHeights(crowded, 14).size).toBe(0);
  });
  it('is byte-identical when rendered twice', async () => {
    const a = await renderClosureFormsDocx(formsDocument([shortForm]));
    const b = await renderClosureFormsDocx(formsDocument([shortForm]));
    expect(a.equals(b)).toBe(true);
  });
});

describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'python-docx-openpyxl'], 'closure forms read back and printed', () => {
  let docx: string;
  let pdf: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-closure-'));
    docx = path.join(dir, 'forms.docx');
    writeFileSync(docx, await renderClosureFormsDocx(formsDocument([shortForm, longForm])));
    [pdf] = await convertToPdf([docx], dir);
  });
  it('python-docx finds every field of the filled form in its table', () => {
    const cells = runPython<string[][]>(
      `
import json, sys, docx
d = docx.Document(json.load(sys.stdin))
print(json.dumps([[c.text for c in row.cells] for row in d.tables[0].rows], ensure_ascii=False))
`,
      docx,
    );
    const text = cells.flat().join('\n');
    for (const expected of ['7', '水环境问题', shortForm.summary, shortForm.measures, shortForm.done, '2024年5月20日', '农办、林业站', '1. 7/清河记录.txt（2024-05）', shortForm.closure!.opinion, '验收人（签字）：乡纪委书记', '2024年6月10日']) {
      expect(text).toContain(expected);
    }
  });
  it('fills the short form’s page: its last row ends within two grid lines of the type area’s foot, page numbered — 1 —', () => {
    const words = [...runTool('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, xMin, yMin, xMax, yMax, text]) => ({ text: text!, xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) }),
    );
    const mm = (pt: number) => (pt * 25.4) / 72;
    const typeFootMm = 37 + 225;
    const last = words.find((w) => w.text === '销号日期')!;
    expect(mm(last.yMax)).toBeLessThan(typeFootMm);
    expect(typeFootMm - mm(last.yMax)).toBeLessThan(2 * 10.2);
    // — 1 — on the right of an odd page, one 四号 character in from the type area's edge
    const number = words.filter((w) => mm(w.yMin) > typeFootMm);
    expect(number.map((w) => w.text).join('')).toBe('—1—');
    expect((184 - mm(number.at(-1)!.xMax)) / mm(14)).toBeCloseTo(1, 0);
  });
  it('prints the short form on one page and continues the long one onto a second, nothing lost', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [pdf]))![1]);
    expect(pages).toBe(3);
    expect(runTool('pdfinfo', [pdf])).toContain('595.304 x 841.89');
    const page1 = squash(runTool('pdftotext', ['-f', '1', '-l', '1', pdf, '-']));
    expect(page1).toContain(squash(shortForm.closure!.opinion));
    // The label column's words interleave with the value's lines in extracted text: take them out.
    // The page number stands between the halves of a cell a page divides: take it out too.
    const rest = squash(runTool('pdftotext', ['-f', '2', '-l', '3', pdf, '-'])).replace(/整改落实情况|及成效|—\d+—/g, '');
    expect(rest).toContain(squash(longForm.measures));
    expect(rest).toContain(squash(longForm.done));
    expect(rest).toContain('销号日期');
  });

  it('prints every page’s number, the later forms’ by the footers they inherit: — 1 — right, — 2 — left, — 3 — right', () => {
    const numbers = [1, 2, 3].map((page) => {
      const text = runTool('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
      const line = text.split('\n').filter((l) => /—\s*\d+\s*—/.test(l)).at(-1) ?? '';
      return { number: /—\s*(\d+)\s*—/.exec(line)?.[1], indent: line.length - line.trimStart().length };
    });
    expect(numbers.map((n) => n.number)).toEqual(['1', '2', '3']);
    // odd pages right (far from the left edge), even pages left
    expect(numbers[0]!.indent).toBeGreaterThan(numbers[1]!.indent + 20);
    expect(numbers[2]!.indent).toBeGreaterThan(numbers[1]!.indent + 20);
  });
});
