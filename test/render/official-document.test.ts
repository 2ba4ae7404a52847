// The official document in Word at two levels of docs/format.md#checking-output: the XML inside
// the docx, and python-docx (Debian's python3) reading it back. The PDF level
// is official-document-pdf.test.ts. Expected numbers are written here from
// GB/T 9704-2012 (mm × 1440 / 25.4, 字号 in half-points), not imported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OfficialDocument } from '../../src/model/document/official-document.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { measuresText } from '../../src/model/measures.js';
import { renderOfficialDocument } from '../../src/render/docx/official-document.js';
import { categoryLabelsCrowd, countAxis } from '../../src/render/docx/chart.js';
import { noticeDocx as buildNoticeDocx } from '../../src/documents/notice.js';
import { loadTemplates } from '../../src/templates/load.js';
import { expectedTexts } from '../helpers/expected.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { unzip, zipText } from '../helpers/unzip.js';
import { attrs, eastAsia, paragraph, paragraphs, runs, sections, size, textOf } from '../helpers/docx-xml.js';
import { COLOPHON, UP_REPORT, bundledNotice } from './official-document.support.js';

const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** One 三号 character: 16 pt = 320 twip. */
const CHAR = 320;

let plan: Plan;
let notice: OfficialDocument;
let noticeDocx: Buffer;
let noticeXml: string;
let upDocx: Buffer;
let upXml: string;
let colophonDocx: Buffer;

beforeAll(async () => {
  ({ plan, doc: notice } = await bundledNotice());
  noticeDocx = await renderOfficialDocument(notice);
  noticeXml = zipText(noticeDocx, 'word/document.xml');
  upDocx = await renderOfficialDocument(UP_REPORT);
  upXml = zipText(upDocx, 'word/document.xml');
  colophonDocx = await renderOfficialDocument({ ...notice, colophon: COLOPHON });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('official document: page and grid (XML)', () => {
  it('is A4 portrait with the GB/T 9704 margins 37/26/35/28 mm in its first section', () => {
    const first = sections(noticeXml)[0]!;
    expect(attrs(first, 'w:pgSz')[0]).toMatchObject({ 'w:w': String(mm(210)), 'w:h': String(mm(297)) });
    expect(mm(210)).toBe(11906);
    expect(attrs(first, 'w:pgMar')[0]).toMatchObject({ 'w:top': '2098', 'w:right': '1474', 'w:bottom': '1984', 'w:left': '1587' });
    expect([mm(37), mm(26), mm(35), mm(28)]).toEqual([2098, 1474, 1984, 1587]);
    expect(attrs(first, 'w:pgNumType')[0]).toMatchObject({ 'w:start': '1' });
  });

  it('sets body paragraphs on exact 579-twip lines (22 in 225 mm) with −5 twip character spacing (28 a line)', () => {
    const body = paragraph(noticeXml, plan.notice.body[0]!);
    expect(body).toContain('w:line="579" w:lineRule="exact"');
    expect(Math.floor(mm(225) / 22)).toBe(579);
    expect(body).toContain('<w:ind w:firstLine="640"/>'); // two 三号 characters
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(Math.floor(mm(156) / 28) - CHAR).toBe(-5);
    expect(body).toContain('<w:jc w:val="both"/>');
    // written out so LibreOffice does not hang (and lose) a comma past the margin
    expect(body).toContain('<w:overflowPunct/>');
  });

  it('names the face of every run in its eastAsia slot, Times New Roman for Latin', () => {
    const all = runs(noticeXml).filter((r) => r.includes('<w:t'));
    expect(all.length).toBeGreaterThan(50);
    for (const r of all) {
      expect(eastAsia(r), textOf(r)).toBeDefined();
      expect(r).toContain('w:ascii="Times New Roman"');
    }
    expect(runs(paragraph(noticeXml, plan.notice.body[0]!))[0]).toMatch(/w:eastAsia="仿宋_GB2312"/);
  });

  it('sets the title in 二号 (44 half-points) 方正小标宋简体, centred, its lines as given', () => {
    const title = paragraph(noticeXml, notice.title.lines[0]!);
    expect(title).toContain('<w:jc w:val="center"/>');
    for (const r of runs(title)) {
      expect(eastAsia(r)).toBe('方正小标宋简体');
      expect(size(r)).toBe('44');
    }
    expect(textOf(title)).toBe(notice.title.lines.join(''));
    expect(title.match(/<w:br\/>/g)).toHaveLength(notice.title.lines.length - 1);
  });

  it('sets the body in 三号 (32 half-points) 仿宋_GB2312', () => {
    for (const r of runs(paragraph(noticeXml, plan.notice.body[0]!))) {
      expect(size(r)).toBe('32');
      expect(eastAsia(r)).toBe('仿宋_GB2312');
    }
  });

  it('numbers headings and sets them 黑体 / 楷体_GB2312 / 仿宋 by level', () => {
    expect(eastAsia(runs(paragraph(noticeXml, `一、${plan.plan.goal.heading}`))[0]!)).toBe('黑体');
    expect(eastAsia(runs(paragraph(noticeXml, `（一）${plan.categories[0]!.heading}`))[0]!)).toBe('楷体_GB2312');
    expect(eastAsia(runs(paragraph(upXml, '1.建立工作台账'))[0]!)).toBe('仿宋_GB2312');
    expect(eastAsia(runs(paragraph(upXml, '（1）逐项核查'))[0]!)).toBe('仿宋_GB2312');
    expect(eastAsia(runs(paragraph(upXml, '一、总体进展'))[0]!)).toBe('黑体');
  });

  it('sets a run-in heading in the heading face and its text in body face, in one paragraph', () => {
    const item = plan.plan.requirements.items[0]!;
    const p = paragraph(noticeXml, `（一）${item.heading}`);
    const [head, text] = runs(p);
    expect(textOf(head!)).toBe(`（一）${item.heading}`);
    expect(eastAsia(head!)).toBe('楷体_GB2312');
    expect(textOf(text!)).toBe(item.text);
    expect(eastAsia(text!)).toBe('仿宋_GB2312');
  });
});

describe('official document: 版头 (XML)', () => {
  it('sets the 发文机关标志 red in 方正小标宋简体, centred, 35 mm below the type area’s top', () => {
    const mark = paragraph(noticeXml, plan.notice.issuerMark);
    const run = runs(mark)[0]!;
    expect(run).toContain('<w:color w:val="FF0000"/>');
    expect(eastAsia(run)).toBe('方正小标宋简体');
    expect(mark).toContain(`w:before="${mm(35)}"`);
    expect(mark).toContain('<w:jc w:val="center"/>');
    // 12 characters: 初号 (42 pt) needs 504 pt of the 442 pt type area, 小初 (36 pt) 432 pt fits.
    expect(size(run)).toBe('72');
  });

  it('centres the 发文字号 two blank lines under the mark, and draws the red line under it, full width', () => {
    const all = paragraphs(noticeXml);
    const at = all.findIndex((p) => textOf(p) === plan.notice.issuerMark);
    expect(all.slice(at + 1, at + 3).map(textOf)).toEqual(['', '']);
    const number = all[at + 3]!;
    expect(textOf(number)).toBe(plan.notice.docNumber);
    expect(number).toContain('<w:jc w:val="center"/>');
    const line = all[at + 4]!;
    expect(textOf(line)).toBe('');
    expect(line).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="8" w:space="0"\/><\/w:pBdr>/);
    expect(line).not.toContain('<w:ind');
    // two blank lines, then the title
    expect(all.slice(at + 5, at + 7).map(textOf)).toEqual(['', '']);
    expect(textOf(all[at + 7]!)).toBe(notice.title.lines.join(''));
  });

  it('puts a 上行文’s 发文字号 one character in on the left and 签发人 (name in 楷体) one in on the right', () => {
    const line = paragraph(upXml, '东府文〔2024〕3号');
    expect(line).toContain(`w:left="${CHAR}"`);
    expect(line).toContain(`<w:tab w:val="right" w:pos="${mm(156) - CHAR}"/>`);
    const rs = runs(line);
    expect(rs.map(textOf)).toEqual(['东府文〔2024〕3号', '签发人：', '李明华']);
    expect(rs[0]).toContain('<w:tab/>');
    expect(eastAsia(rs[1]!)).toBe('仿宋_GB2312');
    expect(eastAsia(rs[2]!)).toBe('楷体_GB2312');
    // 7 characters: 初号 fits (7 × 42 = 294 pt)
    expect(size(runs(paragraph(upXml, '东河镇人民政府'))[0]!)).toBe('84');
  });
});

describe('official document: 主体 to 附注 (XML)', () => {
  it('ends the 主送机关 with a full-width colon, flush left, one blank line under the title', () => {
    const all = paragraphs(noticeXml);
    const at = all.findIndex((p) => textOf(p) === `${plan.notice.recipients}：`);
    expect(at).toBeGreaterThan(0);
    expect(textOf(all[at - 1]!)).toBe('');
    expect(textOf(all[at - 2]!)).toBe(notice.title.lines.join(''));
    expect(all[at]).not.toContain('<w:ind');
  });

  it('right-indents the 署名 two characters and sets the date from the left two characters right of its start (no seal)', () => {
    const signatory = paragraph(noticeXml, plan.notice.signatory, true);
    const date = paragraph(noticeXml, '2023年9月7日', true);
    expect(signatory).toContain('<w:jc w:val="right"/>');
    expect(signatory).toContain(`w:right="${2 * CHAR}"`);
    // The 署名 printed at 三号 with −5 twip a character: 巫山县官阳镇人民政府 = 10 em. It starts
    // 156 mm (8844 twip) − 2 characters − its width from the left; the date is set from the left two
    // characters further, so its digits' width in the printing face cannot move its start.
    const signatoryWidth = 10 * CHAR - 10 * 5;
    expect(date).toContain('<w:jc w:val="left"/>');
    expect(date).toContain(`w:left="${8844 - 2 * CHAR - signatoryWidth + 2 * CHAR}"`);
    expect(signatory).toContain('<w:keepNext/>');
  });

  it('with a seal, right-indents the date four characters and centres the 署名 over it', () => {
    // The mark says 东河镇人民政府 too: the 署名 is the last paragraph with that text.
    const signatory = paragraphs(upXml).filter((p) => textOf(p) === '东河镇人民政府').at(-1)!;
    const date = paragraph(upXml, '2024年7月5日', true);
    expect(date).toContain(`w:right="${4 * CHAR}"`);
    const signatoryWidth = 7 * CHAR - 7 * 5;
    const dateWidth = (3 + 4 * 0.5 + 2 * 0.5 + 5 * 0.2) * CHAR - 9 * 5;
    expect(signatory).toContain(`w:right="${4 * CHAR + Math.round((dateWidth - signatoryWidth) / 2)}"`);
  });

  it('puts the 附注 in full-width parentheses, two characters in, on the line after the date', () => {
    const all = paragraphs(noticeXml);
    const at = all.findIndex((p) => textOf(p) === '（此件公开发布）');
    expect(textOf(all[at - 1]!)).toBe('2023年9月7日');
    expect(all[at]).toContain(`w:left="${2 * CHAR}"`);
  });

  it('writes the 附件说明 after the plan: 附件：name, wrapped lines under the name’s first character', () => {
    const note = paragraph(noticeXml, '附件：');
    expect(textOf(note)).toBe(`附件：${plan.plan.attachmentTitle}`);
    // 2 characters in, hanging by 附件： (3 characters of 315 twip)
    expect(note).toContain(`<w:ind w:left="${2 * CHAR + 3 * (CHAR - 5)}" w:hanging="${3 * (CHAR - 5)}"/>`);
  });

  it('numbers several attachments 1. 2. with a tab stop where every name starts', () => {
    const first = paragraph(upXml, '附件：1.');
    const second = paragraph(upXml, '2.');
    expect(textOf(first)).toBe('附件：1.整改台账');
    expect(textOf(second)).toBe('2.销号审批表');
    const left = /w:left="(\d+)"/.exec(first)![1];
    expect(second).toContain(`w:left="${left}"`);
    expect(first).toContain(`<w:tab w:val="left" w:pos="${left}"/>`);
  });

  it('starts the plan on a new page under its own title', () => {
    const title = paragraph(noticeXml, plan.plan.titleLines![0]!);
    expect(title).toContain('<w:pageBreakBefore/>');
    expect(new Set(runs(title).map(eastAsia))).toEqual(new Set(['方正小标宋简体']));
  });

  it('turns widow/orphan control off on every grid paragraph, so pages fill to the last line; headings keep with what follows', () => {
    const grid = paragraphs(noticeXml).filter((p) => p.includes('<w:overflowPunct/>') && p.includes('w:line="579" w:lineRule="exact"'));
    expect(grid.length).toBeGreaterThan(50);
    for (const p of grid) expect(p).toContain('<w:widowControl w:val="false"/>');
    const heading = paragraphs(noticeXml).find((p) => textOf(p).startsWith('一、'))!;
    expect(heading).toContain('<w:keepNext/>');
  });

  it('writes a chart block as a native chart in a paragraph without an exact line', () => {
    const files = unzip(upDocx);
    const chart = files.get('word/charts/chart1.xml')!.data.toString('utf8');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    for (const name of ['财政所', '自然资源所', '市场监管所', '已完成', '推进中', '各牵头单位整改进展']) expect(chart).toContain(name);
    const holder = paragraphs(upXml).find((p) => p.includes('<c:chart '))!;
    expect(holder).not.toContain('w:lineRule="exact"');
  });

  it('gives the chart a whole-number count axis: 0 to the tallest column, steps of 1, labels without decimals', () => {
    const chart = unzip(upDocx).get('word/charts/chart1.xml')!.data.toString('utf8');
    const valAx = /<c:valAx>[\s\S]*<\/c:valAx>/.exec(chart)![0];
    // columns of 5 + 1, 2 + 2, 1 + 0: the tallest is 6
    expect(valAx).toContain('<c:max val="6"/>');
    expect(valAx).toContain('<c:min val="0"/>');
    expect(valAx).toContain('<c:majorUnit val="1"/>');
    expect(valAx).toContain('<c:numFmt formatCode="0" sourceLinked="0"/>');
  });

  it('turns the category labels on their side when they would crowd across (every column labelled), and leaves them across otherwise', async () => {
    // The axis holds (589 px × 15 twip/px) / 240 twip − 5 = 31.8 em of 小四; a label pair crowds when their half widths and 0.5 em exceed a column.
    expect(categoryLabelsCrowd(['经发办', '农业服务中心', '规建办', '社保所', '党群办', '水利办'])).toBe(false); // 5.3 em a column; (3 + 6) / 2 + 0.5 = 5
    expect(categoryLabelsCrowd(Array.from({ length: 8 }, () => '经发办'))).toBe(false); // 3.98 em; 3.5
    expect(categoryLabelsCrowd(Array.from({ length: 10 }, () => '经发办'))).toBe(true); // 3.18 em; 3.5
    const units = Array.from({ length: 15 }, (_, i) => `单位${i}`);
    const crowded: OfficialDocument = {
      ...UP_REPORT,
      body: UP_REPORT.body.map((block) =>
        block.kind === 'chart' ? { ...block, chart: { ...block.chart, categories: units, series: block.chart.series.map((s) => ({ ...s, values: units.map((_, i) => i % 4) })) } } : block,
      ),
    };
    const catAx = (docx: Buffer) => /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(unzip(docx).get('word/charts/chart1.xml')!.data.toString('utf8'))![0];
    expect(catAx(await renderOfficialDocument(crowded))).toContain('<a:bodyPr rot="-5400000"');
    expect(catAx(upDocx)).toContain('<a:bodyPr rot="-60000000"'); // three labels: the reader's own choice, across
  });

  it('chooses steps of 1, 2, 5, 10 … with at most eight of them', () => {
    const axis = (values: number[]) => countAxis({ type: 'stackedColumn', title: 't', categories: values.map(String), series: [{ name: 's', values }] });
    expect(axis([0, 1, 2])).toEqual({ minimum: 0, maximum: 2, interval: 1, numberFormat: '0' });
    expect(axis([0, 0])).toMatchObject({ maximum: 1, interval: 1 }); // nothing yet: still 0 and 1, not 0–0
    expect(axis([8])).toMatchObject({ maximum: 8, interval: 1 });
    expect(axis([9, 13])).toMatchObject({ maximum: 14, interval: 2 });
    expect(axis([40])).toMatchObject({ maximum: 40, interval: 5 });
    expect(axis([41])).toMatchObject({ maximum: 50, interval: 10 });
    expect(axis([0.5, 1])).toEqual({}); // not counts: the application's own axis
  });
});

describe('official document: attachments, page numbers, 版记 (XML)', () => {
  it('turns on odd/even footers and gives every section both', () => {
    expect(zipText(noticeDocx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    for (const s of sections(noticeXml)) {
      expect(s).toMatch(/<w:footerReference w:type="default"/);
      expect(s).toMatch(/<w:footerReference w:type="even"/);
    }
  });

  it('puts the task table in a landscape section with the margins turned, numbering continued', () => {
    const all = sections(noticeXml);
    expect(all).toHaveLength(2);
    const landscape = all[1]!;
    expect(attrs(landscape, 'w:pgSz')[0]).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(attrs(landscape, 'w:pgMar')[0]).toMatchObject({ 'w:top': String(mm(28)), 'w:right': String(mm(37)), 'w:bottom': String(mm(26)), 'w:left': String(mm(35)) });
    expect(attrs(landscape, 'w:pgNumType')[0] ?? {}).not.toHaveProperty('w:start');
  });

  it('labels the attachment 附件 in 三号黑体 and gives its title in 二号小标宋', () => {
    const label = paragraphs(noticeXml).find((p) => textOf(p) === '附件')!;
    expect(eastAsia(runs(label)[0]!)).toBe('黑体');
    expect(size(runs(label)[0]!)).toBe('32');
    expect(noticeXml).toContain(plan.plan.attachmentTitleLines![1]!);
  });

  it('starts a blocks attachment on a new portrait page: 附件2 label, title on the third line, then its text', async () => {
    const doc: OfficialDocument = {
      ...UP_REPORT,
      attachments: [{ label: '附件2', title: { lines: ['销号审批表'] }, content: { kind: 'blocks', blocks: [{ kind: 'paragraph', text: '正文一段。' }] }, orientation: 'portrait' }],
    };
    const xml = zipText(await renderOfficialDocument(doc), 'word/document.xml');
    const all = sections(xml);
    expect(all).toHaveLength(2);
    expect(attrs(all[1]!, 'w:pgSz')[0]).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const texts = paragraphs(xml.slice(xml.indexOf(all[0]!) + all[0]!.length)).map(textOf);
    expect(texts).toEqual(['附件2', '', '销号审批表', '', '正文一段。']);
    const label = paragraphs(xml).find((p) => textOf(p) === '附件2')!;
    expect(eastAsia(runs(label)[0]!)).toBe('黑体');
  });

  it('adds the 版记 only when the data has one: an even-page section without page numbers', () => {
    expect(sections(noticeXml).some((s) => s.includes('evenPage'))).toBe(false);
    const xml = zipText(colophonDocx, 'word/document.xml');
    const last = sections(xml).at(-1)!;
    expect(last).toContain('<w:type w:val="evenPage"/>');
    const footers = [...last.matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!);
    const rels = zipText(colophonDocx, 'word/_rels/document.xml.rels');
    for (const id of footers) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
      expect(zipText(colophonDocx, `word/${target}`)).not.toContain('PAGE');
    }
  });

  it('sets the 版记 in 四号仿宋 between full-width rules of 0.35 and 0.25 mm', () => {
    const xml = zipText(colophonDocx, 'word/document.xml');
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
    // 0.35 mm = 0.99 pt = 8 eighths; 0.25 mm = 0.71 pt = 6 eighths
    expect(table).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(table).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(table).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"/);
    expect(attrs(table, 'w:tblW')[0]).toMatchObject({ 'w:w': String(mm(156)) });
    const texts = paragraphs(table).map(textOf);
    expect(texts).toEqual([`抄送：${COLOPHON.cc.join('，')}。`, `${COLOPHON.printer}2024年7月8日印发`]);
    for (const r of runs(table)) {
      expect(size(r)).toBe('28');
      expect(eastAsia(r)).toBe('仿宋_GB2312');
    }
  });
});

describe('official document: bytes', () => {
  it('gives identical bytes at another time, dated with the notice’s date', async () => {
    expect(zipText(noticeDocx, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-09-07T00:00:00Z</dcterms:created>');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    expect(Buffer.compare(await renderOfficialDocument(notice), noticeDocx)).toBe(0);
    expect(Buffer.compare(await renderOfficialDocument(UP_REPORT), upDocx)).toBe(0);
  });

  it('noticeDocx is composeNotice + renderOfficialDocument', async () => {
    expect(Buffer.compare(await buildNoticeDocx(plan, await loadTemplates()), noticeDocx)).toBe(0);
  });
});

// --- python-docx ---------------------------------------------------------------------

const PYTHON_DOCX_READ = `
import json, sys, docx
req = json.load(sys.stdin)
d = docx.Document(req['path'])
print(json.dumps({
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  'sections': [[int(s.orientation), s.page_width.twips, s.page_height.twips] for s in d.sections],
}, ensure_ascii=False))
`;

interface DocxView {
  paragraphs: string[];
  tables: string[][][];
  sections: [number, number, number][];
}

/** Where each expected paragraph is among `found`, in order; -1 where one is missing or out of order. */
function positionsInOrder(found: readonly string[], expected: readonly string[]): number[] {
  let from = 0;
  return expected.map((text) => {
    const at = found.indexOf(text, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

describeWithTools(['python-docx-openpyxl'], 'official document: python-docx reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-od-'));
  let view: DocxView;

  beforeAll(() => {
    const path = join(dir, 'notice.docx');
    writeFileSync(path, noticeDocx);
    view = runPython<DocxView>(PYTHON_DOCX_READ, { path });
  });

  it('reads the notice’s paragraphs in the order of the data', () => {
    const n = plan.notice;
    const p = plan.plan;
    const problemParagraphs = plan.problems.flatMap((problem) => [`${problem.number}．${problem.summary}`]);
    const expected = [
      n.issuerMark,
      n.docNumber,
      notice.title.lines.join('\n'),
      `${n.recipients}：`,
      ...n.body,
      n.signatory,
      '2023年9月7日',
      '（此件公开发布）',
      p.titleLines!.join('\n'),
      ...p.preamble,
      `一、${p.goal.heading}`,
      ...p.goal.paragraphs,
      `二、${p.problemsHeading}`,
      ...problemParagraphs,
      `三、${p.requirements.heading}`,
      ...p.requirements.items.map((item, i) => `（${'一二三四五六七八九十'[i]}）${item.heading}${item.text}`),
      `附件：${p.attachmentTitle}`,
      '附件',
      ...p.attachmentTitleLines!,
    ];
    const positions = positionsInOrder(view.paragraphs, expected);
    expect(expected.filter((_, i) => positions[i] === -1)).toEqual([]);
  });

  it('reads every problem’s measures right after its summary', () => {
    for (const problem of plan.problems) {
      const at = view.paragraphs.indexOf(`${problem.number}．${problem.summary}`);
      expect(view.paragraphs[at + 1], `problem ${problem.number}`).toContain(measuresText(problem.measures));
    }
  });

  it('reads the printed categories as （一）（二）… in order', () => {
    const used = plan.categories.filter((c) => plan.problems.some((p) => p.category === c.id));
    const headings = view.paragraphs.filter((t) => used.some((c) => t.endsWith(c.heading) && t.startsWith('（')));
    expect(headings).toEqual(used.map((c, i) => `（${'一二三四五六七八九十'[i]}）${c.heading}`));
  });

  it('reads the task table’s cells: both header rows, then every problem', () => {
    expect(view.tables).toHaveLength(1);
    const table = view.tables[0]!;
    expect(table[0]).toEqual(['整改问题', '整改问题', '整改问题', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(table.slice(2)).toEqual(expectedTexts(plan));
  });

  it('sees a portrait section and a landscape one', () => {
    expect(view.sections).toEqual([
      [0, 11906, 16838],
      [1, 16838, 11906],
    ]);
  });
});
