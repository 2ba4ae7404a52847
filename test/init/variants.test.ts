// Task tables as offices really have them, not only as zhenggai writes them:
// headers in another order and under groups, category cells merged, left
// blank or repeated at a page break, the header repeated, a note row, an
// extra column, multi-line cells, measures numbered one a line; a Word table
// with vertical merges, spans, content controls and tracked deletions. And
// the command: what it writes, what it refuses, what `check` then says.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { checkPlanFolder } from '../../src/documents/check.js';
import { measuresText } from '../../src/model/measures.js';
import { endSentence } from '../../src/model/prose.js';
import { importTaskTable, splitUnits, type GridCell, type TableSource } from '../../src/load/table-import.js';
import { docxTableSources } from '../../src/load/table-import-docx.js';
import { splitMeasures } from '../../src/load/table-import-measures.js';
import { parseXml, XmlError } from '../../src/formats/xml.js';

const run = (args: string[]) => runCli(args);

/**
 * A grid from rows of strings: '^' is covered by the cell above, '<' by the
 * cell to the left (as merges read back).
 */
function grid(rows: string[][]): TableSource {
  const cells: GridCell[][] = [];
  rows.forEach((row, r) => {
    const out: GridCell[] = [];
    row.forEach((text, c) => {
      if (text === '^') out.push({ ...cells[r - 1]![c]!, covered: true });
      else if (text === '<') out.push({ ...out[c - 1]!, covered: true });
      else out.push({ text, anchor: `${r}:${c}`, covered: false });
    });
    cells.push(out);
  });
  return { grid: cells, label: '测试表', rowLabel: (r) => `第 ${r + 1} 行` };
}

describe('reading task tables of other shapes', () => {
  const table = grid([
    ['附件2', '', '', '', '', '', '', ''],
    ['某镇问题整改\n任务清单', '<', '<', '<', '<', '<', '<', '<'],
    ['问题\n类别', '问题情况', '<', '整改措施', '责任分工', '<', '完成时限', '督办领导'],
    ['^', '序号', '问题', '^', '牵头单位', '配合单位', '^', '^'],
    ['巡察', '1', '台账不全。', '1.补齐台账；\n2.建立制度。', '农办', '各村\n（社区）', '6月底\n前完成', '张副镇长'],
    ['^', '2', '资金拨付慢。', '一是加快拨付。二是统一是非标准。', '财政所、农办', '', '立行立改', ''],
    ['', '3', '巡查记录缺失。', '补记巡查日志。', '农办', '财政所\n各村（社区）', '长期坚持', ''],
    ['问题\n类别', '序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限', '督办领导'],
    ['巡察', '4', '公示不及时。', '按月公示。', '党政办', '', '2024年底前', ''],
    ['审计', '5', '票据不规范。', '规范票据管理。', '财政所', '', '9月底前完成', ''],
    ['注：本表由某镇整改办汇总。', '<', '<', '<', '<', '<', '<', '<'],
  ]);

  it('maps the columns by name, with their group, and keeps what it cannot map', () => {
    const result = importTaskTable([table])!;
    expect(result.tableColumns).toEqual([
      { field: 'category', header: '问题\n类别' },
      { field: 'number', header: '序号', group: '问题情况' },
      { field: 'summary', header: '问题', group: '问题情况' },
      { field: 'measures', header: '整改措施' },
      { field: 'leadUnits', header: '牵头单位', group: '责任分工' },
      { field: 'cooperatingUnits', header: '配合单位', group: '责任分工' },
      { field: 'deadline', header: '完成时限' },
    ]);
    expect(result.unmappedColumns).toEqual([{ header: '督办领导', values: [{ number: '1', text: '张副镇长' }] }]);
    expect(result.skippedRows).toEqual([{ row: '第 11 行', text: '注：本表由某镇整改办汇总。' }]);
    expect(result.titleLines).toEqual(['某镇问题整改', '任务清单']);
  });

  it('reads merged, blank and repeated category cells, multi-line cells and numbered measures', () => {
    const result = importTaskTable([table])!;
    expect(result.categories).toEqual(['巡察', '审计']);
    expect(result.problems.map((p) => [p.number, p.category])).toEqual([[1, '巡察'], [2, '巡察'], [3, '巡察'], [4, '巡察'], [5, '审计']]);
    expect(result.problems[0]).toEqual({
      number: 1,
      category: '巡察',
      summary: '台账不全。',
      measures: ['补齐台账；', '建立制度。'],
      deadline: '6月底前完成',
      leadUnits: ['农办'],
      cooperatingUnits: ['各村（社区）'],
    });
    expect(result.problems[1]!.measures).toEqual(['加快拨付。', '统一是非标准。']);
    expect(result.problems[1]!.leadUnits).toEqual(['财政所', '农办']);
    expect(result.problems[2]!.cooperatingUnits).toEqual(['财政所', '各村（社区）']);
    expect(result.units).toEqual(['农办', '各村（社区）', '财政所', '党政办']);
  });

  it('finds no table where no header names a 序号 column and two more', () => {
    expect(importTaskTable([grid([['姓名', '电话'], ['张三', '123']])])).toBeUndefined();
    expect(importTaskTable([grid([['问题', '整改措施', '牵头单位'], ['a', 'b', 'c']])])).toBeUndefined();
  });

  it('splits units on 、，； and line breaks, but not a name wrapped before its bracket', () => {
    expect(splitUnits('经发办、卫生院，各村\n（社区）；水利办\n农业服务中心')).toEqual(['经发办', '卫生院', '各村（社区）', '水利办', '农业服务中心']);
    expect(splitUnits('')).toEqual([]);
  });
});

describe('splitting measures', () => {
  it('splits 一是…二是… only at ordinals after a sentence end, and numbered lines', () => {
    expect(splitMeasures('一是统一是非标准。二是加强培训；三是建章立制')).toEqual(['统一是非标准。', '加强培训；', '建章立制']);
    expect(splitMeasures('一是加强培训，二是完善制度。')).toEqual(['一是加强培训，二是完善制度。']);
    expect(splitMeasures('（1）建台账；\n（2）定制度，\n  每月报送。')).toEqual(['建台账；', '定制度，\n每月报送。']);
    expect(splitMeasures('单一措施。')).toEqual(['单一措施。']);
    expect(splitMeasures('  ')).toEqual([]);
  });

  it('inverts measuresText for measures that end a sentence (the last one as measuresText ends it: ；becomes 。)', () => {
    const measure = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'加强培训完善制度建立台账各村社区开展排查，、（）0123'.split('')), minLength: 1, maxLength: 30 }), fc.constantFrom('。', '；', '！'))
      .map(([text, end]) => text.trim() + end)
      .filter((m) => m.length > 1);
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 12 }), (measures) => {
        const printed = [...measures.slice(0, -1), endSentence(measures.at(-1)!)];
        expect(splitMeasures(measuresText(measures))).toEqual(printed);
      }),
    );
  });
});

// --- Word -------------------------------------------------------------------------

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';

function docx(body: string): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document) });
}

describe('reading a Word table', () => {
  const body = [
    p('附件2'),
    p(''),
    '<w:sdt><w:sdtContent>' + p('某镇问题整改任务清单') + '</w:sdtContent></w:sdt>',
    '<w:tbl><w:tblGrid/>',
    `<w:tr>${tc(p('整改问题'), span(3))}${tc(p('整改措施'), restart)}${tc(p('责任单位'), restart)}</w:tr>`,
    `<w:tr>${tc(p('方面'))}${tc(p('序号'))}${tc(p('存在问题'))}${tc('<w:p/>', cont)}${tc('<w:p/>', cont)}</w:tr>`,
    `<w:tr>${tc(p('责任落实'), restart)}${tc(p('1'))}${tc(p('党建&amp;纪律&lt;弱&gt;。'))}${tc(p('一是开会。') + p('二是整改。'))}${tc('<w:p><w:r><w:t>各村</w:t><w:br/><w:t>（社区）</w:t></w:r></w:p>')}</w:tr>`,
    `<w:tr>${tc('<w:p/>', cont)}${tc(p('2'))}${tc('<w:p><w:r><w:t>台账</w:t></w:r><w:del><w:r><w:delText>旧文字</w:delText></w:r></w:del><w:ins><w:r><w:t>不全。</w:t></w:r></w:ins></w:p>')}${tc(p('补齐。'))}<w:sdt><w:sdtContent>${tc(p('农办'))}</w:sdtContent></w:sdt></w:tr>`,
    '</w:tbl>',
  ].join('');

  it('reads spans, vertical merges, breaks, entities, content controls and insertions, not deletions', () => {
    const sources = docxTableSources(docx(body));
    const result = importTaskTable(sources)!;
    expect(result.titleLines).toEqual(['某镇问题整改任务清单']);
    expect(result.problems).toEqual([
      { number: 1, category: '责任落实', summary: '党建&纪律<弱>。', measures: ['开会。', '整改。'], deadline: '', leadUnits: ['各村（社区）'], cooperatingUnits: [] },
      { number: 2, category: '责任落实', summary: '台账不全。', measures: ['补齐。'], deadline: '', leadUnits: ['农办'], cooperatingUnits: [] },
    ]);
    expect(result.tableColumns).toEqual([
      { field: 'category', header: '方面', group: '整改问题' },
      { field: 'number', header: '序号', group: '整改问题' },
      { field: 'summary', header: '存在问题', group: '整改问题' },
      { field: 'measures', header: '整改措施' },
      { field: 'leadUnits', header: '责任单位' },
    ]);
  });

  it('refuses XML with a DOCTYPE (no entity expansion, ever)', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(XmlError);
    expect(parseXml('<a x="1 &amp; 2"><![CDATA[<b>]]>&#x4E2D;&#25991;</a>')).toEqual({ uri: '', local: 'a', attrs: new Map([['x', '1 & 2']]), children: ['<b>中文'] });
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
  });
});

// --- the command ------------------------------------------------------------------------

describe('zhenggai init', () => {
  async function initFrom(table: Uint8Array, name: string) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-init-'));
    const file = path.join(tmp, name);
    writeFileSync(file, table);
    const dir = path.join(tmp, 'new-plan');
    return { dir, file, result: await run(['init', dir, '--from-table', file]) };
  }

  it('writes plan.json with $schema and the to-do list; check then names every field to fill, and passes once they are', async () => {
    const { dir, result } = await initFrom(docx(body()), 'table.docx');
    expect(result.exit).toBe(0);
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    expect(plan.$schema).toBe(path.relative(dir, path.resolve('schema/plan.schema.json')));
    expect(plan.notice.docNumber).toBe('');
    const todo = readFileSync(path.join(dir, '未映射内容.txt'), 'utf8');
    expect(todo).toContain('- notice.docNumber：发文字号');
    expect(todo).toContain('- categories[0].heading：类别“责任落实”在方案正文中的标题');
    const diagnostics = await checkPlanFolder(dir);
    const paths = diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining([['notice', 'issuerMark'], ['notice', 'docNumber'], ['notice', 'date'], ['plan', 'title'], ['plan', 'goal', 'heading'], ['categories', 0, 'heading'], ['problems', 0, 'deadline']]));
    fillBlanks(plan);
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    expect((await checkPlanFolder(dir)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses to overwrite an existing plan.json', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-init-'));
    const dir = path.join(tmp, 'existing');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'plan.json'), '{"mine": true}');
    const file = path.join(tmp, 't.docx');
    writeFileSync(file, docx(body()));
    const result = await run(['init', dir, '--from-table', file]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('已存在，未覆盖');
    expect(readFileSync(path.join(dir, 'plan.json'), 'utf8')).toBe('{"mine": true}');
    expect(existsSync(path.join(dir, '未映射内容.txt'))).toBe(false);
  });

  it.each([
    ['notes.txt', strToU8('序号 问题'), '只能从 .xlsx 或 .docx 文件导入'],
    ['table.xlsx', strToU8('not a zip'), '不是Excel 工作簿'],
    ['table.docx', docx(p('没有表格的文档')), '没有找到任务分解表'],
    ['table.docx', zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') }), '文件已损坏或格式不受支持'],
  ])('refuses %s (%s) with a clear message and writes nothing', async (name, data, message) => {
    const { dir, result } = await initFrom(data, name);
    expect(result.exit).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(dir)).toBe(false);
  });

  function body(): string {
    return [
      '<w:tbl>',
      `<w:tr>${tc(p('方面'))}${tc(p('序号'))}${tc(p('存在问题'))}${tc(p('整改措施'))}${tc(p('责任单位'))}${tc(p('完成时限'))}</w:tr>`,
      `<w:tr>${tc(p('责任落实'))}${tc(p('1'))}${tc(p('台账不全。'))}${tc(p('补齐台账。'))}${tc(p('农办'))}${tc(p(''))}</w:tr>`,
      '</w:tbl>',
    ].join('');
  }

  function fillBlanks(plan: Record<string, any>): void {
    Object.assign(plan.notice, { issuerMark: '某镇人民政府文件', docNumber: '某府发〔2024〕1号', title: '关于印发方案的通知', recipients: '各村', body: ['现印发。'], signatory: '某镇人民政府', date: '2024-03-01' });
    Object.assign(plan.plan, { title: '方案', preamble: ['为整改。'], goal: { heading: '整改目标', paragraphs: ['完成1个问题整改。'] }, problemsHeading: '问题', requirements: { heading: '要求', items: [{ heading: '加强领导。', text: '专人负责。' }] }, attachmentTitle: '任务清单' });
    plan.categories[0].heading = '责任落实方面';
    plan.problems[0].deadline = '6月底前完成';
  }
});
