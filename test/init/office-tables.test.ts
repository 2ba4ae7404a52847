// Task tables as offices really make them (issue 13, kind 3), each kind with
// inputs of its own beyond the shared cases: Word's automatic numbering in
// the 序号 and in measures, the header wordings offices use and --map,
// categories written as section rows, other producers' XML (prefixes,
// Strict, inline and rich-text strings, merges, parts under other names),
// and what init says when it cannot read a table. Expected values are
// written out from the tables as Word or Excel shows them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { planFromTable, parseHeaderMap } from '../../src/documents/init.js';
import { docxTableSources } from '../../src/load/table-import-docx.js';
import { xlsxTableSources } from '../../src/load/table-import-xlsx.js';
import { word as w, wordPackage, spreadsheetPackage } from '../helpers/ooxml.js';
import { itWithTools, runPython } from '../helpers/tools.js';

// --- helpers -----------------------------------------------------------------------------

interface Read {
  plan: Record<string, any>;
  todo: string;
}

function readDocx(data: Uint8Array, map: string[] = []): Read {
  const result = planFromTable(docxTableSources(data), 'table.docx', undefined, parseHeaderMap(map));
  return { plan: JSON.parse(result.planText), todo: result.unmappedText };
}

function readXlsx(data: Uint8Array, map: string[] = []): Read {
  const result = planFromTable(xlsxTableSources(data), 'table.xlsx', undefined, parseHeaderMap(map));
  return { plan: JSON.parse(result.planText), todo: result.unmappedText };
}

async function initFile(data: Uint8Array, name: string, extra: string[] = []) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-init-'));
  const file = path.join(tmp, name);
  writeFileSync(file, data);
  const dir = path.join(tmp, 'plan');
  const result = await runCli(['init', dir, '--from-table', file, ...extra]);
  return { dir, result };
}

/** A Word table row of cells, each a string (one paragraph) or a ready <w:tc>. */
const cells = (...texts: string[]) => w.tr(texts.map((t) => (t.startsWith('<w:tc>') ? t : w.tc(w.p(t)))));
const HEADER7 = cells('发现问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位');

/** An xlsx cell: digits as a number, anything else as an inline string. */
function xc(ref: string, text: string): string {
  if (text === '') return '';
  if (/^\d+$/.test(text)) return `<c r="${ref}"><v>${text}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function xrows(rows: string[][]): string {
  return rows.map((row, r) => `<row r="${r + 1}">${row.map((t, c) => xc(`${String.fromCharCode(65 + c)}${r + 1}`, t)).join('')}</row>`).join('');
}

/** A problem as plan.json holds it; '' for a table without categories, whose problems have none. */
const problem = (number: number, category: string, summary: string, measures: string[], deadline: string, leadUnits: string[], cooperatingUnits: string[] = []) => ({
  number,
  ...(category === '' ? {} : { category }),
  summary,
  measures,
  deadline,
  leadUnits,
  cooperatingUnits,
});

// --- Word's automatic numbering ------------------------------------------------------------

describe('Word’s automatic numbering in the 序号 and in measures', () => {
  it('reads a 序号 Word counts in Chinese (一、二、) and measures numbered （1）（2） that run on from row to row', () => {
    const numbering =
      w.abstractNum(0, w.lvl(0, { fmt: 'chineseCounting', text: '%1、', suff: 'nothing' })) +
      w.abstractNum(1, w.lvl(0, { fmt: 'decimal', text: '（%1）', suff: 'nothing' })) +
      w.num(1, 0) +
      w.num(2, 1);
    const serial = w.tc(w.p('', w.numPr(1)));
    const body = w.tbl([
      HEADER7,
      cells('交叉核查', serial, '台账不全。', w.tc(w.p('补齐台账；', w.numPr(2)) + w.p('建立制度。', w.numPr(2))), '6月底前完成', '农办', ''),
      cells('交叉核查', serial, '资金拨付慢。', w.tc(w.p('加快拨付，', w.numPr(2)) + w.p('按月通报。')), '立行立改', '财政所', '农办'),
    ]);
    const { plan } = readDocx(wordPackage({ body, numbering }));
    // Word shows 一、 二、 in the 序号 column, and （1）（2） then （3） in the measures (one list across the rows).
    expect(plan.problems).toEqual([
      problem(1, '交叉核查', '台账不全。', ['补齐台账；', '建立制度。'], '6月底前完成', ['农办']),
      problem(2, '交叉核查', '资金拨付慢。', ['加快拨付，\n按月通报。'], '立行立改', ['财政所'], ['农办']),
    ]);
  });

  it('reads a 序号 numbered by a list style with a start value, and bullets as measures', () => {
    const numbering =
      w.abstractNum(0, w.lvl(0, { start: 5, text: '%1.' })) + w.abstractNum(1, w.lvl(0, { fmt: 'bullet', text: '●' })) + w.num(3, 0) + w.num(4, 1);
    const styles = '<w:style w:type="paragraph" w:styleId="Serial"><w:name w:val="Serial"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>';
    const serial = w.tc(w.p('', w.style('Serial')));
    const body = w.tbl([
      HEADER7,
      cells('审计', serial, '票据不规范。', w.tc(w.p('规范票据', w.numPr(4)) + w.p('专项检查', w.numPr(4))), '9月底前完成', '财政所', ''),
      cells('审计', serial, '合同不全。', '补签合同。', '9月底前完成', '财政所', ''),
    ]);
    const { plan } = readDocx(wordPackage({ body, numbering, styles }));
    // Word shows 5. and 6.: the numbers are kept (check then says 1..N is wanted), not recomputed.
    expect(plan.problems.map((p: any) => [p.number, p.measures])).toEqual([
      [5, ['规范票据', '专项检查']],
      [6, ['补签合同。']],
    ]);
  });

  it('keeps numbers that restart in each section (category) and says the plan numbers per category', () => {
    const numbering = w.abstractNum(0, w.lvl(0, { text: '%1' })) + w.num(1, 0) + w.num(2, 0, w.startOverride(0, 1));
    const section = (text: string) => w.tr([w.tc(w.p(text), w.span(5))]);
    const header = cells('序号', '问题简述', '整改措施', '整改时限', '牵头单位');
    const row = (numId: number, summary: string, lead: string) => cells(w.tc(w.p('', w.numPr(numId))), summary, '整改。', '年底前', lead);
    const body = w.tbl([
      header,
      section('一、交叉核查发现问题（2个）'),
      row(1, '甲问题。', '农办'),
      row(1, '乙问题。', '农办'),
      section('二、第三方评估发现问题'),
      row(2, '丙问题。', '卫生院'),
    ]);
    const { plan, todo } = readDocx(wordPackage({ body, numbering }));
    // Word shows 1, 2 under 一、 and 1 under 二、 (the second instance restarts); the plan keeps them and numbers per category.
    expect(plan.problems.map((p: any) => [p.number, p.category, p.summary])).toEqual([
      [1, '交叉核查发现问题', '甲问题。'],
      [2, '交叉核查发现问题', '乙问题。'],
      [1, '第三方评估发现问题', '丙问题。'],
    ]);
    expect(plan.numbering).toEqual({ scope: 'category', shownAs: '{category}-{number}' });
    expect(plan.categories).toEqual([
      { id: '交叉核查发现问题', heading: '交叉核查发现问题', label: '交叉核查发现问题' },
      { id: '第三方评估发现问题', heading: '第三方评估发现问题', label: '第三方评估发现问题' },
    ]);
    expect(todo).not.toContain('重新编号');
    expect(todo).toContain('表格的序号在每个类别中从 1 编起，已照录（plan.json 的 numbering.scope 为 category）');
    expect(todo).toContain('如“二-3”');
    expect(todo).not.toContain('categories[0].heading');
  });

  it('reads section rows that Word numbers itself (一、 as a list label)', () => {
    const numbering = w.abstractNum(0, w.lvl(0, { fmt: 'chineseCounting', text: '%1、', suff: 'nothing' })) + w.num(1, 0);
    const section = (text: string) => w.tr([w.tc(w.p(text, w.numPr(1)), w.span(5))]);
    const body = w.tbl([
      cells('序号', '问题简述', '整改措施', '整改时限', '牵头单位'),
      section('巡察反馈问题'),
      cells('1', '甲问题。', '整改。', '年底前', '农办'),
      section('审计发现问题'),
      cells('2', '乙问题。', '整改。', '年底前', '财政所'),
    ]);
    const { plan } = readDocx(wordPackage({ body, numbering }));
    expect(plan.problems.map((p: any) => [p.number, p.category])).toEqual([
      [1, '巡察反馈问题'],
      [2, '审计发现问题'],
    ]);
  });

  it.each([
    ['full-width digits with a full stop', ['１．', '２．']],
    ['bracketed', ['（1）', '(2)']],
    ['circled', ['①', '②']],
    ['with 、', ['1、', '2、']],
  ])('reads a typed 序号 %s', (_, serials) => {
    const body = w.tbl([HEADER7, ...serials.map((s, i) => cells('巡察', s, `问题${i + 1}。`, '整改。', '年底前', '农办', ''))]);
    expect(readDocx(wordPackage({ body })).plan.problems.map((p: any) => p.number)).toEqual([1, 2]);
  });
});

// --- header wordings -------------------------------------------------------------------------

describe('the header wordings offices use', () => {
  it('reads every field under its common names; 责任单位 beside 牵头单位 is the cooperating units', () => {
    const data = spreadsheetPackage({
      sheets: [
        {
          name: '清单',
          rows: xrows([
            ['序号', '问题类别', '存在问题', '整改任务', '时限要求', '牵头单位', '责任单位', '责任领导', '责任人', '整改目标', '完成标准', '备注'],
            ['1', '作风方面', '会议多。', '精简会议。', '12月底前完成', '党政办', '各村、各站所', '分管副镇长', '办公室主任', '会议减少三成', '有台账可查', '已启动'],
          ]),
        },
      ],
    });
    const { plan, todo } = readXlsx(data);
    expect(plan.problems).toEqual([
      {
        ...problem(1, '作风方面', '会议多。', ['精简会议。'], '12月底前完成', ['党政办'], ['各村', '各站所']),
        target: '会议减少三成',
        responsibleLeader: '分管副镇长',
        responsiblePerson: '办公室主任',
        completionStandard: '有台账可查',
        remarks: '已启动',
      },
    ]);
    expect(plan.tableColumns.map((c: any) => `${c.header}→${c.field}`)).toEqual([
      '序号→number',
      '问题类别→category',
      '存在问题→summary',
      '整改任务→measures',
      '时限要求→deadline',
      '牵头单位→leadUnits',
      '责任单位→cooperatingUnits',
      '责任领导→responsibleLeader',
      '责任人→responsiblePerson',
      '整改目标→target',
      '完成标准→completionStandard',
      '备注→remarks',
    ]);
    expect(todo).toContain('- 列“责任单位”读作“配合单位”（与另一列并列时的含义）。');
  });

  it('reads 责任单位 alone, or beside 配合单位, as the lead units', () => {
    const table = (headers: string[], row: string[]) => readXlsx(spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([headers, row]) }] })).plan.problems[0];
    expect(table(['序号', '问题表现', '整改举措', '完成时限', '责任单位'], ['1', '甲。', '乙。', '年底前', '农办'])).toMatchObject({ leadUnits: ['农办'], cooperatingUnits: [] });
    expect(table(['序号', '问题表现', '整改举措', '完成时限', '责任单位', '配合单位'], ['1', '甲。', '乙。', '年底前', '农办', '财政所'])).toMatchObject({ leadUnits: ['农办'], cooperatingUnits: ['财政所'] });
  });

  it('reads a header by its ending, keeps columns of other meanings out, and says how each was read', () => {
    const data = spreadsheetPackage({
      sheets: [
        {
          name: 'S',
          rows: xrows([
            ['序号', '市委巡察反馈问题', '具体整改举措', '整改完成时限要求', '主要牵头单位', '整改进展'],
            ['1', '学习不深入。', '开展专题学习。', '9月底前', '党政办', '已部署'],
          ]),
        },
      ],
    });
    const { plan, todo } = readXlsx(data);
    expect(plan.problems[0]).toEqual(problem(1, '', '学习不深入。', ['开展专题学习。'], '9月底前', ['党政办']));
    expect(todo).toContain('- 列“市委巡察反馈问题”读作“问题简述”（按表头的结尾判断）。');
    expect(todo).toContain('- 列“整改进展”：\n  第 1 号问题：已部署');
  });

  it('maps headers by hand with --map (field names or labels, none leaves a column out)', () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['编号', '问题清单', '办法', '期限', '主办', '存在问题'], ['1', '甲。', '乙。', '年底前', '农办', '重复的摘要']]) }] });
    const { plan, todo } = readXlsx(data, ['问题清单=summary', '办法=整改措施', '主办=LeadUnits', '存在问题=none']);
    expect(plan.problems[0]).toEqual(problem(1, '', '甲。', ['乙。'], '年底前', ['农办']));
    expect(todo).toContain('- 列“问题清单”读作“问题简述”（--map 指定）。');
    expect(todo).toContain('- 列“存在问题”：');
  });

  it('refuses a --map field it does not know, naming the fields, and a header the table lacks, naming its headers', async () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['序号', '问题简述', '整改措施', '牵头单位'], ['1', '甲。', '乙。', '农办']]) }] });
    const unknownField = await initFile(data, 't.xlsx', ['--map', '问题简述=problem']);
    expect(unknownField.result.exit).toBe(1);
    expect(unknownField.result.err).toContain('没有字段“problem”；字段有：category（发现问题方式）、number（序号）、summary（问题简述）');
    const unknownHeader = await initFile(data, 't.xlsx', ['--map', '问题清单=summary']);
    expect(unknownHeader.result.exit).toBe(1);
    expect(unknownHeader.result.err).toContain('--map 中的表头“问题清单”不在工作表“S”的表头中；表头有：“序号”“问题简述”“整改措施”“牵头单位”');
    const malformed = await initFile(data, 't.xlsx', ['--map', '问题清单']);
    expect(malformed.result.err).toContain('应写作 --map "表头=字段"');
    for (const r of [unknownField, unknownHeader, malformed]) expect(existsSync(r.dir)).toBe(false);
  });
});

// --- categories as section rows -----------------------------------------------------------

describe('categories written as section rows', () => {
  it('reads 一、 and （一） rows, merged or not, as the categories of the problems below; a note row is no category', () => {
    const data = spreadsheetPackage({
      sheets: [
        {
          name: '任务',
          rows: xrows([
            ['附件'],
            ['某镇巡察整改任务清单'],
            ['序号', '问题简述', '整改措施', '整改时限', '牵头单位'],
            ['一、巡察反馈问题'],
            ['（一）党建方面'],
            ['1', '组织生活不规范。', '规范三会一课。', '9月底前', '党政办'],
            ['（二）作风方面'],
            ['2', '会议多。', '精简会议。', '年底前', '党政办'],
            ['二、审计发现问题（共1个）'],
            ['3', '票据不规范。', '规范票据。', '年底前', '财政所'],
            ['注：本表由整改办汇总。'],
          ]),
          after: '<mergeCells count="3"><mergeCell ref="A2:E2"/><mergeCell ref="A9:E9"/><mergeCell ref="A11:E11"/></mergeCells>',
        },
      ],
    });
    const { plan, todo } = readXlsx(data);
    expect(plan.problems.map((p: any) => [p.number, p.category])).toEqual([
      [1, '党建方面'],
      [2, '作风方面'],
      [3, '审计发现问题'],
    ]);
    expect(plan.categories.map((c: any) => c.heading)).toEqual(['党建方面', '作风方面', '审计发现问题']);
    expect(plan.plan.attachmentTitle).toBe('某镇巡察整改任务清单');
    expect(todo).toContain('- 第 11 行：注：本表由整改办汇总。');
  });

  it('reads an ordinal in the 序号 cell with the heading beside it', () => {
    const body = w.tbl([
      cells('序号', '问题简述', '整改措施', '整改时限', '牵头单位'),
      w.tr([w.tc(w.p('一')), w.tc(w.p('交叉核查发现问题'), w.span(4))]),
      cells('1', '甲。', '整改。', '年底前', '农办'),
      w.tr([w.tc(w.p('二')), w.tc(w.p('第三方评估发现问题'), w.span(4))]),
      cells('2', '乙。', '整改。', '年底前', '农办'),
    ]);
    expect(readDocx(wordPackage({ body })).plan.problems.map((p: any) => p.category)).toEqual(['交叉核查发现问题', '第三方评估发现问题']);
  });

  it('takes the category column before a section, and a continued measure starting （二） for no section', () => {
    const data = spreadsheetPackage({
      sheets: [
        {
          name: 'S',
          rows: xrows([
            ['问题类别', '序号', '问题简述', '整改措施', '整改时限', '牵头单位'],
            ['巡察', '1', '台账不全。', '（一）补齐台账。', '年底前', '农办'],
            ['', '', '', '（二）建立制度。', '', ''],
          ]),
        },
      ],
    });
    expect(readXlsx(data).plan.problems).toEqual([problem(1, '巡察', '台账不全。', ['补齐台账。', '建立制度。'], '年底前', ['农办'])]);
  });

  it('reads a problem spread over rows under a merged 序号: a measure a row', () => {
    const body = w.tbl([
      HEADER7,
      cells(w.tc(w.p('巡察'), w.restart), w.tc(w.p('1'), w.restart), w.tc(w.p('台账不全。'), w.restart), '补齐台账。', '6月底前', '农办', ''),
      cells(w.tc('<w:p/>', w.cont), w.tc('<w:p/>', w.cont), w.tc('<w:p/>', w.cont), '建立制度。', '9月底前', '财政所', ''),
      cells('审计', '2', '票据不规范。', '规范票据。', '年底前', '财政所', ''),
    ]);
    expect(readDocx(wordPackage({ body })).plan.problems).toEqual([
      problem(1, '巡察', '台账不全。', ['补齐台账。', '建立制度。'], '6月底前；9月底前', ['农办', '财政所']),
      problem(2, '审计', '票据不规范。', ['规范票据。'], '年底前', ['财政所']),
    ]);
  });
});

describe('a task table in several Word tables', () => {
  it('reads on through tables with the same header, sections written as paragraphs between them, numbers restarting per section kept, per table numbered on', () => {
    const header = cells('序号', '问题简述', '整改措施', '整改时限', '牵头单位');
    const body = [
      w.p('附件'),
      w.p('某镇整改任务清单'),
      w.p('一、交叉核查发现问题'),
      w.tbl([header, cells('1', '甲。', '整改。', '年底前', '农办'), cells('2', '乙。', '整改。', '年底前', '农办')]),
      w.p('二、第三方评估发现问题'),
      w.tbl([header, cells('1', '丙。', '整改。', '年底前', '卫生院')]),
      w.tbl([cells('2', '丁。', '整改。', '年底前', '卫生院')]),
      w.p('联系人：'),
      w.tbl([cells('姓名', '电话'), cells('张三', '0000')]),
    ].join('');
    const { plan, todo } = readDocx(wordPackage({ body }));
    expect(plan.plan.attachmentTitle).toBe('某镇整改任务清单');
    // 1, 2 under 一、 and 1, 2 under 二、 (its second table goes on at 2): numbered per category, as the table has them.
    expect(plan.problems.map((p: any) => [p.number, p.category, p.summary])).toEqual([
      [1, '交叉核查发现问题', '甲。'],
      [2, '交叉核查发现问题', '乙。'],
      [1, '第三方评估发现问题', '丙。'],
      [2, '第三方评估发现问题', '丁。'],
    ]);
    expect(plan.numbering).toEqual({ scope: 'category', shownAs: '{category}-{number}' });
    expect(todo).toContain('- 第 3 个表格没有表头，按前一个表格的列读入，请核对。');
  });

  it('numbers on, and says so, when the numbers restart with each table but not with a category', () => {
    const header = cells('序号', '问题简述', '整改措施', '整改时限', '牵头单位');
    const body = [
      w.p('某镇整改任务清单'),
      w.tbl([header, cells('1', '甲。', '整改。', '年底前', '农办'), cells('2', '乙。', '整改。', '年底前', '农办')]),
      w.tbl([header, cells('1', '丙。', '整改。', '年底前', '卫生院')]),
    ].join('');
    const { plan, todo } = readDocx(wordPackage({ body }));
    expect(plan.problems.map((p: any) => [p.number, p.summary])).toEqual([
      [1, '甲。'],
      [2, '乙。'],
      [3, '丙。'],
    ]);
    expect(plan.numbering).toBeUndefined();
    expect(todo).toContain('已按表格顺序重新编号');
    expect(todo).toContain('第 1 号 → 第 3 号');
  });

  it('reads only the first sheet of a workbook and names the others that look like task tables', () => {
    const sheet = (name: string, summary: string) => ({ name, rows: xrows([['序号', '问题简述', '整改措施', '牵头单位'], ['1', summary, '整改。', '农办']]) });
    const { plan, todo } = readXlsx(spreadsheetPackage({ sheets: [sheet('2023版', '甲。'), sheet('旧版', '乙。')] }));
    expect(plan.problems.map((p: any) => p.summary)).toEqual(['甲。']);
    expect(todo).toContain('- 工作表“旧版”也像任务分解表');
  });

  it('keeps a deeper-numbered list inside the measure above it', () => {
    const numbering = w.abstractNum(0, w.lvl(0, { text: '%1.' }) + w.lvl(1, { text: '（%2）', suff: 'nothing' })) + w.num(1, 0);
    const measures = w.tc(w.p('加强学习：', w.numPr(1, 0)) + w.p('每周学习；', w.numPr(1, 1)) + w.p('每月测验。', w.numPr(1, 1)) + w.p('完善制度。', w.numPr(1, 0)));
    const body = w.tbl([HEADER7, cells('巡察', '1', '学习不够。', measures, '年底前', '党政办', '')]);
    expect(readDocx(wordPackage({ body, numbering })).plan.problems[0].measures).toEqual(['加强学习：\n（1）每周学习；\n（2）每月测验。', '完善制度。']);
  });

  it('reads the wordings a tester brought: 问题方面, 问题清单, 整改要求, 完成时间要求, 责任单位及责任人', () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['问题方面', '序号', '问题清单', '整改要求', '完成时间要求', '责任单位及责任人'], ['作风建设', '1', '甲。', '乙。', '6月底前完成', '农办']]) }] });
    expect(readXlsx(data).plan.problems[0]).toEqual(problem(1, '作风建设', '甲。', ['乙。'], '6月底前完成', ['农办']));
  });

  it('stops on a table without a column for the problem itself, naming the headers it did not read', async () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['序号', '问题说明', '整改措施', '整改时限', '牵头单位'], ['1', '甲。', '乙。', '6月底前完成', '农办']]) }] });
    const { result } = await initFile(data, 'table.xlsx');
    expect(result.exit).toBe(1);
    expect(result.err).toContain('中没有“问题简述”列');
    expect(result.err).toContain('未识别的表头：“问题说明”');
    expect(result.err).toContain('--map "问题说明=summary"');
  });

  it('writes a table without a deadline column, saying so and naming the header it did not read', async () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['序号', '问题简述', '整改措施', '办理要求', '牵头单位'], ['1', '甲。', '乙。', '6月底前完成', '农办']]) }] });
    const { result } = await initFile(data, 'table.xlsx');
    expect(result.exit).toBe(0);
    expect(result.err).toContain('表格中没有“整改时限”列');
    expect(result.err).toContain('未识别的表头：“办理要求”');
  });

  it('reads headers with a required-field mark or a colon', () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows([['序号：', '问题简述*', '整改措施＊', '牵头单位'], ['1', '甲。', '乙。', '农办']]) }] });
    expect(readXlsx(data).plan.problems[0]).toEqual(problem(1, '', '甲。', ['乙。'], '', ['农办']));
  });
});

// --- other producers ---------------------------------------------------------------------------

describe('valid Office files from other producers', () => {
  const TABLE = [
    ['发现问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位'],
    ['交叉核查', '1', '台账不全。', '一是补齐台账。二是建立制度。', '6月底前完成', '农办', '各村（社区）'],
    ['', '2', '资金拨付慢。', '加快拨付。', '立行立改', '财政所', ''],
  ];
  const EXPECTED = [
    problem(1, '交叉核查', '台账不全。', ['补齐台账。', '建立制度。'], '6月底前完成', ['农办'], ['各村（社区）']),
    problem(2, '交叉核查', '资金拨付慢。', ['加快拨付。'], '立行立改', ['财政所']),
  ];
  const MERGE = '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>';

  /** The table as shared strings: rich-text runs for the measures, a phonetic guide on a unit. */
  function sharedStringSheet(x: string): { rows: string; sharedStrings: string } {
    const strings: string[] = [];
    const rows = TABLE.map((row, r) => {
      const cellsXml = row.map((text, c) => {
        if (text === '') return '';
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (/^\d+$/.test(text)) return `<${x}c r="${ref}"><${x}v>${text}</${x}v></${x}c>`;
        strings.push(
          text.startsWith('一是')
            ? `<${x}si><${x}r><${x}rPr><${x}b/></${x}rPr><${x}t>一是</${x}t></${x}r><${x}r><${x}t>${text.slice(2)}</${x}t></${x}r></${x}si>`
            : text === '农办'
              ? `<${x}si><${x}t>农办</${x}t><${x}rPh sb="0" eb="2"><${x}t>nongban</${x}t></${x}rPh></${x}si>`
              : `<${x}si><${x}t>${text}</${x}t></${x}si>`,
        );
        return `<${x}c r="${ref}" t="s"><${x}v>${strings.length - 1}</${x}v></${x}c>`;
      });
      return `<${x}row r="${r + 1}">${cellsXml.join('')}</${x}row>`;
    });
    return { rows: rows.join(''), sharedStrings: strings.join('') };
  }

  it.each([
    ['x: prefixed SpreadsheetML with shared rich-text strings', 'x', undefined],
    ['the default namespace', '', undefined],
    ['ISO 29500 Strict', 's', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ])('reads %s and a merged category', (_, prefix, namespace) => {
    const x = prefix === '' ? '' : `${prefix}:`;
    const { rows, sharedStrings } = sharedStringSheet(x);
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows, after: MERGE.replace(/<(\/?)m/g, `<$1${x}m`) }], sharedStrings, prefix, ...(namespace ? { namespace } : {}) });
    expect(readXlsx(data).plan.problems).toEqual(EXPECTED);
  });

  it('reads inline strings and a workbook kept under another name', () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows(TABLE), after: MERGE }], workbookPath: 'xl/workbook2.xml' });
    expect(readXlsx(data).plan.problems).toEqual(EXPECTED);
  });

  it('lays out only rows and columns with values: a stray value far off and a merge over the whole sheet cost nothing', () => {
    const stray = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`;
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: xrows(TABLE) + stray, after: '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="H5:XFD1048575"/></mergeCells>' }] });
    const started = Date.now();
    const { plan, todo } = readXlsx(data);
    expect(plan.problems).toEqual(EXPECTED);
    // The stray value, under no header, is listed for the clerk, not put into the plan.
    expect(todo).toContain('- 列“（无表头）”：\n  第 2 号问题：x');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  const wordTable = (q: (name: string) => string) => {
    const tc = (text: string, props = '') => `<${q('tc')}><${q('tcPr')}>${props}</${q('tcPr')}><${q('p')}><${q('r')}><${q('t')}>${text}</${q('t')}></${q('r')}></${q('p')}></${q('tc')}>`;
    const rows = TABLE.map((row, r) =>
      `<${q('tr')}>${row.map((text, c) => (c === 0 && r > 0 ? tc(r === 1 ? text : '', r === 1 ? `<${q('vMerge')} ${q('val')}="restart"/>` : `<${q('vMerge')}/>`) : tc(text))).join('')}</${q('tr')}>`,
    );
    return `<${q('tbl')}>${rows.join('')}</${q('tbl')}>`;
  };

  it.each([
    ['ns0: (as Python’s ElementTree writes it)', 'ns0'],
    ['the default namespace', ''],
  ])('reads a Word document written with %s', (_, prefix) => {
    const q = (name: string) => (prefix === '' ? name : `${prefix}:${name}`);
    const data = wordPackage({ body: wordTable(q), prefix });
    expect(readDocx(data).plan.problems).toEqual(EXPECTED);
  });

  it('reads a Word document kept under another name, through the package’s relationships', async () => {
    const data = wordPackage({ body: wordTable((n) => `w:${n}`), documentPath: 'word/document2.xml' });
    const { dir, result } = await initFile(data, 't.docx');
    expect(result.exit).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')).problems).toEqual(EXPECTED);
  });

  itWithTools(['python-docx-openpyxl'], 'reads the table written by openpyxl, and by python-docx with List Number 序号 and List Bullet measures', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-py-'));
    const files = { xlsx: path.join(tmp, 't.xlsx'), docx: path.join(tmp, 't.docx') };
    const program = [
      'import sys, json, openpyxl, docx',
      'a = json.load(sys.stdin)',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "任务"',
      'for row in a["table"]: ws.append([int(v) if v.isdigit() else (v or None) for v in row])',
      'ws.merge_cells("A2:A3"); wb.save(a["xlsx"])',
      'd = docx.Document(); d.add_paragraph("附件"); d.add_paragraph("任务清单")',
      't = d.add_table(rows=len(a["table"]), cols=7)',
      'for r, row in enumerate(a["table"]):',
      '    for c, v in enumerate(row):',
      '        cell = t.cell(r, c)',
      '        if r > 0 and c == 1: cell.paragraphs[0].style = "List Number"',
      '        elif r > 0 and c == 3:',
      '            parts = [p for p in v.replace("一是", "").split("二是") if p]',
      '            cell.paragraphs[0].text = parts[0]; cell.paragraphs[0].style = "List Bullet"',
      '            for p in parts[1:]: cell.add_paragraph(p, style="List Bullet")',
      '        else: cell.paragraphs[0].text = v',
      't.cell(1, 0).merge(t.cell(2, 0)).paragraphs[0].text = "交叉核查"',
      'd.save(a["docx"]); print("{}")',
    ].join('\n');
    runPython(program, { table: TABLE, ...files });
    expect(readXlsx(readFileSync(files.xlsx)).plan.problems).toEqual(EXPECTED);
    const fromWord = readDocx(readFileSync(files.docx)).plan;
    expect(fromWord.problems).toEqual(EXPECTED);
    expect(fromWord.plan.attachmentTitle).toBe('任务清单');
  });

  it('reads the same table saved by LibreOffice (test/fixtures/init-tables/, made by soffice from these inputs)', () => {
    const fixtures = 'test/fixtures/init-tables';
    expect(readXlsx(readFileSync(path.join(fixtures, 'libreoffice.xlsx'))).plan.problems).toEqual(EXPECTED);
    expect(readDocx(readFileSync(path.join(fixtures, 'libreoffice.docx'))).plan.problems).toEqual(EXPECTED);
    expect(readDocx(readFileSync(path.join(fixtures, 'libreoffice-autonumber.docx'))).plan.problems.map((p: any) => [p.number, p.measures])).toEqual([
      [1, ['补齐台账；', '建立制度。']],
      [2, ['加快拨付。']],
    ]);
  });
});

// --- when a table cannot be read --------------------------------------------------------------

describe('what init says when it cannot read a table', () => {
  it('names the headers it found, what it recognised, and what it expected', async () => {
    const data = spreadsheetPackage({ sheets: [{ name: '清单', rows: xrows([['号', '情况', '办法', '期限', '主办'], ['1', '甲。', '乙。', '年底前', '农办']]) }] });
    const { dir, result } = await initFile(data, 't.xlsx');
    expect(result.exit).toBe(1);
    expect(result.err).toContain('没有找到任务分解表');
    expect(result.err).toContain('应有一行表头，含“序号”列和至少两个其他已知列名');
    expect(result.err).toContain('- 工作表“清单”第 1 行：号 | 情况 | 办法 | 期限 | 主办');
    expect(result.err).toContain('已识别：期限→整改时限；未识别：号、情况、办法、主办');
    expect(result.err).toContain('缺少“序号”列');
    expect(result.err).toContain('--map "表头=字段"');
    expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(dir)).toBe(false);
    const mapped = await initFile(data, 't.xlsx', ['--map', '号=number', '--map', '情况=summary', '--map', '办法=measures', '--map', '主办=leadUnits']);
    expect(mapped.result.exit).toBe(0);
  });

  it('names a hidden sheet when the table may be in it', async () => {
    const data = spreadsheetPackage({
      sheets: [
        { name: '说明', rows: xrows([['本表由整改办填写']]) },
        { name: '任务', rows: xrows([['序号', '问题简述', '整改措施', '牵头单位'], ['1', '甲。', '乙。', '农办']]), state: 'hidden' },
      ],
    });
    const { result } = await initFile(data, 't.xlsx');
    expect(result.exit).toBe(1);
    expect(result.err).toContain('工作表“任务”是隐藏的，未读取');
  });

  it('shows the 序号 cells under the header when none is a number: bullets, text, formulas never calculated', async () => {
    const numbering = w.abstractNum(0, w.lvl(0, { fmt: 'bullet', text: '●' })) + w.num(1, 0);
    const body = w.tbl([HEADER7, cells('巡察', w.tc(w.p('', w.numPr(1))), '甲。', '整改。', '年底前', '农办', ''), cells('巡察', '第一项', '乙。', '整改。', '年底前', '农办', '')]);
    const word = await initFile(wordPackage({ body, numbering }), 't.docx');
    expect(word.result.exit).toBe(1);
    expect(word.result.err).toContain('第 1 个表格的表头（表格第 1 行）下没有带序号的问题行');
    expect(word.result.err).toContain('“序号”列中是：表格第 2 行（空）（Word 项目符号，不是编号）、表格第 3 行“第一项”');
    const sheet = spreadsheetPackage({
      sheets: [{ name: 'S', rows: `${xrows([['序号', '问题简述', '整改措施', '牵头单位']])}<row r="2"><c r="A2"><f>ROW()-1</f></c>${xc('B2', '甲。')}${xc('C2', '乙。')}${xc('D2', '农办')}</row>` }],
    });
    const excel = await initFile(sheet, 't.xlsx');
    expect(excel.result.exit).toBe(1);
    expect(excel.result.err).toContain('第 2 行（空）（公式 =ROW()-1 没有保存计算结果）');
  });

  it('says which file it is when a .docx is a workbook, an .xlsx a Word document, or the XML is broken — never an internal error', async () => {
    const workbook = spreadsheetPackage({ sheets: [{ name: 'S', rows: '' }] });
    const document = wordPackage({ body: w.p('正文') });
    const broken = unzipSync(document);
    broken['word/document.xml'] = strToU8(new TextDecoder().decode(broken['word/document.xml']).replace('</w:body>', ''));
    for (const [data, name, message] of [
      [workbook, 't.docx', '不是 Word 文档：主文档不是 WordprocessingML（是否把 Excel 工作簿改成了 .docx？）'],
      [document, 't.xlsx', '不是 Excel 工作簿：主部件不是 SpreadsheetML（是否把 Word 文档改成了 .xlsx？）'],
      [zipSync(broken), 't.docx', '文件已损坏或格式不受支持，无法读取'],
    ] as const) {
      const { result } = await initFile(data, name);
      expect(result.exit).toBe(1);
      expect(result.err).toContain(`${name}：${message}`);
      expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});
