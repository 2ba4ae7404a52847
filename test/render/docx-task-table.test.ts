// The Word task table at two levels of docs/format.md#checking-output: the XML inside the
// docx, and python-docx (Debian's python3) reading the table. The PDF level is
// in pdf.test.ts. Expected numbers come from the standard, not the constants.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, Packer } from 'docx';
import { bodyLayout, buildTaskTable, mergeRestarts, taskTableSection, type BodyLayout } from '../../src/render/docx/task-table.js';
import { taskTableDocx } from '../../src/documents/task-table.js';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { expectedTexts } from '../helpers/expected.js';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { unzip, zipText } from '../helpers/unzip.js';

const small = syntheticPlan(21, { titleLines: ['东河镇问题整改', '任务分解和责任分工表'] });
const other = syntheticPlan(12, { tableColumns: OTHER_COLUMNS, extraFields: true });
let smallDocx: Buffer;
let otherDocx: Buffer;
let xml: string;

beforeAll(async () => {
  smallDocx = await taskTableDocx(small);
  otherDocx = await taskTableDocx(other);
  xml = zipText(smallDocx, 'word/document.xml');
});

afterEach(() => {
  vi.useRealTimers();
});

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const rows = (doc: string) => [...doc.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
const attrs = (doc: string, element: string) => {
  const m = new RegExp(`<${element}\\b([^>]*)/?>`).exec(doc);
  return Object.fromEntries([...(m?.[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
};

describe('docx task table: XML', () => {
  it('is A4 landscape: portrait size swapped, orient="landscape"', () => {
    expect(attrs(xml, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
  });

  it('has the GB/T 9704 margins turned with the sheet', () => {
    expect(mm(28)).toBe(1587);
    expect(attrs(xml, 'w:pgMar')).toMatchObject({
      'w:top': '1587', // 订口 28 mm
      'w:right': '2098', // 天头 37 mm
      'w:bottom': '1474', // 26 mm
      'w:left': '1984', // 35 mm
    });
  });

  it('spans the 225 mm type area with a fixed grid', () => {
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(7);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(12756); // 225 mm
    expect(Math.min(...cols)).toBeGreaterThan(400);
    expect(attrs(xml, 'w:tblW')).toMatchObject({ 'w:type': 'dxa', 'w:w': '12756' });
  });

  it('repeats both header rows (w:tblHeader) and only them', () => {
    const trs = rows(xml);
    expect(trs).toHaveLength(2 + 21);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs[1]).toContain('<w:tblHeader/>');
    expect(trs.slice(2).some((tr) => tr.includes('<w:tblHeader/>'))).toBe(false);
  });

  it('keeps rows whole (w:cantSplit), except one too tall for a page', () => {
    const trs = rows(xml);
    expect(trs[0]).toContain('<w:cantSplit/>');
    const kept = trs.slice(2).filter((tr) => tr.includes('<w:cantSplit/>')).length;
    expect(kept).toBeGreaterThan(15);
  });

  it('merges categories down with vMerge restart/continue, split where a page may start', () => {
    const body = rows(xml).slice(2);
    const firstCell = (tr: string) => /<w:tc>([\s\S]*?)<\/w:tc>/.exec(tr)![1]!;
    const textOf = (tc: string) => [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const restarts = body.filter((tr) => firstCell(tr).includes('<w:vMerge w:val="restart"/>'));
    const continues = body.filter((tr) => firstCell(tr).includes('<w:vMerge w:val="continue"/>'));
    const single = body.filter((tr) => !firstCell(tr).includes('<w:vMerge'));
    // four categories in runs of 6, 6, 6, 3, each starting a merge, some split again at a page
    expect(restarts.length + single.length).toBeGreaterThan(4);
    // How many rows continue a merge depends on how sure the page-break estimate is; since the
    // word-boundary line breaking merged, every row of this small table may start a page and is
    // labelled (repeat rather than omit). Which rows merge is checked in the PDF tests.
    expect(restarts.length + single.length + continues.length).toBe(21);
    // every piece of a split merge carries the label; a continuation carries none
    for (const tr of [...restarts, ...single]) expect(['巡察反馈', '审计发现', '环保督察', '群众来信']).toContain(textOf(firstCell(tr)));
    for (const tr of continues) expect(textOf(firstCell(tr))).toBe('');
    // problem 1, 7, 13 and 19 start their categories
    for (const r of [0, 6, 12, 18]) expect(firstCell(body[r]!)).not.toContain('w:val="continue"');
  });

  it('sets the eastAsia font slot: 仿宋 cells, 黑体 header, 小标宋 title, 黑体 附件; Times New Roman for Latin', () => {
    expect(xml).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/>/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/); // 二号 = 22 pt
    expect(xml).toMatch(/w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/>[\s\S]*?<w:t[^>]*>附件</); // 三号 = 16 pt
    // Cells at the size the widths were found for: 小四, 五号 or 小五 (24, 21 or 18 half-points).
    expect(xml).toMatch(/<w:sz w:val="(24|21|18)"\/>/);
  });

  it('puts 附件 flush left and the title lines centred', () => {
    expect(xml).toMatch(/<w:jc w:val="left"\/><\/w:pPr><w:r>[\s\S]*?<w:t[^>]*>附件<\/w:t>/);
    expect(xml).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r>[\s\S]*?<w:t[^>]*>东河镇问题整改<\/w:t>/);
    expect(xml).toMatch(/<w:t[^>]*>任务分解和责任分工表<\/w:t>/);
  });

  it('numbers pages — N — in 四号宋体, odd right and even left, with even/odd footers on', () => {
    expect(zipText(smallDocx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    const footers = [...unzip(smallDocx).keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => zipText(smallDocx, k));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>'); // 四号 = 14 pt
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"'))).toBe(true);
    // footer distance: the number's top 7 mm under the type area, (26 − 7) mm less one 14 pt line
    expect(attrs(xml, 'w:pgMar')['w:footer']).toBe(String(mm(19) - 280));
  });

  it('has fixed document dates and identical bytes at another time', async () => {
    const core = zipText(smallDocx, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-06-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dc:creator>zhenggai</dc:creator>');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-02T03:04:05Z'));
    const again = await taskTableDocx(small);
    expect(Buffer.compare(again, smallDocx)).toBe(0);
  });

  it('exports the table and its section for the notice to reuse', async () => {
    const model = composeTaskTable(small);
    const doc = new Document({ sections: [{ children: [] }, taskTableSection(model)] });
    const docXml = zipText(await Packer.toBuffer(doc), 'word/document.xml');
    expect(docXml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(docXml).toContain('w:orient="landscape"');
    expect(buildTaskTable(model)).toBeDefined();
  });
});

describe('docx task table: where a merged category is split (mergeRestarts)', () => {
  /** Rows of known heights, none uncertain on its own: 3500 twip of room on the first page, 4500 on the others. */
  const exact = (heights: number[], keepWhole = heights.map(() => true)): BodyLayout => ({ heights, shortest: heights, tallest: heights, keepWhole, lineTwip: 300, firstPageTwip: 3500, pageTwip: 4500 });
  const even = exact(Array<number>(20).fill(1000));
  const all = [{ first: 0, end: 20 }];
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

  it('restarts a merge at each row that starts a page: 3 rows on the first page, 4 on each after', () => {
    expect(sorted(mergeRestarts(even, all, 0))).toEqual([3, 7, 11, 15, 19]);
  });

  it('adds nothing for breaks that are certain: 3 % more or less still gives the same pages', () => {
    expect(sorted(mergeRestarts(even, all))).toEqual([3, 7, 11, 15, 19]);
  });

  it('when unsure, restarts at every row the page may start with', () => {
    // 4 rows of 1100 = 4400 of 4500: 3 % taller, only 3 fit
    const starts = mergeRestarts(exact(Array<number>(20).fill(1100)), all);
    expect(starts.has(3)).toBe(true); // 3 × 1100 fill the first page at any scale
    expect(starts.has(6) && starts.has(7)).toBe(true); // the second page ends after 3 or 4 rows
  });

  it('counts a row that may print taller as unsure too', () => {
    // row 4 may print two lines (600 twip) taller: the second page then holds rows 3–5 only
    const layout = { ...even, tallest: even.heights.map((h, i) => (i === 4 ? h + 600 : h)) };
    expect(mergeRestarts(layout, all, 0).has(6)).toBe(true);
    expect(mergeRestarts(even, all, 0).has(6)).toBe(false);
  });

  it('restarts only inside merges, never at a merge’s own first row', () => {
    const groups = [{ first: 0, end: 3 }, { first: 3, end: 10 }];
    expect(sorted(mergeRestarts(even, groups, 0))).toEqual([7]);
  });

  it('gives a page holding only the rest of a tall row no restart, and the row after it one', () => {
    // row 1 (10000 twip) may break: it starts on the first page (2500 twip), fills the second
    // (4500) and ends on the third (3000), where row 2 starts; row 3 no longer fits and starts the fourth
    const tall = exact([1000, 10000, 1000, 1000], [true, false, true, true]);
    expect(sorted(mergeRestarts(tall, [{ first: 0, end: 4 }], 0))).toEqual([2, 3]);
  });

  it('estimates the header as the cells make it: a one-line row and a two-line row (发现\n问题方式)', () => {
    const model = composeTaskTable(small);
    const layout = bodyLayout(model);
    // this table fits at 小五 (9 pt): lines 1.25 em apart, 9 × 1.25 × 20 = 225 twip
    expect(model.cellSizePt).toBe(9);
    // landscape type area 156 mm (8845 twip) less 1 + 2 lines of 225 twip, padding 2 × 28 and a 10-twip rule each
    expect(layout.pageTwip).toBe(8845 - (225 + 56 + 10) - (450 + 56 + 10));
    // the first page also holds 附件, a blank line and the two title lines (579 twip each) and half a line of gap
    expect(layout.firstPageTwip).toBe(layout.pageTwip - 4 * 579 - 290);
    // each row's least and most lie around its estimate
    layout.heights.forEach((h, i) => {
      expect(layout.shortest[i]).toBeLessThanOrEqual(h);
      expect(layout.tallest[i]).toBeGreaterThanOrEqual(h);
    });
  });
});

const PYTHON_DOCX_READ = `
import json, sys, docx
req = json.load(sys.stdin)
d = docx.Document(req['path'])
t = d.tables[0]
s = d.sections[0]
print(json.dumps({
  'rows': [[c.text for c in r.cells] for r in t.rows],
  'paragraphs': [p.text for p in d.paragraphs],
  'orientation': int(s.orientation),
  'width': s.page_width.twips, 'height': s.page_height.twips,
  'margins': [s.top_margin.twips, s.right_margin.twips, s.bottom_margin.twips, s.left_margin.twips],
}, ensure_ascii=False))
`;

interface DocxView {
  rows: string[][];
  paragraphs: string[];
  orientation: number;
  width: number;
  height: number;
  margins: number[];
}

describeWithTools(['python-docx-openpyxl'], 'docx task table: python-docx reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-docx-'));

  it('finds the page, 附件, the title, both header rows and every problem’s texts', () => {
    const path = join(dir, 'small.docx');
    writeFileSync(path, smallDocx);
    const view = runPython<DocxView>(PYTHON_DOCX_READ, { path });
    expect([view.orientation, view.width, view.height]).toEqual([1, 16838, 11906]);
    expect(view.margins).toEqual([1587, 2098, 1474, 1984]);
    expect(view.paragraphs.slice(0, 4)).toEqual(['附件', '', '东河镇问题整改', '任务分解和责任分工表']);
    expect(view.rows[0]).toEqual(['整改问题', '整改问题', '整改问题', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(view.rows[1]).toEqual(['发现\n问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(view.rows.slice(2)).toEqual(expectedTexts(small));
  });

  it('reads the other plan’s columns, with no 配合单位', () => {
    const path = join(dir, 'other.docx');
    writeFileSync(path, otherDocx);
    const view = runPython<DocxView>(PYTHON_DOCX_READ, { path });
    expect(view.rows[0]).toEqual(['序号', '方面', '存在问题', '整改目标', '整改措施', '责任分工', '责任分工', '责任分工', '完成时限']);
    expect(view.rows[1]!.slice(5, 8)).toEqual(['责任领导', '责任人', '责任单位']);
    expect(view.rows.flat()).not.toContain('配合单位');
    expect(view.rows.slice(2)).toEqual(expectedTexts(other));
  });
});
