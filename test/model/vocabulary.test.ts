// One vocabulary: every document, form and the importer call a field by the
// one term model/vocabulary.ts gives it. The expected terms are written out
// here, never taken from the code under test, and each consumer's output is
// read back (the workbooks through the xlsx reader).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeClosureForms, printClosureForm } from '../../src/compose/closure-forms.js';
import { composeUnitForm } from '../../src/compose/forms.js';
import { composeContentsList, layoutPacket, packetWording } from '../../src/compose/packet.js';
import { composeProgressTable } from '../../src/compose/progress-table.js';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { ledgerXlsx } from '../../src/documents/ledger.js';
import { readXlsx, type ReadSheet } from '../../src/formats/xlsx/reader.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import { headerField } from '../../src/load/table-import.js';
import { parseYesNo } from '../../src/load/cell-values.js';
import type { Plan } from '../../src/model/plan-schema.js';
import type { Progress } from '../../src/model/progress-schema.js';
import { FIELD_LABELS, NARROW_FIELD_LABELS } from '../../src/model/vocabulary.js';
import { renderUnitFormXlsx } from '../../src/render/xlsx/forms.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';

/** The terms, as an office reads them. */
const PLAN_TERMS = ['发现问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位', '整改目标', '责任领导', '责任人', '完成标准', '备注'];
const PERIOD_TERMS = ['整改状态', '达到序时进度', '整改进展', '完成时间', '佐证材料', '未完成原因', '调整后时限', '调整原因', '调整批准日期', '销号日期', '预警'];

let folder: PlanFolder;
let plan: Plan;
let history: Progress[];
let view: PeriodView;
let templates: TemplateSet;

beforeAll(async () => {
  const loaded = await loadPlanFolder('data/guanyang-2022');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  folder = loaded.folder;
  plan = folder.plan;
  history = folder.progress.map((p) => p.data);
  const november = history.find((p) => p.period === '2023-11')!;
  const result = derivePeriod(plan, november, history.find((p) => p.period === '2023-10'));
  if (!result.ok) throw new Error(result.message);
  view = result.view;
  templates = await loadTemplates();
});

function row(sheet: ReadSheet, r: number, columns: number): string[] {
  return Array.from({ length: columns }, (_, c) => String(sheet.cell(r, c + 1).value ?? ''));
}

describe('the vocabulary', () => {
  it('names each field of the plan and of a period by one term', () => {
    expect(FIELD_LABELS).toEqual({
      category: '发现问题方式',
      number: '序号',
      summary: '问题简述',
      measures: '整改措施',
      deadline: '整改时限',
      leadUnits: '牵头单位',
      cooperatingUnits: '配合单位',
      target: '整改目标',
      responsibleLeader: '责任领导',
      responsiblePerson: '责任人',
      completionStandard: '完成标准',
      remarks: '备注',
      status: '整改状态',
      onSchedule: '达到序时进度',
      progress: '整改进展',
      completedOn: '完成时间',
      evidence: '佐证材料',
      reason: '未完成原因',
      extension: '调整后时限',
      extensionReason: '调整原因',
      extensionApprovedOn: '调整批准日期',
      note: '备注',
      closedOn: '销号日期',
      warning: '预警',
    });
  });

  it('keeps a narrow column’s display form the same term, broken where the column wraps it', () => {
    expect(NARROW_FIELD_LABELS).toEqual({ category: '发现\n问题方式', onSchedule: '达到序\n时进度', reason: '未完成\n原因', extension: '调整后\n时限' });
  });
});

describe('every consumer reads the vocabulary', () => {
  it('the task table’s default columns', () => {
    const { columns, headerCells } = composeTaskTable({ ...plan, tableColumns: undefined });
    expect(columns.map((c) => c.header)).toEqual(['发现\n问题方式', '序号', '问题简述', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(headerCells.filter((h) => h.row === 0 && h.columnSpan > 1).map((h) => h.text)).toEqual(['整改问题']);
  });

  it('the report’s progress table', () => {
    const table = composeProgressTable({ ...plan, tableColumns: undefined }, view, { title: '附表', date: '2023-12-05' });
    expect(table.columns.map((c) => c.header)).toEqual(['序号', '问题简述', '牵头单位', '整改时限', '整改状态', '整改进展']);
    const chosen = composeProgressTable({ ...plan, reportColumns: [{ field: 'number' }, { field: 'onSchedule' }, { field: 'reason' }, { field: 'completedOn' }, { field: 'closedOn' }] }, view, {
      title: '附表',
      date: '2023-12-05',
    });
    expect(chosen.columns.map((c) => c.header)).toEqual(['序号', '达到序\n时进度', '未完成\n原因', '完成时间', '销号日期']);
  });

  it('a unit form’s header row, read back from the workbook', async () => {
    const model = composeUnitForm({ plan, planName: folder.name, period: '2023-12', previous: history.at(-1), templates }, '经发办');
    const [sheet] = await readXlsx((await renderUnitFormXlsx(model)).buffer);
    expect(row(sheet!, 4, 16)).toEqual([
      '序号',
      '问题简述',
      '整改措施',
      '整改时限',
      '牵头单位',
      '配合单位',
      '整改状态',
      '达到序时进度',
      '整改进展',
      '完成时间',
      '本期新增佐证材料\n（文件名，每行一个）',
      '未完成原因',
      '调整后时限',
      '调整原因',
      '调整批准日期',
      '备注\n（状态倒退须说明）',
    ]);
  });

  it('the ledger’s header rows and summary headers, read back from the workbook', async () => {
    const sheets = await readXlsx((await ledgerXlsx(plan, view, history, templates)).buffer);
    const ledger = sheets.find((s) => s.name === '台账')!;
    // exceljs repeats a merged header's text in every cell of the merge: row 3 holds the lower header row.
    expect(row(ledger, 3, 16)).toEqual([
      '发现\n问题方式',
      '序号',
      '问题简述',
      '整改措施',
      '整改时限',
      '牵头单位',
      '配合单位',
      '整改状态',
      '达到序\n时进度',
      '整改进展',
      '完成时间',
      '佐证材料',
      '未完成\n原因',
      '调整后\n时限',
      '销号日期',
      '预警',
    ]);
    expect([row(ledger, 2, 16)[0], row(ledger, 2, 16)[7]]).toEqual(['整改问题', '整改落实情况']);
    const summary = sheets.find((s) => s.name === '统计')!;
    const captionRow = Array.from({ length: 40 }, (_, r) => r + 1).find((r) => summary.cell(r, 1).value === '按牵头单位统计')!;
    expect(row(summary, captionRow + 1, 11)).toEqual(['牵头单位', '问题数', '未启动', '推进中', '已完成', '已完成并长期坚持', '已销号', '完成整改', '逾期', '完成率', '到期任务完成率']);
  });

  it('a closure form’s rows named by field labels', () => {
    const form = composeClosureForms(plan, view, history)[0]!;
    const labels = printClosureForm(form, templates).form.rows.flatMap((r) => (r.kind === 'wide' ? [r.label] : [r.left[0], r.right[0]]));
    for (const term of ['整改措施', '完成时间', '牵头单位', '佐证材料', '销号日期']) expect(labels).toContain(term);
  });

  it('the packet’s contents list', () => {
    const layout = layoutPacket([], plan.problems, new Map());
    const wording = packetWording(templates, { period: '2023-11', asOf: '2023-11-30', issuer: '某镇人民政府', planTitle: plan.plan.title });
    expect(composeContentsList(layout, wording, undefined, '2023-11-30').headers).toEqual(['序号', '材料名称', '文件数', '页数']);
  });

  it('the importer recognises each plan term, and the narrow display forms, as its field', () => {
    expect(PLAN_TERMS.map((term) => headerField(term))).toEqual([
      'category',
      'number',
      'summary',
      'measures',
      'deadline',
      'leadUnits',
      'cooperatingUnits',
      'target',
      'responsibleLeader',
      'responsiblePerson',
      'completionStandard',
      'remarks',
    ]);
    expect(headerField('发现\n问题方式')).toBe('category');
    expect(parseYesNo('是')).toEqual({ ok: true, value: true });
    expect(parseYesNo('也许')).toEqual({ ok: false, message: '达到序时进度“也许”不在可选值中，应为：是、否' });
  });
});

describe('no copy of a term outside the vocabulary', () => {
  /** Copies left in code another change is restructuring (src/check): listed here until it lands. */
  const KNOWN_COPIES = new Set(['src/check/rules/excel-cell-limit.ts', 'src/check/rules/date-after-as-of.ts']);

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
    });
  }

  it('spells no field label as a string of its own anywhere else in src/', () => {
    const terms = new Set([...PLAN_TERMS, ...PERIOD_TERMS]);
    const found: string[] = [];
    for (const file of sourceFiles('src')) {
      const name = file.split(path.sep).join('/');
      if (name === 'src/model/vocabulary.ts' || KNOWN_COPIES.has(name)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/(['"`])([^'"`\n]*)\1/g)) {
        if (terms.has(match[2]!)) found.push(`${name}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
