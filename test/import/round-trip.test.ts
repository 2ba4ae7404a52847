// forms → filled → import → the progress file holds exactly what was filled:
// statuses typed from the list, dates typed as text in every accepted way, an
// Excel date serial, a formula with its cached result, evidence by bare file
// name, and text beginning with = + - @ that stays text. Then the unit-by-unit
// and --force behaviour on the same files.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formProblems } from '../../src/compose/forms.js';
import { runCli } from '../cli/run.js';
import { checkPlanFolder } from '../../src/documents/check.js';
import { planSchema, type Plan } from '../../src/model/plan-schema.js';
import { progressSchema, type ProblemProgress } from '../../src/model/progress-schema.js';
import { editCells, type CellEdit } from './form-editor.js';

const PERIOD = '2023-12';
const plan: Plan = planSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')));
const november = progressSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/progress/2023-11.json', 'utf8')));

const run = (args: string[]) => runCli(args);

/** What the form pre-fills, as it will come back when left alone (see compose/forms.ts prefill). */
function prefilled(entry: ProblemProgress): Record<string, unknown> {
  const { number, status, onSchedule, progress, completedOn, reason, extension, closure } = entry;
  return {
    number,
    status,
    ...(status === '推进中' && onSchedule !== undefined ? { onSchedule } : {}),
    ...(progress ? { progress } : {}),
    ...(completedOn ? { completedOn } : {}),
    ...(reason ? { reason } : {}),
    ...(extension ? { extension } : {}),
    ...(status === '已销号' && closure ? { closure } : {}),
  };
}

interface Fill {
  cells: Record<string, CellEdit>;
  /** The entry the file must then hold (fields replacing the pre-filled ones; undefined removes one). */
  expect: Record<string, unknown>;
}

/** Column letters of the form (model/document/unit-form-layout.ts FORM_COLUMNS). */
const FILLS: Record<number, Fill> = {
  // A status from the list, a dotted date, evidence by bare name, progress starting with =; last month's 否 left in 达到序时进度.
  8: {
    cells: { G: { text: '已完成' }, J: { text: '2023.12.14' }, K: { text: '危房拆除协调会记录.txt' }, I: { text: '=旧房已拆除，宅基地已复垦' } },
    expect: { status: '已完成', completedOn: '2023-12-14', evidence: ['08/危房拆除协调会记录.txt'], progress: '=旧房已拆除，宅基地已复垦', onSchedule: undefined },
  },
  // 10月5日-style date (the period's year), text starting with +.
  10: { cells: { G: { text: '已完成' }, H: { clear: true }, J: { text: '12月8日' }, I: { text: '+3 名人岗分离人员已清退' } }, expect: { status: '已完成', completedOn: '2023-12-08', progress: '+3 名人岗分离人员已清退', onSchedule: undefined } },
  // A formula in the date cell, with the result Excel saved; text starting with -.
  12: {
    cells: { G: { text: '已完成并长期坚持' }, H: { clear: true }, J: { formula: 'DATE(2023,12,6)', cached: 45266 }, I: { text: '-就业帮扶台账已更新' } },
    expect: { status: '已完成并长期坚持', completedOn: '2023-12-06', progress: '-就业帮扶台账已更新', onSchedule: undefined },
  },
  // Still in progress, not on schedule, a reason starting with @.
  13: { cells: { H: { text: '否' }, L: { text: '@全体村（社区）：冬季施工受限，管护进度滞后' } }, expect: { onSchedule: false, reason: '@全体村（社区）：冬季施工受限，管护进度滞后' } },
  // 2023年12月20日, and a note.
  19: { cells: { G: { text: '已完成' }, H: { clear: true }, J: { text: '2023年12月20日' }, P: { text: '年度考核结果已通报' } }, expect: { status: '已完成', completedOn: '2023-12-20', note: '年度考核结果已通报', onSchedule: undefined } },
  // An Excel date serial, evidence by path, slashes in a date typed elsewhere.
  20: {
    cells: { G: { text: '已完成并长期坚持' }, H: { clear: true }, J: { number: 45275 }, K: { text: '20/农村饮水安全排查台账.txt' } },
    expect: { status: '已完成并长期坚持', completedOn: '2023-12-15', evidence: ['20/农村饮水安全排查台账.txt'], onSchedule: undefined },
  },
  // A date retyped as 2023/7/28 (the same day), a note starting with =.
  1: { cells: { J: { text: '2023/7/28' }, P: { text: '=继续按月发放告知单' } }, expect: { note: '=继续按月发放告知单' } },
};

function expectedEntry(number: number): Record<string, unknown> {
  const entry = { ...prefilled(november.problems.find((p) => p.number === number)!), ...(FILLS[number]?.expect ?? {}) };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

let tmp: string;
let dir: string;
let forms: Map<string, string>;

function fillForm(unit: string, file: string): void {
  const edits: Record<string, CellEdit> = {};
  formProblems(plan, unit).reported.forEach((problem, i) => {
    for (const [column, edit] of Object.entries(FILLS[problem.number]?.cells ?? {})) edits[`${column}${5 + i}`] = edit;
  });
  writeFileSync(file, editCells(readFileSync(file), '进展填报', edits));
}

function progressFile(): { problems: Array<Record<string, unknown>>; report?: unknown; period: string; asOf: string; $schema?: string } {
  return JSON.parse(readFileSync(path.join(dir, 'progress', `${PERIOD}.json`), 'utf8'));
}

describe('forms → filled → import', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-import-'));
    dir = path.join(tmp, 'guanyang-2022');
    cpSync('data/guanyang-2022', dir, { recursive: true });
    expect((await run(['forms', dir, '--period', PERIOD, '--out', path.join(tmp, 'out')])).exit).toBe(0);
    const formsDir = path.join(tmp, 'out', 'guanyang-2022', `forms-${PERIOD}`);
    forms = new Map(['经发办', '农业服务中心', '规建办', '社保所', '党群办', '水利办'].map((u) => [u, path.join(formsDir, `${u}.xlsx`)]));
    for (const [unit, file] of forms) fillForm(unit, file);
  });

  it('imports one unit: creates the period file without a report block, lists the units still missing', async () => {
    const result = await run(['import', dir, '--period', PERIOD, forms.get('水利办')!]);
    expect(result.exit).toBe(0);
    const file = progressFile();
    expect(file).toMatchObject({ $schema: '../../../schema/progress.schema.json', period: PERIOD, asOf: '2023-12-31' });
    expect(file.report).toBeUndefined();
    expect(file.problems).toEqual([expectedEntry(20)]);
    expect(result.out).toContain('尚未导入填报表的单位：经发办、农业服务中心、规建办、社保所、党群办');
    expect(result.out).toContain('尚无 report');
    expect(result.err).toMatch(/progress\/2023-12\.json:\d+:\d+ {2}warning {2}本期缺少问题 1、2、/);
  });

  it('imports the rest: every entry is what the forms hold, in plan order, with warnings at their cells', async () => {
    const rest = [...forms].filter(([unit]) => unit !== '水利办').map(([, file]) => file);
    const result = await run(['import', dir, '--period', PERIOD, ...rest]);
    expect(result.exit).toBe(0);
    expect(progressFile().problems).toEqual(plan.problems.map((p) => expectedEntry(p.number)));
    expect(result.out).toContain('各单位的填报表均已导入');
    const 社保所 = forms.get('社保所')!;
    expect(result.err).toContain(`${社保所} 进展填报!J6  warning  单元格是公式“=DATE(2023,12,6)”，已按其计算结果“2023-12-06”导入`);
    expect(result.err).toMatch(new RegExp(`规建办\\.xlsx 进展填报!H5 {2}warning {2}整改状态为“已完成”，达到序时进度只对“推进中”的问题填写，未导入`));
    expect(result.err).toContain('提示：方案 plan.json 有 12 个警告');
  });

  it('leaves a folder that `zhenggai check` finds no error in', async () => {
    const diagnostics = await checkPlanFolder(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(progressSchema.safeParse(progressFile()).success).toBe(true);
  });

  it('refuses to replace a unit\'s answers without --force, and writes nothing', async () => {
    const before = readFileSync(path.join(dir, 'progress', `${PERIOD}.json`), 'utf8');
    const result = await run(['import', dir, '--period', PERIOD, forms.get('党群办')!]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain(`${forms.get('党群办')}  error  党群办 的 2023-12 期进展已在进展文件中（第 18、19、21 号问题）：如需用本表替换，请加 --force  [form-already-imported]`);
    expect(readFileSync(path.join(dir, 'progress', `${PERIOD}.json`), 'utf8')).toBe(before);
  });

  it('replaces them with --force', async () => {
    const file = forms.get('党群办')!;
    writeFileSync(file, editCells(readFileSync(file), '进展填报', { I6: { text: '12月完成年度综合评定。' } }));
    const result = await run(['import', dir, '--period', PERIOD, file, '--force']);
    expect(result.exit).toBe(0);
    expect(progressFile().problems.find((p) => p.number === 19)).toEqual({ ...expectedEntry(19), progress: '12月完成年度综合评定。' });
    expect(progressFile().problems).toHaveLength(21);
  });

  it('keeps the report block and everything else of an existing period file', async () => {
    const sample = path.join(tmp, 'sample');
    cpSync('data/guanyang-2022', sample, { recursive: true });
    const formsOut = path.join(tmp, 'out-11');
    expect((await run(['forms', sample, '--period', '2023-11', '--out', formsOut])).exit).toBe(0);
    const before = JSON.parse(readFileSync(path.join(sample, 'progress', '2023-11.json'), 'utf8'));
    const form = path.join(formsOut, 'sample', 'forms-2023-11', '水利办.xlsx');
    const result = await run(['import', sample, '--period', '2023-11', form, '--force']);
    expect(result.exit).toBe(0);
    const after = JSON.parse(readFileSync(path.join(sample, 'progress', '2023-11.json'), 'utf8'));
    expect(after.report).toEqual(before.report);
    expect(after.sample).toBe(true);
    expect(after.problems.filter((p: { number: number }) => p.number !== 20)).toEqual(before.problems.filter((p: { number: number }) => p.number !== 20));
  });

  // wt-periods (issue 16): a form replacing an entry with --force does not delete the evidence the entry listed.
  it('keeps the evidence listed by the entry --force replaces', async () => {
    const sample = path.join(tmp, 'sample-evidence');
    cpSync('data/guanyang-2022', sample, { recursive: true });
    const formsOut = path.join(tmp, 'out-11-evidence');
    expect((await run(['forms', sample, '--period', '2023-11', '--out', formsOut])).exit).toBe(0);
    const form = path.join(formsOut, 'sample-evidence', 'forms-2023-11', '水利办.xlsx');
    // Problem 20's progress typed anew; the form, as always, carries no earlier evidence.
    writeFileSync(form, editCells(readFileSync(form), '进展填报', { I5: { text: '排查问题14处，已整改10处。' } }));
    const imported = await run(['import', sample, '--period', '2023-11', form, '--force']);
    expect(imported.err).not.toContain('error');
    expect(imported.exit).toBe(0);
    const after = JSON.parse(readFileSync(path.join(sample, 'progress', '2023-11.json'), 'utf8')) as { problems: Record<string, unknown>[] };
    const entry = after.problems.find((p) => p.number === 20)!;
    // data/guanyang-2022/progress/2023-11.json: problem 20 lists 20/农村饮水安全排查台账.txt.
    expect(entry.progress).toBe('排查问题14处，已整改10处。');
    expect(entry.evidence).toEqual(['20/农村饮水安全排查台账.txt']);
    expect((await checkPlanFolder(sample)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  // A form made before the office closed a problem says 已完成: importing it keeps the office's closure (a warning), not refused.
  it('keeps a closure the office recorded in the period when the unit\'s form says 已完成, and refuses 推进中 there', async () => {
    const sample = path.join(tmp, 'sample-closed');
    cpSync('data/guanyang-2022', sample, { recursive: true });
    const formsOut = path.join(tmp, 'out-11-closed');
    // The form is made before the closures: without 2023-11's file (a form made after them has those rows read-only, 已销号).
    const november = path.join(sample, 'progress', '2023-11.json');
    renameSync(november, `${november}.later`);
    expect((await run(['forms', sample, '--period', '2023-11', '--out', formsOut])).exit).toBe(0);
    renameSync(`${november}.later`, november);
    const form = path.join(formsOut, 'sample-closed', 'forms-2023-11', '经发办.xlsx');
    // data/guanyang-2022: problems 14 and 15 (经发办's rows 12 and 13) are 已完成 in 2023-10 — what the form is pre-filled with —
    // and 已销号 in 2023-11, closed on 2023-11-10 and 2023-11-17.
    const imported = await run(['import', sample, '--period', '2023-11', form, '--force']);
    expect(imported.exit).toBe(0);
    expect(imported.err).toContain(`${form} 进展填报!G12  warning  整改办已于 2023-11-10 录入销号信息，整改状态保留“已销号”  [form-closure]`);
    expect(imported.err).toContain(`${form} 进展填报!G13  warning  整改办已于 2023-11-17 录入销号信息，整改状态保留“已销号”  [form-closure]`);
    const after = JSON.parse(readFileSync(path.join(sample, 'progress', '2023-11.json'), 'utf8')) as { problems: { number: number; status: string; closure?: { date: string } }[] };
    const closed = (n: number) => after.problems.find((p) => p.number === n)!;
    expect([closed(14).status, closed(14).closure?.date]).toEqual(['已销号', '2023-11-10']);
    expect([closed(15).status, closed(15).closure?.date]).toEqual(['已销号', '2023-11-17']);
    expect((await checkPlanFolder(sample)).filter((d) => d.severity === 'error')).toEqual([]);
    // A status that undoes the completion contradicts the closure: refused at the cell.
    writeFileSync(form, editCells(readFileSync(form), '进展填报', { G12: { text: '推进中' } }));
    const refused = await run(['import', sample, '--period', '2023-11', form, '--force']);
    expect(refused.exit).toBe(1);
    expect(refused.err).toContain(`${form} 进展填报!G12  error  整改办已于 2023-11-10 录入销号信息，整改状态应为“已销号”（或“已完成”），不能是“推进中”  [form-closure]`);
  });

  it('tells a form made before the plan changed from one whose plan changed elsewhere', async () => {
    const copy = path.join(tmp, 'changed', 'guanyang-2022'); // same folder name: only the plan's content differs
    cpSync(dir, copy, { recursive: true });
    const planFile = path.join(copy, 'plan.json');
    const edited = JSON.parse(readFileSync(planFile, 'utf8'));
    edited.problems[7].deadline = '12月底前完成'; // problem 8, 规建办's
    edited.problems[0].cooperatingUnits = ['卫生院']; // problem 1, 经发办's — not part of the checksum
    edited.problems[17].summary = `${edited.problems[17].summary}（已核实）`; // problem 18, 党群办's
    writeFileSync(planFile, JSON.stringify(edited, null, 2));
    const changed = await run(['import', copy, '--period', PERIOD, '--force', forms.get('规建办')!, forms.get('经发办')!]);
    expect(changed.exit).toBe(1);
    expect(changed.err).toContain(`${forms.get('规建办')} _zhenggai!B6  error  表格生成后，方案中本单位的问题已修改（第 8 号问题的内容有改动）`);
    expect(changed.err).not.toContain(`${forms.get('经发办')} _zhenggai`);
    expect(changed.err).not.toContain('form-plan-name');
    expect((await run(['import', copy, '--period', PERIOD, '--force', forms.get('经发办')!])).exit).toBe(0);
  });

  it('refuses a form for another period before reading any cell', async () => {
    const result = await run(['import', dir, '--period', '2024-01', forms.get('水利办')!]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain(`${forms.get('水利办')} _zhenggai!B5  error  此表是 2023-12 期的填报表，本次导入的是 2024-01 期`);
    expect(existsSync(path.join(dir, 'progress', '2024-01.json'))).toBe(false);
  });
});
