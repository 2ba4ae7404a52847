// A plan numbered per category, as an office brings it: the Word task table
// test/fixtures/tables/category-numbered.docx (made by python-docx from
// make-category-numbered.py: categories as a merged first column, numbers
// 1, 2, 3 / 1, 2 / 1, 2, 3, a 责任领导 column, deadlines written
// 12月中旬前, 2024年春节前, 中期（3个月内）…, a problem with two lead units)
// goes through init --from-table; after the notice's metadata and what else a
// table cannot hold are filled in, check finds nothing and every document
// command runs. Every document is read back (Word through the project's
// table reader and python-docx, Excel through the project's reader) to show
// the numbers as the table had them where the category stands beside them,
// and the shown number 二-1 everywhere else (docs/domain.md#problem-numbers).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formProblems } from '../../src/compose/forms.js';
import { checkPlanFolder } from '../../src/documents/check.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { docxTableSources } from '../../src/load/table-import-docx.js';
import type { TableSource } from '../../src/load/table-import-grid.js';
import { FORM_FIRST_DATA_ROW, FORM_SHEET } from '../../src/model/document/unit-form-layout.js';
import { planSchema, type Plan } from '../../src/model/plan-schema.js';
import { editCells, type CellEdit } from '../import/form-editor.js';
import { DEBIAN_PYTHON, describeWithTools, itWithTools, runTool } from '../helpers/tools.js';
import { runOk, sheetRows } from './read-back.js';
import { runCli } from './run.js';

const TABLE_FILE = 'test/fixtures/tables/category-numbered.docx';
const TITLE = '青山镇耕地保护督察反馈问题整改任务分解表';
const NOTICE = '青府发〔2023〕31号-关于印发《青山镇耕地保护督察反馈问题整改方案》的通知.docx';
const REPORT = '青府文〔2024〕2号-青山县青山镇人民政府关于耕地保护督察反馈问题整改进展情况的报告.docx';

// Stated by hand from the table (not read from the code): each row's category, number as written, and how it is shown elsewhere.
const CATEGORIES = ['督察反馈问题', '信访反映问题', '自查发现问题'];
const WRITTEN = ['1', '2', '3', '1', '2', '1', '2', '3'];
const SHOWN = ['一-1', '一-2', '一-3', '二-1', '二-2', '三-1', '三-2', '三-3'];

let tmp: string;
let dir: string;
let out: string;
let planOut: string;
let plan: Plan;

const cellTexts = (source: TableSource): string[][] => source.grid.map((row) => row.map((cell) => (cell.covered ? '' : cell.text.trim())));
const word = (file: string): TableSource[] => docxTableSources(readFileSync(file));

/** The rows of a table that hold a problem, by a column that holds its number written as `pattern`. */
function numberColumn(rows: readonly (readonly string[])[], column: number, pattern: RegExp): string[] {
  return rows.map((row) => row[column] ?? '').filter((text) => pattern.test(text));
}

/** What the office writes into plan.json after init: the notice's metadata, the plan's prose and the categories' headings. */
function fillMetadata(file: string): void {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(json.notice, {
    issuerMark: '青山县青山镇人民政府文件',
    docNumber: '青府发〔2023〕31号',
    title: '关于印发《青山镇耕地保护督察反馈问题整改方案》的通知',
    recipients: '各村，镇属各单位',
    body: ['现将《青山镇耕地保护督察反馈问题整改方案》印发给你们，请认真抓好落实。'],
    signatory: '青山县青山镇人民政府',
    date: '2023-11-20',
  });
  Object.assign(json.plan, {
    title: '青山镇耕地保护督察反馈问题整改方案',
    subject: '耕地保护督察反馈问题整改',
    preamble: ['为抓好耕地保护督察反馈问题整改，结合我镇实际，制定本方案。'],
    goal: { heading: '整改目标', paragraphs: ['督察反馈、信访反映和自查发现的8个问题逐项整改到位。'] },
    problemsHeading: '问题及整改措施',
    requirements: { heading: '整改要求', items: [{ heading: '压实整改责任。', text: '各牵头单位主要负责人为整改第一责任人，按月报送整改进展。' }] },
  });
  const headings = ['督察反馈的问题', '群众信访反映的问题', '自查发现的问题'];
  json.categories.forEach((c: { heading: string }, i: number) => (c.heading = headings[i]!));
  writeFileSync(file, JSON.stringify(json, null, 2));
}

/** Fill a unit's form as Excel would leave it, by the problems' shown numbers. */
function fillForm(unit: string, file: string, fills: Record<string, Record<string, CellEdit>>): void {
  const edits: Record<string, CellEdit> = {};
  formProblems(plan, unit).reported.forEach((problem, i) => {
    for (const [column, edit] of Object.entries(fills[problem.shownNumber] ?? {})) edits[`${column}${FORM_FIRST_DATA_ROW + i}`] = edit;
  });
  writeFileSync(file, editCells(readFileSync(file), FORM_SHEET, edits));
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-category-numbering-'));
  dir = path.join(tmp, 'qingshan');
  out = path.join(tmp, 'out');
  planOut = path.join(out, 'qingshan');
  await runOk(['init', dir, '--from-table', TABLE_FILE]);
});

describe('a Word task table numbered per category through every command', () => {
  it('init: keeps the numbers as the table has them and says the plan numbers per category', () => {
    const json = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    expect(json.numbering).toEqual({ scope: 'category', shownAs: '{category}-{number}' });
    expect(json.problems.map((p: { number: number }) => String(p.number))).toEqual(WRITTEN);
    expect(json.categories.map((c: { label: string }) => c.label)).toEqual(CATEGORIES);
    expect(json.problems[1].leadUnits).toEqual(['国土所', '综合执法大队']);
    expect(json.problems.map((p: { responsibleLeader: string }) => p.responsibleLeader)).toContain('王强（副镇长）');
    expect(json.problems.map((p: { deadline: string }) => p.deadline)).toEqual(['12月中旬前', '2024年春节前', '中期（3个月内）', '2024年第一季度', '短期整改，2024年3月底前见效', '持续推进', '每月', '2024年6月底前']);
    expect(readFileSync(path.join(dir, '未映射内容.txt'), 'utf8')).toContain('表格的序号在每个类别中从 1 编起，已照录');
  });

  it('check: after the metadata is filled in, no error and no warning; --deadlines names problems by shown number', async () => {
    fillMetadata(path.join(dir, 'plan.json'));
    plan = planSchema.parse(JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')));
    expect(plan.problems.map((p) => p.shownNumber)).toEqual(SHOWN);
    expect(await checkPlanFolder(dir)).toEqual([]);
    const deadlines = await runOk(['check', dir, '--deadlines']);
    // Stated by hand: notice 2023-11-20; 12月中旬 the 20th; the Spring Festival of 2024 is 2024-02-10; 中期（3个月内） three months on.
    expect(deadlines.out).toContain('一-1  “12月中旬前”  →  2023-12-20');
    expect(deadlines.out).toContain('一-2  “2024年春节前”  →  2024-02-09');
    expect(deadlines.out).toContain('一-3  “中期（3个月内）”  →  2024-02-20');
  });

  it('table: Word and Excel show the category beside the numbers 1, 2, 3 / 1, 2 / 1, 2, 3, as the source table does', async () => {
    await runOk(['table', dir, '--out', out]);
    const [source] = word(TABLE_FILE);
    const sourceNumbers = numberColumn(cellTexts(source!), 1, /^\d+$/);
    expect(sourceNumbers).toEqual(WRITTEN);
    const [docx] = word(path.join(planOut, `${TITLE}.docx`));
    const rows = cellTexts(docx!);
    expect(numberColumn(rows, 1, /^\d+$/)).toEqual(sourceNumbers);
    expect(rows.map((row) => row[0]).filter((t) => CATEGORIES.includes(t!))).toEqual(CATEGORIES);
    const [sheet] = await readXlsx(readFileSync(path.join(planOut, `${TITLE}.xlsx`)));
    expect(numberColumn(sheetRows(sheet!), 1, /^\d+$/)).toEqual(WRITTEN);
  });

  it('notice: the plan body numbers within each category heading; the attached table as the source', async () => {
    await runOk(['notice', dir, '--out', out]);
    const [table] = word(path.join(planOut, NOTICE));
    const paragraphs = table!.before!.map((p) => p.trim()).filter(Boolean);
    const second = paragraphs.indexOf('（二）群众信访反映的问题');
    expect(second).toBeGreaterThan(0);
    expect(paragraphs[second + 1]).toBe('1．群众反映灌溉渠道淤塞。');
    expect(paragraphs.filter((p) => /^\d．/.test(p)).map((p) => p.split('．')[0])).toEqual(WRITTEN);
    expect(numberColumn(cellTexts(table!), 1, /^\d+$/)).toEqual(WRITTEN);
  });

  it('forms: each unit’s 序号 shows the shown number; the filled forms import into a progress file that names problems so', async () => {
    mkdirSync(path.join(dir, 'evidence', '二-1'), { recursive: true });
    writeFileSync(path.join(dir, 'evidence', '二-1', '清淤验收单.txt'), '渠道清淤验收单\n');
    await runOk(['forms', dir, '--period', '2023-12', '--out', out]);
    const formsDir = path.join(planOut, 'forms-2023-12');
    const files = readdirSync(formsDir).sort();
    const [farm] = await readXlsx(readFileSync(path.join(formsDir, '农业服务中心.xlsx')));
    expect(numberColumn(sheetRows(farm!), 0, /^[一二三]-\d$/)).toEqual(['一-1', '一-3', '三-3']);
    // A 序号 changed on the form is refused, named as the form shows it.
    const edited = path.join(tmp, '农业服务中心-edited.xlsx');
    writeFileSync(edited, editCells(readFileSync(path.join(formsDir, '农业服务中心.xlsx')), FORM_SHEET, { [`A${FORM_FIRST_DATA_ROW}`]: { text: '一-3' } }));
    const refused = await runCli(['import', dir, '--period', '2023-12', edited]);
    expect(refused.exit).toBe(1);
    expect(refused.err).toContain(`序号被修改：此行应为第 一-1 号问题，读到“一-3”，与第 ${FORM_FIRST_DATA_ROW + 1} 行重复`);
    // A form made before the plan switched to numbering per category shows the plan-wide number (一-1 was problem 1): said so, not “edited”.
    const older = path.join(tmp, '农业服务中心-older.xlsx');
    writeFileSync(older, editCells(readFileSync(path.join(formsDir, '农业服务中心.xlsx')), FORM_SHEET, { [`A${FORM_FIRST_DATA_ROW}`]: { number: 1 } }));
    const switched = await runCli(['import', dir, '--period', '2023-12', older]);
    expect(switched.exit).toBe(1);
    expect(switched.err).toContain(`进展填报!A${FORM_FIRST_DATA_ROW}  error  序号“1”是全方案统一编号的写法，方案现在各类别分别编号，此行是第 一-1 号问题：这份填报表生成于方案改为各类别分别编号之前`);
    const ongoing = (progress: string): Record<string, CellEdit> => ({ G: { text: '推进中' }, H: { text: '是' }, I: { text: progress } });
    fillForm('农业服务中心', path.join(formsDir, '农业服务中心.xlsx'), {
      '一-1': { G: { text: '推进中' }, H: { text: '否' }, I: { text: '已排查耕地1200亩。' }, L: { text: '部分地块农户外出，复耕协议未签完。' } },
      '一-3': ongoing('管护主体已明确。'),
      '三-3': { G: { text: '未启动' } },
    });
    fillForm('国土所', path.join(formsDir, '国土所.xlsx'), { '一-2': { G: { text: '已完成' }, J: { text: '2023-12-15' }, I: { text: '违法建房3处已拆除复垦。' } } });
    fillForm('水利站', path.join(formsDir, '水利站.xlsx'), { '二-1': { G: { text: '已完成' }, J: { text: '2023-12-28' }, I: { text: '渠道清淤4公里。' }, K: { text: '清淤验收单.txt' } } });
    fillForm('经管站', path.join(formsDir, '经管站.xlsx'), { '二-2': ongoing('统一合同文本已印发。') });
    fillForm('党政办', path.join(formsDir, '党政办.xlsx'), { '三-1': ongoing('宣传月活动已开展。'), '三-2': ongoing('考核办法已修订。') });
    const imported = await runOk(['import', dir, '--period', '2023-12', ...files.map((f) => path.join(formsDir, f))]);
    expect(imported.out).toContain('各单位的填报表均已导入');
    const december = JSON.parse(readFileSync(path.join(dir, 'progress', '2023-12.json'), 'utf8'));
    expect(december.problems.map((p: { number: unknown }) => p.number)).toEqual(SHOWN);
    expect(december.problems[3]).toMatchObject({ number: '二-1', status: '已完成', evidence: ['二-1/清淤验收单.txt'] });
    // Each entry records the category it was written under (the plan's ids), so a later change of the categories' ordinals is caught, not followed.
    const planJson = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { problems: { category: string }[] };
    expect(december.problems.map((p: { category: unknown }) => p.category)).toEqual(planJson.problems.map((p) => p.category));
    // A unit's form imported again (--force) replaces its entries, found by their shown numbers: none twice.
    fillForm('经管站', path.join(formsDir, '经管站.xlsx'), { '二-2': ongoing('统一合同文本已印发，补签合同30份。') });
    await runOk(['import', dir, '--period', '2023-12', '--force', path.join(formsDir, '经管站.xlsx')]);
    const again = JSON.parse(readFileSync(path.join(dir, 'progress', '2023-12.json'), 'utf8'));
    expect(again.problems.map((p: { number: unknown }) => p.number)).toEqual(SHOWN);
    expect(again.problems[4]).toMatchObject({ number: '二-2', progress: '统一合同文本已印发，补签合同30份。' });
  });

  it('check: the office records a closure and the report block; no error', async () => {
    const file = path.join(dir, 'progress', '2023-12.json');
    const december = JSON.parse(readFileSync(file, 'utf8'));
    december.report = {
      docNumber: '青府文〔2024〕2号',
      signer: '周平',
      recipients: '青山县自然资源局',
      issuer: '青山县青山镇人民政府',
      issuerMark: '青山县青山镇人民政府',
      date: '2024-01-03',
      workDone: ['12月，镇党委召开专题会议研究耕地保护问题整改。'],
      difficulties: ['部分撂荒地权属复杂。'],
      nextSteps: ['1月底前完成撂荒地底数排查。'],
    };
    Object.assign(december.problems[1], { status: '已销号', closure: { date: '2023-12-30', approver: '周平', opinion: '经现场核查，违法建房已拆除复垦，同意销号。' } });
    writeFileSync(file, JSON.stringify(december, null, 2));
    expect((await checkPlanFolder(dir)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('report and ledger: the report names problems 一-1, 三-1 …; its table and the ledger show the shown numbers', async () => {
    await runOk(['report', dir, '--period', '2023-12', '--out', out]);
    const folder = path.join(planOut, '2023-12');
    const [table] = word(path.join(folder, REPORT));
    const text = table!.before!.join('\n');
    expect(text).toContain('一-1．部分耕地“非粮化”问题整改不彻底。'); // overdue (due 2023-12-20)
    expect(text).toMatch(/需长期坚持的问题2个（问题三-1、\u200b?三-2）/);
    // The default report columns have no category column: the number is shown whole.
    expect(numberColumn(cellTexts(table!), 0, /^[一二三]-\d$/)).toEqual(SHOWN);
    const [ledger] = await readXlsx(readFileSync(path.join(folder, '整改台账-2023-12.xlsx')));
    const rows = sheetRows(ledger!);
    const header = rows.find((row) => row.includes('序号'))!;
    expect(numberColumn(rows, header.indexOf('序号'), /^[一二三]-\d$/)).toEqual(SHOWN);
  });

  it('closure forms: 问题编号 is the shown number', async () => {
    await runOk(['closure-forms', dir, '--period', '2023-12', '--out', out]);
    const folder = path.join(planOut, '2023-12');
    const blank = word(path.join(folder, '整改问题销号审批表（已完成待签字）.docx'));
    const filled = word(path.join(folder, '整改问题销号审批表（本期已销号）.docx'));
    expect(blank.map((t) => t.grid[0]!.map((c) => c.text))).toEqual([['问题编号', '二-1', '问题来源', '群众信访反映的问题']]);
    expect(filled.map((t) => t.grid[0]!.map((c) => c.text))).toEqual([['问题编号', '一-2', '问题来源', '督察反馈的问题']]);
  });

  it('packet: the evidence folder is named by its place in the plan, then the shown number', async () => {
    await runOk(['packet', dir, '--period', '2023-12', '--zip', '--out', out]);
    const packet = path.join(planOut, 'packet-2023-12');
    const evidence = readdirSync(packet).find((n) => n.endsWith('佐证材料'))!;
    expect(readdirSync(path.join(packet, evidence))).toEqual(['04-二-1-群众反映灌溉渠道淤塞']);
    const manifest = JSON.parse(readFileSync(path.join(packet, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('04-二-1-群众反映灌溉渠道淤塞/清淤验收单.txt');
  });

  itWithTools(['python-docx-openpyxl'], 'read by python-docx and openpyxl: the task table’s 序号 column and the ledger’s', () => {
    const program = [
      'import sys, json, docx, openpyxl',
      'a = json.loads(sys.argv[1])',
      't = docx.Document(a["docx"]).tables[0]',
      'numbers = [r.cells[1].text.strip() for r in t.rows[1:]]',
      'ws = openpyxl.load_workbook(a["xlsx"]).worksheets[0]',
      'col = next(c.column for row in ws.iter_rows() for c in row if c.value == "序号")',
      'ledger = [str(ws.cell(r, col).value) for r in range(1, ws.max_row + 1) if ws.cell(r, col).value not in (None, "序号")]',
      'print(json.dumps({"table": numbers, "ledger": ledger}, ensure_ascii=False))',
    ].join('\n');
    const args = { docx: path.join(planOut, `${TITLE}.docx`), xlsx: path.join(planOut, '2023-12', '整改台账-2023-12.xlsx') };
    const read = JSON.parse(runTool(DEBIAN_PYTHON, ['-c', program, JSON.stringify(args)]));
    expect(read.table.filter((t: string) => /^\d+$/.test(t))).toEqual(WRITTEN);
    expect(read.ledger.filter((t: string) => /^[一二三]-\d$/.test(t))).toEqual(SHOWN);
  });
});

describeWithTools(['soffice', 'pdftotext'], 'a plan numbered per category printed (--pdf, LibreOffice)', () => {
  it('task table and report as PDF: the numbers as the table had them beside the category, 一-1 in the report', async () => {
    const pdfOut = path.join(tmp, 'pdf');
    await runOk(['table', dir, '--out', pdfOut, '--pdf', '--type', 'docx']);
    await runOk(['report', dir, '--period', '2023-12', '--out', pdfOut, '--pdf']);
    const table = runTool('pdftotext', ['-layout', path.join(pdfOut, 'qingshan', `${TITLE}.pdf`), '-']);
    // A line of the table's body starts with the number, after the category's first two characters on some lines.
    const numbers = [...table.matchAll(/^\s*(?:\p{Script=Han}{2}\s+)?(\d)\s{2,}/gmu)].map((m) => m[1]);
    expect(numbers).toEqual(WRITTEN);
    const report = runTool('pdftotext', ['-layout', path.join(pdfOut, 'qingshan', '2023-12', REPORT.replace(/\.docx$/, '.pdf')), '-']);
    expect(report).toContain('一-1．部分耕地');
    expect(report).toMatch(/需长期坚持的问题 ?2 ?个（问题三-1、三-2）/);
    // The attached progress table: each row starts with its shown number.
    expect([...report.matchAll(/^\s*([一二三]-\d)\s/gm)].map((m) => m[1])).toEqual(SHOWN);
  });
});
