// The county roll-up report is an official 上行文: it passes the GB/T 9704
// checks the town's report passes (official-document.test.ts for the XML,
// official-document-pdf.test.ts on LibreOffice's pages), with the same
// readers (test/helpers/docx-xml.ts, pdf-words.ts) and the same expected
// numbers written from the standard (mm × 1440 / 25.4, 字号 in half-points).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf } from '../../src/write/pdf.js';
import { runCli } from '../cli/run.js';
import { attrs, eastAsia, paragraph, paragraphs, runs, sections, size, textOf } from '../helpers/docx-xml.js';
import { squash } from '../helpers/expected.js';
import { lineOf, pageCount, pageSizes, text, words } from '../helpers/pdf-words.js';
import { COUNTY_OPTIONS, ROLLUP_FIXTURES, makePacket, tmpDir } from '../helpers/rollup-packets.js';
import { describeWithTools } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';
import { inkBands } from './official-document.support.js';

const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** One 三号 character: 16 pt = 320 twip. */
const CHAR = 320;
const DOC_NUMBER = '巫山乡振文〔2023〕58号';
const REPORT = `${DOC_NUMBER}-巫山县关于2022年巩固拓展脱贫攻坚成果考核评估反馈问题整改进展情况的报告.docx`;

let docxPath: string;
let xml: string;

beforeAll(async () => {
  const packets = tmpDir('rollup-gbt-packets');
  const a = await makePacket(`${ROLLUP_FIXTURES}/guanyang`, '2023-11', packets);
  const b = await makePacket(`${ROLLUP_FIXTURES}/shuanglong`, '2023-11', packets);
  const out = tmpDir('rollup-gbt');
  const result = await runCli(['rollup', a, b, ...COUNTY_OPTIONS, '--sealed', '--out', out]);
  expect(result.exit).toBe(0);
  docxPath = path.join(out, 'rollup-2023-11', REPORT);
  xml = zipText(readFileSync(docxPath), 'word/document.xml');
}, 120_000);

describe('the county report: page, grid and faces (XML)', () => {
  it('is A4 portrait with the GB/T 9704 margins 37/26/35/28 mm, pages numbered from 1 (§5.1, §5.2.1)', () => {
    const first = sections(xml)[0]!;
    expect(attrs(first, 'w:pgSz')[0]).toMatchObject({ 'w:w': String(mm(210)), 'w:h': String(mm(297)) });
    expect(attrs(first, 'w:pgMar')[0]).toMatchObject({ 'w:top': String(mm(37)), 'w:right': String(mm(26)), 'w:bottom': String(mm(35)), 'w:left': String(mm(28)) });
    expect(attrs(first, 'w:pgNumType')[0]).toMatchObject({ 'w:start': '1' });
  });

  it('sets body paragraphs on exact 579-twip lines with −5 twip spacing and a two-character indent, in 三号 仿宋_GB2312 (§5.2.3)', () => {
    const body = paragraph(xml, '根据各乡镇报送的');
    expect(body).toContain(`w:line="${Math.floor(mm(225) / 22)}" w:lineRule="exact"`);
    expect(body).toContain(`<w:spacing w:val="${Math.floor(mm(156) / 28) - CHAR}"/>`);
    expect(body).toContain(`<w:ind w:firstLine="${2 * CHAR}"/>`);
    for (const r of runs(body)) {
      expect(size(r)).toBe('32');
      expect(eastAsia(r)).toBe('仿宋_GB2312');
    }
  });

  it('names the face of every run in its eastAsia slot, Times New Roman for Latin', () => {
    const all = runs(xml).filter((r) => r.includes('<w:t'));
    expect(all.length).toBeGreaterThan(30);
    for (const r of all) {
      expect(eastAsia(r), textOf(r)).toBeDefined();
      expect(r).toContain('w:ascii="Times New Roman"');
    }
  });

  it('sets the title in 二号 方正小标宋简体, centred, in balanced lines of at most 20 characters (§7.3.1)', () => {
    const title = paragraph(xml, '巫山县关于2022年');
    expect(title).toContain('<w:jc w:val="center"/>');
    for (const r of runs(title)) {
      expect(eastAsia(r)).toBe('方正小标宋简体');
      expect(size(r)).toBe('44');
    }
    expect(textOf(title)).toBe('巫山县关于2022年巩固拓展脱贫攻坚成果考核评估反馈问题整改进展情况的报告');
    expect(title.match(/<w:br\/>/g)).toHaveLength(1);
  });

  it('numbers the headings 一、 二、 … in 黑体 (§7.3.3)', () => {
    expect(paragraphs(xml).map(textOf).filter((t) => /^[一二三四]、/.test(t))).toEqual(['一、总体情况', '二、逾期未完成的问题', '三、“回头看”发现反弹的问题']);
    expect(eastAsia(runs(paragraph(xml, '一、总体情况'))[0]!)).toBe('黑体');
  });
});

describe('the county report: 版头 to 署名 (XML)', () => {
  it('sets the 发文机关标志 red in 方正小标宋简体, centred, 35 mm below the type area’s top (§7.2.1)', () => {
    const mark = paragraph(xml, '巫山县乡村振兴局文件');
    const run = runs(mark)[0]!;
    expect(run).toContain('<w:color w:val="FF0000"/>');
    expect(eastAsia(run)).toBe('方正小标宋简体');
    expect(mark).toContain(`w:before="${mm(35)}"`);
    expect(mark).toContain('<w:jc w:val="center"/>');
  });

  it('puts the 发文字号 one character in on the left and 签发人 (name in 楷体) one in on the right (§7.2.3, §7.2.4)', () => {
    const line = paragraph(xml, DOC_NUMBER);
    expect(line).toContain(`w:left="${CHAR}"`);
    expect(line).toContain(`<w:tab w:val="right" w:pos="${mm(156) - CHAR}"/>`);
    const rs = runs(line);
    expect(rs.map(textOf)).toEqual([DOC_NUMBER, '签发人：', '张某']);
    expect(eastAsia(rs[2]!)).toBe('楷体_GB2312');
    const all = paragraphs(xml);
    const after = all[all.indexOf(line) + 1]!;
    expect(after).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="8" w:space="0"\/><\/w:pBdr>/);
  });

  it('ends the 主送机关 with a full-width colon, flush left; 附件说明, 署名 and date follow the body (§7.3.2, §7.3.5)', () => {
    const recipients = paragraph(xml, '重庆市乡村振兴局：', true);
    expect(recipients).not.toContain('w:firstLine');
    expect(textOf(paragraph(xml, '附件：'))).toBe('附件：各乡镇整改进展情况统计表');
    const texts = paragraphs(xml).map(textOf);
    const signature = texts.lastIndexOf('巫山县乡村振兴局');
    expect(signature).toBeGreaterThan(texts.indexOf('附件：各乡镇整改进展情况统计表'));
    expect(texts[signature + 1]).toBe('2023年11月30日');
  });

  it('writes the chart as a native chart and turns on odd/even page-number footers in every section (§7.5)', () => {
    expect(xml).toMatch(/<c:chart [^>]*r:id="[^"]+"/);
    for (const s of sections(xml)) {
      expect(s).toMatch(/<w:footerReference w:type="default"/);
      expect(s).toMatch(/<w:footerReference w:type="even"/);
    }
  });

  it('labels the attachment 附件 in 三号黑体 on a page of its own', () => {
    const label = paragraph(xml, '附件', true);
    expect(eastAsia(runs(label)[0]!)).toBe('黑体');
    expect(size(runs(label)[0]!)).toBe('32');
  });
});

const PT_PER_MM = 72 / 25.4;
const TYPE_TOP_MM = 37;
const TYPE_LEFT_MM = 28;
const TYPE_RIGHT_MM = 28 + 156;
const CHAR_MM = 16 / PT_PER_MM;

describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'], 'the county report in LibreOffice (PDF)', () => {
  let pdf: string;
  beforeAll(async () => {
    [pdf] = await convertToPdf([docxPath], tmpDir('rollup-gbt-pdf'), { tempDir: tmpDir('rollup-gbt-profile') });
  }, 300_000);

  it('puts the mark 35 mm under the type area’s top, red, and the red line 4 mm under the 发文字号 line, full width', () => {
    const bands = inkBands(pdf, 1);
    expect(bands[0]!.kind).toBe('red');
    expect(bands[0]!.top).toBeCloseTo(TYPE_TOP_MM + 35, 0);
    expect(bands[2]!.kind).toBe('red');
    expect(bands[2]!.top - bands[1]!.bottom).toBeCloseTo(4, 0);
    expect(bands[2]!.left).toBeCloseTo(TYPE_LEFT_MM, 0);
    expect(bands[2]!.right).toBeCloseTo(TYPE_RIGHT_MM, 0);
  });

  it('puts the 发文字号 and 签发人 on one line, one character in from either side', () => {
    const line = lineOf(words(pdf, 1), '巫山乡振文〔2023〕58');
    expect(squash(line.map((w) => w.text).join(''))).toBe(`${DOC_NUMBER}签发人：张某`);
    expect((line[0]!.xMin / PT_PER_MM - TYPE_LEFT_MM) / CHAR_MM).toBeCloseTo(1, 0);
    expect((TYPE_RIGHT_MM - line.at(-1)!.xMax / PT_PER_MM) / CHAR_MM).toBeCloseTo(1, 0);
  });

  it('keeps every word of the text pages inside the type area, and numbers every page — N —', () => {
    const pages = pageCount(pdf);
    for (let page = 1; page < pages; page += 1) {
      for (const w of words(pdf, page)) {
        expect(w.xMin / PT_PER_MM, w.text).toBeGreaterThan(TYPE_LEFT_MM - 0.5);
        expect(w.xMax / PT_PER_MM, w.text).toBeLessThan(TYPE_RIGHT_MM + 0.5);
      }
    }
    for (let page = 1; page <= pages; page += 1) expect(text(pdf, page)).toContain(`— ${page} —`);
  });

  // The town's report is sealed (data/guanyang-2022), and so is this one (--sealed): the same check.
  it('sets a sealed signature: the date four characters in from the right, the 署名 centred over it (§7.3.5.1)', () => {
    const ws = words(pdf, pageCount(pdf) - 1); // the attachment has the last page
    const signatory = ws.filter((w) => w.text === '巫山县乡村振兴局').at(-1)!;
    const year = ws.filter((w) => w.text === '2023').at(-1)!;
    const date = ws.filter((w) => Math.abs(w.yMin - year.yMin) < 1);
    const dateEnd = date.at(-1)!.xMax;
    expect((595.3 - 26 * PT_PER_MM - dateEnd) / PT_PER_MM / CHAR_MM).toBeCloseTo(4, 0);
    const centre = (x: number, y: number) => (x + y) / 2;
    expect(Math.abs(centre(signatory.xMin, signatory.xMax) - centre(date[0]!.xMin, dateEnd)) / PT_PER_MM / CHAR_MM).toBeLessThan(0.5);
  });

  it('prints the table by town on the last page, after the 附件 label, with the county’s totals', () => {
    expect(pageSizes(pdf).length).toBe(pageCount(pdf));
    const last = squash(text(pdf, pageCount(pdf)));
    expect(last).toContain('附件');
    expect(last).toContain(squash('各乡镇整改进展情况统计表'));
    expect(last).toContain(squash('合计 42 26 8 14 2 5 1 61.9% 83.9%'));
  });
});
