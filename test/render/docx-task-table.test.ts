// The Word task table at two levels of docs/format.md#checking-output: the XML inside the
// docx, and python-docx (Debian's python3) reading the table. The PDF level is
// in pdf.test.ts. Expected numbers come from the standard, not the constants.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, Packer } from 'docx';
import { buildTaskTable, taskTableSection } from '../../src/render/docx/task-table.js';
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

  it('merges categories down with vMerge restart/continue', () => {
    const body = rows(xml).slice(2);
    const firstCell = (tr: string) => /<w:tc>([\s\S]*?)<\/w:tc>/.exec(tr)![1]!;
    const restarts = body.filter((tr) => firstCell(tr).includes('<w:vMerge w:val="restart"/>')).length;
    const continues = body.filter((tr) => firstCell(tr).includes('<w:vMerge w:val="continue"/>')).length;
    expect(restarts).toBe(4); // four categories in runs of 6, 6, 6, 3
    expect(continues).toBe(21 - 4);
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
