// The unit progress forms: which problems each unit answers and sees, what is
// pre-filled (a row the office closed this period: its entry, read-only),
// the checksum's reach, the workbook read back through the adapter and by
// openpyxl (validations, protection, the hidden sheet, a closed row's locked
// grey cells), and the command's files — an unedited form imports back.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { composeUnitForm, composeUnitForms, formProblems } from '../../src/compose/forms.js';
import { loadTemplates } from '../../src/templates/load.js';
import { formChecksum } from '../../src/model/document/unit-form.js';
import { planSchema, type Plan, type PlanInput } from '../../src/model/plan-schema.js';
import { progressSchema } from '../../src/model/progress-schema.js';
import { renderUnitFormXlsx } from '../../src/render/xlsx/forms.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';
import { describeWithTools, runPython } from '../helpers/tools.js';

const bundled: Plan = planSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')));
const november = progressSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/progress/2023-11.json', 'utf8')));

const templates = await loadTemplates();

const run = (args: string[]) => runCli(args);

/** A plan whose text and last answers begin with = + - @: it must reach the sheet as text. */
function formulaLookingPlan(): { plan: Plan; previous: ReturnType<typeof progressSchema.parse> } {
  const input: PlanInput = basePlan();
  input.problems[0]!.summary = '=HYPERLINK("http://example.com","点击")';
  input.problems[0]!.measures = ['+开展清河行动。', '@各村落实巡河。'];
  const progress = baseProgress('2024-05', '2024-05-31');
  progress.problems[0]!.progress = '=SUM(A1:A3)';
  progress.problems[1]!.progress = '-管网完成 60%';
  return { plan: planSchema.parse(input), previous: progressSchema.parse(progress) };
}

describe('composing the forms', () => {
  it('gives every lead unit a form: the problems it reports first-listed, the ones it co-leads for information', () => {
    const forms = composeUnitForms({ plan: bundled, planName: 'guanyang-2022', period: '2023-12', previous: november, templates });
    expect(forms.map((f) => f.unit)).toEqual(['经发办', '农业服务中心', '规建办', '社保所', '党群办', '水利办']);
    const jingfa = forms[0]!;
    expect(jingfa.rows.map((r) => r.plan.number)).toEqual([1, 3, 4, 5, 6, 7, 9, 14, 15, 16, 17]);
    expect(jingfa.infoRows.map((r) => r.number)).toEqual([13, 21]);
    expect(forms.find((f) => f.unit === '规建办')!.rows.map((r) => r.plan.number)).toEqual([8, 13]);
    expect(forms.flatMap((f) => f.rows.map((r) => r.plan.number)).sort((a, b) => a - b)).toEqual(bundled.problems.map((p) => p.number));
  });

  it('pre-fills last period\'s answers but not its evidence or note', () => {
    const form = composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-12', previous: november, templates }, '农业服务中心');
    expect(form.prefilledFrom).toBe('2023-11');
    expect(form.rows.find((r) => r.plan.number === 11)!.answers).toEqual({
      status: '推进中',
      onSchedule: '是',
      progress: november.problems[10]!.progress,
      extensionDeadline: '12月底前完成',
      extensionReason: november.problems[10]!.extension!.reason,
      extensionApprovedOn: '2023-10-20',
    });
    const plain = composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-09', templates }, '水利办');
    expect(plain.rows[0]!.answers).toEqual({});
    expect(plain.asOf).toBe('2023-09-30');
    expect(plain.dateMin).toBe('2022-01-01');
  });

  it('pre-fills a problem the period’s own file records as closed with that entry and its closure, read-only; the others from last period', () => {
    // data/guanyang-2022/progress/2023-11.json: 经发办's 3, 14, 15 and 17 are 已销号 with a closure (汪石); 2023-10 is pre-filled for the rest.
    const october = progressSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/progress/2023-10.json', 'utf8')));
    const form = composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-11', previous: october, current: november, templates }, '经发办');
    expect(form.rows.filter((r) => r.closure).map((r) => r.plan.number)).toEqual([3, 14, 15, 17]);
    const row14 = form.rows.find((r) => r.plan.number === 14)!;
    expect(row14.closure).toEqual({ date: '2023-11-10', approver: '汪石', opinion: '2个项目已按程序完成项目库调整，调整后建设内容与实际一致，同意销号。' });
    expect(row14.answers).toEqual({ status: '已销号', progress: '11月8日领导小组办公室组织验收，项目库调整资料齐全。', completedOn: '2023-10-20' });
    // Problem 7 is not closed in 2023-11: last period's 推进中 is pre-filled, the row is the unit's.
    const row7 = form.rows.find((r) => r.plan.number === 7)!;
    expect(row7.closure).toBeUndefined();
    expect(row7.answers.status).toBe('推进中');
    expect(form.wording.instructions.split('\n').slice(-5)).toEqual([
      '9. 以下问题整改办已录入销号，整行为灰色、已锁定，按录入内容预填，无需填写：',
      '　　第 3 号：2023年10月16日销号，审批（验收）人：汪石，验收意见：经抽查3个村（社区）自查台账和新纳入监测户程序资料，纳入及时、资料完整，同意销号。',
      '　　第 14 号：2023年11月10日销号，审批（验收）人：汪石，验收意见：2个项目已按程序完成项目库调整，调整后建设内容与实际一致，同意销号。',
      '　　第 15 号：2023年11月17日销号，审批（验收）人：汪石，验收意见：绩效目标审核、绩效监控资料已补充完善，时间逻辑无误，同意销号。',
      '　　第 17 号：2023年10月27日销号，审批（验收）人：汪石，验收意见：问题项目程序资料已补齐，项目前期比选及过程监督规程已建立并执行，同意销号。',
    ]);
    // A form without closures in its period says nothing of them.
    expect(composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-12', previous: november, templates }, '经发办').wording.instructions).not.toContain('已录入销号');
  });

  it('checksums only what the unit answers: its problems\' number, summary, measures, deadline and lead units', () => {
    const own = formProblems(bundled, '规建办').reported;
    const base = formChecksum(own);
    const edit = (change: (p: PlanInput['problems'][number]) => void, number: number) => {
      const input = JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')) as PlanInput; // the office's JSON (a parsed plan holds derived numbers)
      change(input.problems.find((p) => p.number === number)!);
      return formChecksum(formProblems(planSchema.parse(input), '规建办').reported);
    };
    expect(edit((p) => (p.summary += '。'), 1)).toBe(base); // another unit's problem
    expect(edit((p) => (p.cooperatingUnits = []), 8)).toBe(base);
    expect(edit((p) => (p.category = 'funds'), 8)).toBe(base);
    expect(edit((p) => (p.remarks = '备注'), 8)).toBe(base);
    expect(edit((p) => (p.summary += '。'), 8)).not.toBe(base);
    expect(edit((p) => p.measures.push('新增措施。'), 13)).not.toBe(base);
    expect(edit((p) => (p.deadline = '12月底前完成'), 8)).not.toBe(base);
    expect(edit((p) => (p.leadUnits = ['规建办', '经发办']), 8)).not.toBe(base);
    expect(formChecksum([...own].reverse())).toBe(base);
  });
});

describe('the form workbook', () => {
  it('is byte-identical from run to run', async () => {
    const model = composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-12', previous: november, templates }, '经发办');
    const [a, b] = [await renderUnitFormXlsx(model), await renderUnitFormXlsx(model)];
    expect(a.buffer.equals(b.buffer)).toBe(true);
    expect(a.warnings).toEqual([]);
  });

  it('reads back: header, locked plan columns, pre-filled answers, real dates, the hidden sheet', async () => {
    const model = composeUnitForm({ plan: bundled, planName: 'guanyang-2022', period: '2023-12', previous: november, templates }, '经发办');
    const sheets = await readXlsx((await renderUnitFormXlsx(model)).buffer);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['进展填报', 'visible'],
      ['共同牵头问题（仅供参考）', 'visible'],
      ['_zhenggai', 'veryHidden'],
    ]);
    const [main, info, meta] = sheets as [typeof sheets[0], typeof sheets[0], typeof sheets[0]];
    expect([1, 7, 9, 10, 16].map((c) => main.cell(4, c).value)).toEqual(['序号', '整改状态', '整改进展', '完成时间', '备注\n（状态倒退须说明）']);
    expect(main.cell(5, 1).value).toBe('1');
    expect(main.cell(5, 7).value).toBe('已完成并长期坚持');
    expect(main.cell(5, 10).value).toEqual(new Date('2023-07-28T00:00:00Z'));
    expect(main.cell(5, 11).value).toBe('');
    expect(String(main.cell(3, 1).value)).toContain('已预填2023年11月的填报内容');
    expect(info.cell(4, 1).value).toBe('13');
    const metaRows = Array.from({ length: meta.rowCount }, (_, i) => [meta.cell(i + 1, 1).value, meta.cell(i + 1, 2).value]);
    expect(metaRows.slice(0, 5)).toEqual([
      ['格式', 'zhenggai-unit-form/1'],
      ['方案文件夹', 'guanyang-2022'],
      ['发文字号', '官阳府发〔2023〕27号'],
      ['填报单位', '经发办'],
      ['期次', '2023-12'],
    ]);
    expect(metaRows[5]![1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps text that begins with = + - @ as text, in plan columns and pre-filled answers', async () => {
    const { plan, previous } = formulaLookingPlan();
    const sheets = await readXlsx((await renderUnitFormXlsx(composeUnitForm({ plan, planName: 'p', period: '2024-06', previous, templates }, '农办'))).buffer);
    const main = sheets[0]!;
    expect(main.cell(5, 2)).toEqual({ address: 'B5', value: '=HYPERLINK("http://example.com","点击")' });
    expect(main.cell(5, 3).value).toBe('一是+开展清河行动。二是@各村落实巡河。');
    expect(main.cell(5, 9)).toEqual({ address: 'I5', value: '=SUM(A1:A3)' });
    expect(sheets[1]!.cell(4, 2).value).toBe('污水直排。');
  });
});

describeWithTools(['python-docx-openpyxl'], 'the form read by openpyxl', () => {
  it('has the drop-downs, the date checks, protection with unlocked answers, text formats and the veryHidden sheet', async () => {
    const { plan, previous } = formulaLookingPlan();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-form-')), 'form.xlsx');
    const model = composeUnitForm({ plan, planName: 'p', period: '2024-06', previous, templates }, '农办');
    writeFileSync(file, (await renderUnitFormXlsx(model)).buffer);
    const seen = runPython<Record<string, unknown>>(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(json.load(sys.stdin)['file'])
ws = wb['进展填报']
dv = sorted([{'type': d.type, 'operator': d.operator, 'f1': d.formula1, 'f2': d.formula2, 'sqref': str(d.sqref), 'style': d.errorStyle} for d in ws.data_validations.dataValidation], key=lambda d: d['sqref'])
cells = {a: {'locked': ws[a].protection.locked, 'fmt': ws[a].number_format, 'type': ws[a].data_type, 'value': str(ws[a].value)} for a in ['A5', 'B5', 'G5', 'H5', 'I5', 'J5', 'K5', 'O5', 'P5']}
info = wb['共同牵头问题（仅供参考）']
print(json.dumps({'dv': dv, 'cells': cells, 'protected': ws.protection.sheet, 'sheets': [[s.title, s.sheet_state, s.protection.sheet] for s in wb.worksheets],
  'infoLocked': all(c.protection.locked for row in info.iter_rows() for c in row), 'cf': [str(r.sqref) for r in ws.conditional_formatting]}, ensure_ascii=False))
`,
      { file },
    );
    expect(seen.dv).toEqual([
      { type: 'list', operator: null, f1: '"未启动,推进中,已完成,已完成并长期坚持,已销号"', f2: null, sqref: 'G5', style: 'stop' },
      { type: 'list', operator: null, f1: '"是,否"', f2: null, sqref: 'H5', style: 'stop' },
      // 2023-01-01 (the year before the notice's) to 2024-06-30; no operator attribute means between (ECMA-376 default).
      { type: 'date', operator: null, f1: '44927', f2: '45473', sqref: 'J5', style: 'warning' },
      { type: 'date', operator: null, f1: '44927', f2: '45473', sqref: 'O5', style: 'warning' },
    ]);
    const cells = seen.cells as Record<string, { locked: boolean; fmt: string; type: string; value: string }>;
    expect(cells.A5).toMatchObject({ locked: true, value: '1' });
    expect(cells.B5).toMatchObject({ locked: true, type: 's', value: '=HYPERLINK("http://example.com","点击")' });
    expect(cells.I5).toMatchObject({ locked: false, fmt: '@', type: 's', value: '=SUM(A1:A3)' });
    for (const a of ['G5', 'H5', 'K5', 'P5']) expect(cells[a]).toMatchObject({ locked: false, fmt: '@' });
    expect(cells.J5).toMatchObject({ locked: false, fmt: 'yyyy-mm-dd', type: 'd', value: '2024-05-20 00:00:00' }); // a real date, not text
    expect(cells.O5).toMatchObject({ locked: false, fmt: 'yyyy-mm-dd' });
    expect(seen.protected).toBe(true);
    expect(seen.sheets).toEqual([
      ['进展填报', 'visible', true],
      ['共同牵头问题（仅供参考）', 'visible', true],
      ['_zhenggai', 'veryHidden', true],
    ]);
    expect(seen.infoLocked).toBe(true);
    expect(seen.cf).toEqual(['H5', 'J5']);
  });
});

describeWithTools(['python-docx-openpyxl'], 'a closed row read by openpyxl', () => {
  it('locks and greys every cell of a row the office closed this period, and leaves the other rows’ answers unlocked and white', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-forms-closed-'));
    expect((await run(['forms', 'data/guanyang-2022', '--period', '2023-11', '--out', out])).exit).toBe(0);
    const seen = runPython<{ rows: [string, string, boolean[], string[]][] }>(
      `
import json, sys, openpyxl
ws = openpyxl.load_workbook(json.load(sys.stdin)['file'])['进展填报']
rows = [[str(ws.cell(r, 1).value), str(ws.cell(r, 7).value), [ws.cell(r, c).protection.locked for c in range(7, 17)], sorted({ws.cell(r, c).fill.fgColor.rgb for c in range(7, 17)})] for r in range(5, ws.max_row + 1)]
print(json.dumps({'rows': rows}, ensure_ascii=False))
`,
      { file: path.join(out, 'guanyang-2022', 'forms-2023-11', '经发办.xlsx') },
    );
    const closed = seen.rows.filter(([, , locked]) => locked.every(Boolean));
    expect(closed.map(([n, status, , fills]) => [n, status, fills])).toEqual(['3', '14', '15', '17'].map((n) => [n, '已销号', ['FFF2F2F2']]));
    const open = seen.rows.filter(([n]) => !['3', '14', '15', '17'].includes(n));
    expect(open).toHaveLength(7);
    for (const [n, , locked, fills] of open) expect([n, locked.some(Boolean), fills], n).toEqual([n, false, ['00000000']]);
  });
});

describe('zhenggai forms', () => {
  it('writes one workbook per lead unit under <out>/<plan>/forms-<period>/', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-forms-'));
    const result = await run(['forms', 'data/guanyang-2022', '--period', '2023-12', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022', 'forms-2023-12')).sort()).toEqual(['党群办.xlsx', '农业服务中心.xlsx', '水利办.xlsx', '社保所.xlsx', '经发办.xlsx', '规建办.xlsx'].sort());
    expect(result.out).toContain('共 6 个单位的填报表');
  });

  it('takes the unedited form back: the closed rows’ entries come back as recorded, closure included', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-forms-back-'));
    const dir = path.join(root, 'guanyang-2022');
    cpSync('data/guanyang-2022', dir, { recursive: true });
    const out = path.join(root, 'out');
    expect((await run(['forms', dir, '--period', '2023-11', '--out', out])).exit).toBe(0);
    const imported = await run(['import', dir, path.join(out, 'guanyang-2022', 'forms-2023-11', '经发办.xlsx'), '--period', '2023-11', '--force']);
    expect(imported.exit, imported.err).toBe(0);
    const after = progressSchema.parse(JSON.parse(readFileSync(path.join(dir, 'progress', '2023-11.json'), 'utf8')));
    for (const n of [3, 14, 15, 17]) expect(after.problems.find((p) => p.number === n), `problem ${n}`).toEqual(november.problems.find((p) => p.number === n));
  });

  it('makes safe, distinct file names from unit names', async () => {
    const input = basePlan();
    input.units = [{ name: 'CON' }, { name: '林业站/护林队' }, { name: 'con' }];
    input.problems[0]!.leadUnits = ['CON'];
    input.problems[0]!.cooperatingUnits = [];
    input.problems[1]!.leadUnits = ['林业站/护林队'];
    input.problems[2]!.leadUnits = ['con'];
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-forms-')), 'hekou');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(input));
    const out = path.join(dir, 'out');
    expect((await run(['forms', dir, '--period', '2024-06', '--out', out])).exit).toBe(0);
    expect(readdirSync(path.join(out, 'hekou', 'forms-2024-06')).sort()).toEqual(['_CON.xlsx', '_con (2).xlsx', '林业站／护林队.xlsx'].sort());
  });

  it('refuses a period that is not YYYY-MM or is before the notice', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-forms-'));
    const bad = await run(['forms', 'data/guanyang-2022', '--period', '2023-13', '--out', out]);
    expect(bad.exit).toBe(1);
    expect(bad.err).toContain('期次应写作 YYYY-MM');
    const early = await run(['forms', 'data/guanyang-2022', '--period', '2023-08', '--out', out]);
    expect(early.exit).toBe(1);
    expect(early.err).toContain('期次 2023-08 早于方案印发月份 2023-09');
    expect(readdirSync(out)).toEqual([]);
  });
});
