// composeReport on the bundled sample (2023-10, 2023-11) and on a made-up plan
// with other names. The sentences' numbers are checked twice: against the
// numbers worked out by hand in test/derive/sample-period.test.ts (written
// out here), and against the derived statistics, so the prose cannot drift
// from the data.
import { beforeAll, describe, expect, test } from 'vitest';
import { numberHeadings, type Block, type OfficialDocument } from '../../src/model/document/official-document.js';
import { composeReport, leadUnitChart } from '../../src/compose/report.js';
import type { ChartSpec } from '../../src/model/document/chart-spec.js';
import { textWidthEm } from '../../src/layout/text-width.js';
import { landscapeTableTextWidthEm, wrapsBetweenWords } from '../../src/layout/table-widths.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress, type ProgressInput } from '../../src/model/progress-schema.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';

let folder: PlanFolder;
let templates: TemplateSet;

beforeAll(async () => {
  const loaded = await loadPlanFolder('data/guanyang-2022');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  folder = loaded.folder;
  templates = await loadTemplates();
});

function progressOf(period: string): Progress {
  const found = folder.progress.find((p) => p.data.period === period);
  if (!found) throw new Error(`no progress for ${period}`);
  return found.data;
}

function viewOf(plan: Plan, progress: Progress, previous?: Progress): PeriodView {
  const result = derivePeriod(plan, progress, previous);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

function sampleReport(period: string, previous?: string): { doc: OfficialDocument; view: PeriodView } {
  const view = viewOf(folder.plan, progressOf(period), previous ? progressOf(previous) : undefined);
  return { doc: composeReport(folder.plan, view, progressOf(period), templates), view };
}

/** Problem numbers as the report joins them: 、 with a break opportunity after it (model/prose.ts numberList). */
const list = (...numbers: number[]) => numbers.join('、\u200b');

const paragraphs = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const charts = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));

function numberedHeadings(blocks: readonly Block[], level: number): string[] {
  const numbers = numberHeadings(blocks);
  return blocks.flatMap((b, i) => (b.kind === 'heading' && b.level === level ? [`${numbers[i]}${b.text}`] : []));
}

/** The paragraphs between a level-1 heading and the next one. */
function section(blocks: readonly Block[], heading: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** The attached table of a report. */
function tableOf(doc: OfficialDocument) {
  const content = doc.attachments[0]!.content;
  if (content.kind !== 'taskTable') throw new Error('expected the table');
  return content.table;
}

/** A cell of the attached table by problem number and header. */
function cellOf(doc: OfficialDocument, number: number, header: string): string | undefined {
  const table = tableOf(doc);
  const c = table.rows.find((r) => r.problemNumber === number)!.cells[table.columns.findIndex((col) => col.header === header)]!;
  return c.kind === 'text' ? c.text : undefined;
}

/** What each chart column must add up to: derived byLeadUnit, independently of how the chart is built. */
function expectChartMatches(chart: ChartSpec, view: PeriodView): void {
  const units = view.statistics.byLeadUnit;
  expect(chart.type).toBe('stackedColumn');
  expect(chart.categories).toEqual(units.map((u) => u.unit.name));
  const series = (name: string) => chart.series.find((s) => s.name === name)?.values ?? units.map(() => 0);
  units.forEach((u, i) => {
    expect(chart.series.reduce((sum, s) => sum + s.values[i]!, 0), u.unit.name).toBe(u.total);
    for (const status of ['已完成', '已完成并长期坚持', '已销号'] as const) expect(series(status)[i], `${u.unit.name} ${status}`).toBe(u.byStatus[status]);
    expect(series('逾期')[i], `${u.unit.name} 逾期`).toBe(u.overdue);
    expect(series('推进中')[i]! + series('未启动')[i]! + series('逾期')[i]!).toBe(u.inProgress + u.notStarted);
  });
  for (const s of chart.series) expect(s.values.some((v) => v > 0), s.name).toBe(true);
}

describe('composeReport, sample 2023-11 (compared with 2023-10)', () => {
  let doc: OfficialDocument;
  let view: PeriodView;
  beforeAll(() => ({ doc, view } = sampleReport('2023-11', '2023-10')));

  test('上行文 版头 with 发文字号 and 签发人, 主送机关, 署名 sealed, from the progress file', () => {
    expect(doc.header).toEqual({ kind: 'up', issuerMark: '巫山县官阳镇人民政府', docNumber: '官阳府文〔2023〕41号', signer: '杨裕富' });
    expect(doc.recipients).toBe('中共巫山县委农村工作暨实施乡村振兴战略领导小组办公室');
    expect(doc.signature).toEqual({ signatory: '巫山县官阳镇人民政府', date: '2023-12-04', sealed: true });
    expect(doc.enclosures).toEqual([]);
    expect(doc).not.toHaveProperty('annotation');
  });

  test('the title comes from the template, in balanced lines of at most 20 characters', () => {
    expect(doc.title.lines.join('')).toBe('巫山县官阳镇人民政府关于2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况的报告');
    expect(doc.title.lines.length).toBeGreaterThan(1);
    for (const line of doc.title.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(20);
  });

  test('four numbered sections, the office’s paragraphs verbatim', () => {
    expect(numberedHeadings(doc.body, 1)).toEqual(['一、整改工作开展情况', '二、问题整改落实情况', '三、存在的困难和问题', '四、下一步工作打算']);
    const report = progressOf('2023-11').report!;
    expect(paragraphs(section(doc.body, '整改工作开展情况'))).toEqual(report.workDone);
    expect(paragraphs(section(doc.body, '存在的困难和问题'))).toEqual(report.difficulties);
    expect(paragraphs(section(doc.body, '下一步工作打算'))).toEqual(report.nextSteps);
  });

  test('the statistics sentence has the hand-computed numbers (13 of 21, 5 closed, 61.9%; 13 of 14 due, 92.9%)', () => {
    // 21, closed in October, was reopened by a 反弹 on 2023-11-20: not completed, and its new deadline (12月5日) is not yet due.
    const texts = paragraphs(section(doc.body, '问题整改落实情况'));
    expect(texts).toContain(
      '截至2023年11月30日，反馈的21个问题，已完成整改13个（其中已销号5个），正在推进8个，整改完成率61.9%；已到整改时限的14个问题已完成13个，到期任务完成率92.9%。',
    );
    expect(texts).toContain('正在推进的8个问题中，达到序时进度的7个，未达到序时进度的1个，其中逾期1个。');
  });

  test('an overdue 未启动 problem is said with 尚未启动, not counted among those in progress (a fresh tester: “未达到序时进度的0个，其中逾期1个”)', () => {
    // Problem 8 (10月底前完成, overdue on 2023-11-30) recorded 未启动 instead of 推进中: 7 in progress, all on schedule, none overdue among them.
    const november = progressOf('2023-11');
    const edited: Progress = { ...november, problems: november.problems.map((p) => (p.number === 8 ? { ...p, status: '未启动' as const, onSchedule: undefined } : p)) };
    const view = viewOf(folder.plan, edited, progressOf('2023-10'));
    const texts = paragraphs(section(composeReport(folder.plan, view, edited, templates).body, '问题整改落实情况'));
    expect(texts).toContain(
      '截至2023年11月30日，反馈的21个问题，已完成整改13个（其中已销号5个），正在推进7个，尚未启动1个（其中已逾期1个），整改完成率61.9%；已到整改时限的14个问题已完成13个，到期任务完成率92.9%。',
    );
    expect(texts).toContain('正在推进的7个问题中，达到序时进度的7个，未达到序时进度的0个。');
  });

  test('the 回头看 sentence counts the problems checked and the one reopened (9 checked: 8 held, 21 came back)', () => {
    expect(paragraphs(section(doc.body, '问题整改落实情况'))).toContain(
      '本月对已完成整改的9个问题开展“回头看”，8个整改成果巩固，1个发现问题反弹（问题21），已重新列为未完成、进入新一轮整改并确定新的整改时限。',
    );
  });

  test('the sentence’s numbers are the derived statistics', () => {
    const s = view.statistics;
    const text = paragraphs(doc.body).find((t) => t.includes('整改完成率'))!;
    expect(text).toContain(`反馈的${s.total}个问题，已完成整改${s.completed}个（其中已销号${s.closed}个），正在推进${s.inProgress}个`);
    expect(text).toContain(`已到整改时限的${s.due}个问题已完成${s.dueCompleted}个`);
    expect(text).toContain(`整改完成率${((100 * s.completed) / s.total).toFixed(1)}%`);
    expect(text).toContain(`到期任务完成率${((100 * s.dueCompleted) / s.due).toFixed(1)}%`);
  });

  test('the changes since 2023-10, the overdue problem with its reason, the extension and the long-term items', () => {
    const texts = paragraphs(doc.body);
    expect(texts).toContain(`与2023年10月相比，新完成整改1个（问题7），新销号3个（问题${list(2, 14, 15)}），新增逾期1个（问题8）。`);
    const p8 = progressOf('2023-11').problems.find((p) => p.number === 8)!;
    const overdue = texts.find((t) => t.startsWith('8．'))!;
    expect(overdue).toBe(
      `8．某村脱贫户于2015年进行D级危改，截止调查时点，危房仍未拆除。牵头单位：规建办；整改时限：10月底前完成，目前推进中，已逾期。未完成原因：${p8.reason}整改进展：${p8.progress}`,
    );
    expect(texts.filter((t) => t.includes('已逾期'))).toHaveLength(view.statistics.overdue);
    // Named by the summary's first sentence, not the whole summary.
    expect(texts.find((t) => t.startsWith('11．'))).toBe(
      `11．产业联农带农效果有待进一步提升。经批准，整改时限由“10月底前完成”调整为“12月底前完成”（2023年10月20日批准），目前推进中。调整原因：${progressOf('2023-11').problems.find((p) => p.number === 11)!.extension!.reason}`,
    );
    expect(texts).toContain(`需长期坚持的问题9个（问题${list(1, 4, 5, 6, 7, 9, 13, 18, 20)}），已完成整改7个，完成后继续按长效机制抓好落实，防止问题反弹。`);
    expect(numberedHeadings(doc.body, 2)).toEqual(['（一）总体进展', '（二）逾期未完成的问题', '（三）经批准调整整改时限的问题', '（四）需长期坚持的问题']);
  });

  test('the body is compact: no problem is restated in full; the detail is in the table, once', () => {
    const body = paragraphs(doc.body).join('\n');
    expect(body).toContain('各问题的整改时限、整改状态和整改进展详见附件。');
    // Only the overdue and the extended problems are named, by their first sentence (21: its new deadline after the 反弹).
    expect(paragraphs(doc.body).filter((t) => /^\d+．/.test(t)).map((t) => Number(t.split('．')[0]))).toEqual([8, 11, 21]);
    for (const problem of folder.plan.problems) {
      if (problem.summary.length > 40) expect(body, `problem ${problem.number}`).not.toContain(problem.summary);
      expect(body).not.toContain(problem.measures.at(-1)!);
    }
    expect(doc.body.filter((b) => b.kind === 'paragraph').length).toBeLessThan(20);
  });

  test('one chart, in section 二: completion by lead unit, equal to byLeadUnit', () => {
    const found = charts(doc.body);
    expect(found).toHaveLength(1);
    expect(section(doc.body, '问题整改落实情况').some((b) => b.kind === 'chart')).toBe(true);
    const chart = found[0]!;
    expect(chart.title).toBe('各牵头单位问题整改情况（截至2023年11月30日）');
    expect(chart.valueAxisTitle).toBe('问题数（个）');
    expectChartMatches(chart, view);
    // Hand-counted (sample-period.test.ts): 经发办 0/2/1/6/4 (21 reopened), 规建办 has the overdue 8.
    expect(chart.series.map((s) => s.name)).toEqual(['已销号', '已完成并长期坚持', '已完成', '推进中', '逾期']);
    expect(chart.series.map((s) => s.values[0])).toEqual([4, 6, 1, 2, 0]);
    expect(chart.series.find((s) => s.name === '逾期')!.values).toEqual([0, 0, 1, 0, 0, 0]);
  });

  test('附件说明 and the progress table attached, landscape: 序号, 问题简述, 牵头单位, 整改时限, 整改状态, 整改进展, every problem once', () => {
    expect(doc.attachmentsNote).toEqual(['2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况表']);
    expect(doc.attachments).toHaveLength(1);
    const attachment = doc.attachments[0]!;
    expect(attachment.label).toBe('附件');
    expect(attachment.orientation).toBe('landscape');
    expect(attachment.title.lines.join('')).toBe(doc.attachmentsNote![0]);
    const table = tableOf(doc);
    expect(table.titleLines).toEqual(attachment.title.lines);
    expect(table.date).toBe('2023-12-04');
    expect(table.headerRowCount).toBe(1);
    expect(table.columns.map((c) => c.header)).toEqual(['序号', '问题简述', '牵头单位', '整改时限', '整改状态', '整改进展']);
    expect(table.rows.map((r) => r.problemNumber)).toEqual(folder.plan.problems.map((p) => p.number));
    // At 小四 (12 pt, GB/T 9704 sizes for a table the office did not shrink), widths from the content:
    // the two texts at least 8 characters a line, every deadline, unit and status word whole on a line.
    expect(table.cellSizePt).toBe(12);
    const em = table.columns.map((c) => c.weight);
    expect(em.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(landscapeTableTextWidthEm(6, 12) + 1e-9);
    expect(em[1]).toBeGreaterThanOrEqual(8);
    expect(em[5]).toBeGreaterThanOrEqual(8);
    for (const row of view.rows) {
      expect(wrapsBetweenWords(row.problem.deadline, em[3]!), row.problem.deadline).toBe(true);
      expect(textWidthEm(row.state.status)).toBeLessThanOrEqual(em[4]!);
      for (const unit of row.problem.leadUnits) expect(textWidthEm(unit), unit).toBeLessThanOrEqual(em[2]!);
    }
    const cell = (number: number, header: string) => cellOf(doc, number, header);
    expect(cell(8, '整改状态')).toBe('推进中（逾期）');
    expect(cell(8, '整改进展')).toMatch(/组织验收。未完成原因：户主对旧房拆除补助兑现方式有异议/);
    expect(cell(11, '整改时限')).toBe('10月底前完成\n已调整为\n12月底前完成');
    // Without a 完成时间 column, the dates stand under the status, without the report's own year.
    expect(cell(7, '整改状态')).toBe('已完成并长期坚持\n11月24日完成');
    expect(cell(2, '整改状态')).toBe('已销号\n10月25日完成\n11月10日销号');
    expect(cell(10, '整改状态')).toBe('推进中');
    for (const row of view.rows) {
      expect(cell(row.problem.number, '整改状态')!.startsWith(row.state.status)).toBe(true);
      expect(cell(row.problem.number, '问题简述')).toBe(row.problem.summary);
      expect(cell(row.problem.number, '牵头单位')).toBe(row.problem.leadUnits.join('、'));
      if (row.progress.progress) expect(cell(row.problem.number, '整改进展')!.startsWith(row.progress.progress)).toBe(true);
    }
  });

  test('the office chooses the table’s columns in plan.json reportColumns: measures, a header of its own, dates in their columns', () => {
    const plan: Plan = {
      ...folder.plan,
      reportColumns: [
        { field: 'number' },
        { field: 'category' },
        { field: 'summary', header: '存在问题' },
        { field: 'measures' },
        { field: 'status' },
        { field: 'progress' },
        { field: 'reason' },
        { field: 'completedOn' },
        { field: 'closedOn', width: 8 },
      ],
    };
    const chosen = composeReport(plan, view, progressOf('2023-11'), templates);
    const table = tableOf(chosen);
    expect(table.columns.map((c) => c.header)).toEqual(['序号', '发现\n问题方式', '存在问题', '整改措施', '整改状态', '整改进展', '未完成\n原因', '完成时间', '销号日期']);
    // 销号日期 takes the share of the width the office set: 8 of 100 of what the nine columns leave for text.
    expect(table.columns.at(-1)!.weight).toBeCloseTo(0.08 * landscapeTableTextWidthEm(9, table.cellSizePt), 6);
    expect(cellOf(chosen, 2, '整改状态')).toBe('已销号');
    expect(cellOf(chosen, 2, '完成时间')).toBe('10月25日');
    expect(cellOf(chosen, 2, '销号日期')).toBe('11月10日');
    expect(cellOf(chosen, 8, '整改进展')).not.toContain('未完成原因');
    expect(cellOf(chosen, 8, '未完成\n原因')).toMatch(/^户主对旧房拆除补助兑现方式有异议/);
    expect(cellOf(chosen, 1, '整改措施')).toMatch(/^一是/);
    // The category cells merge down as in the task table.
    expect(table.rows[1]!.cells[1]).toEqual({ kind: 'covered' });
  });
});

describe('composeReport, sample 2023-10', () => {
  test('the numbers of 2023-10 (13 of 21, 61.9%; 13 of 14 due, 92.9%), 8 behind but not overdue on its due day', () => {
    const { doc, view } = sampleReport('2023-10', '2023-09');
    const texts = paragraphs(doc.body);
    expect(texts).toContain(
      '截至2023年10月31日，反馈的21个问题，已完成整改13个（其中已销号3个），正在推进8个，整改完成率61.9%；已到整改时限的14个问题已完成13个，到期任务完成率92.9%。',
    );
    expect(texts).toContain(`与2023年9月相比，新完成整改4个（问题${list(2, 14, 15, 16)}），新销号3个（问题${list(3, 17, 21)}）。`);
    expect(texts.some((t) => t.includes('已逾期'))).toBe(false);
    expect(numberedHeadings(doc.body, 2)).toEqual(['（一）总体进展', '（二）经批准调整整改时限的问题', '（三）需长期坚持的问题']);
    expect(cellOf(doc, 8, '整改状态')).toBe('推进中（未达序时进度）');
    expectChartMatches(charts(doc.body)[0]!, view);
    expect(doc.header).toMatchObject({ docNumber: '官阳府文〔2023〕36号' });
  });

  test('a first report (no previous period) says nothing about changes; none closed yet says no 其中已销号', () => {
    const first = sampleReport('2023-10');
    expect(paragraphs(first.doc.body).some((t) => t.startsWith('与'))).toBe(false);
    const september = sampleReport('2023-09');
    const sentence = paragraphs(september.doc.body).find((t) => t.includes('整改完成率'))!;
    expect(sentence).toContain('已完成整改9个，正在推进11个，尚未启动1个，整改完成率42.9%；已到整改时限的8个问题已完成8个，到期任务完成率100.0%。');
    expect(charts(september.doc.body)[0]!.series.map((s) => s.name)).toEqual(['已完成并长期坚持', '已完成', '推进中', '未启动']);
  });
});

// --- a plan with other names ----------------------------------------------------

const STATUS_CYCLE = ['已完成', '推进中', '已销号', '未启动', '已完成并长期坚持', '推进中'] as const;

function syntheticProgress(plan: Plan, overrides: Partial<ProgressInput['report']> = {}): Progress {
  const input: ProgressInput = {
    period: '2023-08',
    asOf: '2023-08-31',
    report: {
      docNumber: '东河府文〔2023〕9号',
      signer: '李四海',
      recipients: '县整改工作领导小组办公室',
      issuer: '东河镇人民政府',
      issuerMark: '东河镇人民政府',
      date: '2023-09-04',
      workDone: ['召开专题会议部署整改工作。', '# 以井号开头的办公室原文'],
      difficulties: ['部分问题整改周期较长。'],
      nextSteps: ['继续推进。'],
      ...overrides,
    },
    problems: plan.problems.map((p, i) => {
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length]!;
      const done = status === '已完成' || status === '已完成并长期坚持' || status === '已销号';
      return {
        number: p.number,
        status,
        ...(status === '推进中' ? { onSchedule: i % 4 !== 1 } : {}),
        progress: `问题${p.number}的进展说明。`,
        ...(done ? { completedOn: '2023-08-10' } : { reason: '等待上级资金下达。' }),
        ...(status === '已销号' ? { closure: { date: '2023-08-20', approver: '王五', opinion: '同意销号。' } } : {}),
      };
    }),
  };
  return progressSchema.parse(input);
}

describe('composeReport on a plan with other names, columns and units', () => {
  const plan = syntheticPlan(12, { tableColumns: OTHER_COLUMNS, extraFields: true });
  const progress = syntheticProgress(plan);
  const view = viewOf(plan, progress);
  let doc: OfficialDocument;
  beforeAll(() => {
    doc = composeReport(plan, view, progress, templates);
  });

  test('title, numbers and units come from this plan’s data', () => {
    expect(doc.title.lines.join('')).toBe('东河镇人民政府关于东河镇问题整改进展情况的报告');
    const s = view.statistics;
    const sentence = paragraphs(doc.body).find((t) => t.includes('整改完成率'))!;
    expect(sentence).toContain(`反馈的12个问题，已完成整改${s.completed}个`);
    expect(s.completed).toBe(6);
    expect(JSON.stringify(doc)).not.toMatch(/官阳|巫山|经发办/);
    expectChartMatches(charts(doc.body)[0]!, view);
    expect(charts(doc.body)[0]!.categories).toEqual(s.byLeadUnit.map((u) => u.unit.name));
  });

  test('a paragraph of the office that starts with # stays a paragraph', () => {
    expect(paragraphs(section(doc.body, '整改工作开展情况'))).toEqual(['召开专题会议部署整改工作。', '# 以井号开头的办公室原文']);
  });

  test('the attached table has the default columns, headed by this plan’s own column headers', () => {
    const table = tableOf(doc);
    expect(table.columns.map((c) => c.header)).toEqual(['序号', '存在问题', '责任单位', '完成时限', '整改状态', '整改进展']);
    expect(table.columns.slice(-2).every((c) => c.field === undefined)).toBe(true);
    expect(table.columns.slice(0, 4).map((c) => c.field)).toEqual(['number', 'summary', 'leadUnits', 'deadline']);
    expect(doc.attachmentsNote).toEqual(['东河镇问题整改进展情况表']);
  });

  test('progress.report.title wins over the template’s', () => {
    const titled = syntheticProgress(plan, { title: '东河镇人民政府关于问题整改工作进展的报告' });
    expect(composeReport(plan, view, titled, templates).title.lines.join('')).toBe('东河镇人民政府关于问题整改工作进展的报告');
  });
});

describe('titles from the plan’s subject, not from the table’s title', () => {
  // Another office's plan: its task table is a 整改清单, which no suffix-cutting guesses.
  const base = syntheticPlan(6);
  const listed: Plan = { ...base, plan: { ...base.plan, attachmentTitle: '东河镇2023年环保督察反馈问题整改清单' } };
  const progress = syntheticProgress(listed);
  const view = viewOf(listed, progress);
  const titlesOf = (plan: Plan) => {
    const doc = composeReport(plan, view, progress, templates);
    const content = doc.attachments[0]!.content;
    if (content.kind !== 'taskTable') throw new Error('expected the table');
    return { report: doc.title.lines.join(''), note: doc.attachmentsNote, heading: doc.attachments[0]!.title.lines.join(''), table: content.table.title };
  };

  test('an attachment titled …整改清单 and plan.subject: the report’s and the table’s titles read right', () => {
    const titles = titlesOf({ ...listed, plan: { ...listed.plan, subject: '2023年环保督察反馈问题整改' } });
    expect(titles.report).toBe('东河镇人民政府关于2023年环保督察反馈问题整改进展情况的报告');
    expect(titles.note).toEqual(['2023年环保督察反馈问题整改进展情况表']);
    expect(titles.heading).toBe('2023年环保督察反馈问题整改进展情况表');
    expect(titles.table).toBe('2023年环保督察反馈问题整改进展情况表');
    expect(JSON.stringify(titles)).not.toContain('清单');
  });

  test('without plan.subject the titles fall back to the old derivation (check warns: subject-missing)', () => {
    const titles = titlesOf(listed);
    expect(titles.report).toBe('东河镇人民政府关于东河镇2023年环保督察反馈问题整改清单进展情况的报告');
    expect(titles.table).toBe('东河镇2023年环保督察反馈问题整改清单进展情况表');
    // A table named …任务分解和责任分工表 gives the subject as before.
    expect(titlesOf(base).report).toBe('东河镇人民政府关于东河镇问题整改进展情况的报告');
  });
});

describe('numbers before a summary that starts with a digit, and sentences of the data closed', () => {
  test('an overdue problem “2个村…” prints as 2．2个村…; a reason and an extension’s reason without 。 get one', () => {
    const base = syntheticPlan(4);
    const plan: Plan = {
      ...base,
      problems: base.problems.map((p) =>
        p.number === 2 ? { ...p, summary: '2个村未按要求建新拆旧，1个光伏电站未并网', deadline: '7月底前完成' } : p.number === 3 ? { ...p, summary: '11个光伏电站运维不到位。另有……', deadline: '7月底前完成' } : p,
      ),
    };
    const input = progressSchema.parse({
      period: '2023-08',
      asOf: '2023-08-31',
      report: syntheticProgress(plan).report,
      problems: plan.problems.map((p) => {
        if (p.number === 2) return { number: 2, status: '推进中', onSchedule: false, progress: '已拆除1户', reason: '资金未到位' };
        if (p.number === 3) return { number: 3, status: '推进中', onSchedule: true, extension: { deadline: '12月底前完成', reason: '须待汛期结束', approvedOn: '2023-07-20' } };
        return { number: p.number, status: '已完成', completedOn: '2023-08-01' };
      }),
    });
    const doc = composeReport(plan, viewOf(plan, input), input, templates);
    const texts = paragraphs(doc.body);
    expect(texts).toContain('2．2个村未按要求建新拆旧，1个光伏电站未并网。牵头单位：' + plan.problems[1]!.leadUnits.join('、') + '；整改时限：7月底前完成，目前推进中，已逾期。未完成原因：资金未到位。整改进展：已拆除1户。');
    expect(texts.find((t) => t.startsWith('3．'))).toBe('3．11个光伏电站运维不到位。经批准，整改时限由“7月底前完成”调整为“12月底前完成”（2023年7月20日批准），目前推进中。调整原因：须待汛期结束。');
    expect(texts.some((t) => /(^|[^\d])2\.2个村|11\.1个/.test(t))).toBe(false);
    expect(cellOf(doc, 2, '整改进展')).toBe('已拆除1户。未完成原因：资金未到位。');
  });
});

describe('composeReport refuses what it cannot print', () => {
  const plan = syntheticPlan(4);
  const progress = syntheticProgress(plan);
  const view = viewOf(plan, progress);
  const own = (source: string) => ({ report: { name: 'report' as const, fileName: 'my/report.hbs', source, overridden: true } });

  test('a period without report meta is a user error naming the period', () => {
    const bare = progressSchema.parse({ period: '2023-08', asOf: '2023-08-31', problems: progress.problems });
    expect(() => composeReport(plan, view, bare, own('---title 甲---'))).toThrow(UserError);
    expect(() => composeReport(plan, view, bare, own('---title 甲---'))).toThrow(/2023-08 的进展文件没有 report/);
  });

  test('no title anywhere, or two titles, is the template’s fault', () => {
    expect(() => composeReport(plan, view, progress, own('# 一'))).toThrow(TemplateError);
    expect(() => composeReport(plan, view, progress, own('# 一'))).toThrow(/my\/report\.hbs: 没有报告标题/);
    expect(() => composeReport(plan, view, progress, own('---title 甲---\n---title 乙---'))).toThrow(/只能写一次/);
    expect(() => composeReport(plan, view, progress, own('---title---'))).toThrow(/缺少文字/);
  });

  test('an office may drop the chart and the attachment, or move the chart', () => {
    const bare = composeReport(plan, view, progress, own('---title 甲乙丙的报告---\n# 情况\n{{stats.total}}个'));
    expect(bare.attachments).toEqual([]);
    expect(bare).not.toHaveProperty('attachmentsNote');
    expect(bare.body).toEqual([
      { kind: 'heading', level: 1, text: '情况' },
      { kind: 'paragraph', text: '4个' },
    ]);
    const moved = composeReport(plan, view, progress, own('---title 甲---\n---chart 图一---\n# 情况'));
    expect(moved.body[0]).toEqual({ kind: 'chart', chart: leadUnitChart(view, '图一') });
  });

  test('a view of another period is a programming error', () => {
    const other = { ...progress, period: '2023-09' };
    expect(() => composeReport(plan, view, other, own('---title 甲---'))).toThrow(RangeError);
  });
});
