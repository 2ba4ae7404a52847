// zhenggai table → init --from-table → a plan equal to the original in every
// problem field: the bundled plan (the seed's seven columns, merged category
// cells, two header rows) and synthetic plans with other columns, groups and
// orders, in Excel (rows split over pages) and in Word (vMerge, gridSpan).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { planSchema, type Plan, type PlanInput, type TableColumn } from '../../src/model/plan-schema.js';
import { taskTableDocx } from '../../src/documents/task-table.js';
import { taskTableXlsx } from '../../src/documents/task-table.js';
import { OTHER_COLUMNS, syntheticPlanInput } from '../helpers/synthetic-plan.js';

const PROBLEM_FIELDS = ['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits', 'target', 'responsibleLeader', 'responsiblePerson', 'completionStandard', 'remarks'] as const;

const run = (args: string[]) => runCli(args);

/** The table written as the office would have it, then read back by init. */
async function roundTrip(plan: Plan, kind: 'xlsx' | 'docx'): Promise<{ json: Record<string, unknown>; report: string; out: string }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-init-'));
  const table = path.join(tmp, `table.${kind}`);
  writeFileSync(table, kind === 'xlsx' ? (await taskTableXlsx(plan)).buffer : await taskTableDocx(plan));
  const dir = path.join(tmp, 'plan');
  const result = await run(['init', dir, '--from-table', table]);
  expect(result.err).toBe('');
  expect(result.exit).toBe(0);
  return { json: JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')), report: readFileSync(path.join(dir, '未映射内容.txt'), 'utf8'), out: result.out };
}

/** Each problem as the plan means it: the category by its label, optional fields only when present. */
function problemView(plan: { categories: Array<{ id: string; label: string }>; problems: Array<Record<string, unknown>> }, fields: readonly string[]) {
  return plan.problems.map((p) => {
    const view: Record<string, unknown> = { category: plan.categories.find((c) => c.id === p.category)?.label };
    for (const f of fields) if (p[f] !== undefined && !(Array.isArray(p[f]) && (p[f] as unknown[]).length === 0)) view[f] = p[f];
    return view;
  });
}

const bundled = planSchema.parse(JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')));

/** Every field shown, in another order, under groups, with other header words. */
const ALL_COLUMNS: TableColumn[] = [
  { field: 'number', header: '序号' },
  { field: 'category', header: '方面' },
  { field: 'summary', header: '存在问题' },
  { field: 'target', header: '整改目标' },
  { field: 'measures', header: '整改措施' },
  { field: 'completionStandard', header: '完成标准' },
  { field: 'responsibleLeader', header: '责任领导', group: '责任分工' },
  { field: 'responsiblePerson', header: '责任人', group: '责任分工' },
  { field: 'leadUnits', header: '责任单位', group: '责任分工' },
  { field: 'cooperatingUnits', header: '配合单位', group: '责任分工' },
  { field: 'deadline', header: '完成时限' },
  { field: 'remarks', header: '备注' },
];

function withAllFields(input: PlanInput): PlanInput {
  return {
    ...input,
    problems: input.problems.map((p, i) => ({
      ...p,
      completionStandard: `完成标准${p.number}：资料齐全、群众满意。`,
      ...(i % 3 === 0 ? { remarks: i % 2 === 0 ? '=需与财政所对账' : '-已纳入年度考核' } : {}),
    })),
  };
}

describe('zhenggai table → init --from-table', () => {
  for (const kind of ['xlsx', 'docx'] as const) {
    it(`gives back every problem of the bundled plan from ${kind}`, async () => {
      const { json, out } = await roundTrip(bundled, kind);
      const imported = json as unknown as Plan;
      expect(problemView(imported, PROBLEM_FIELDS)).toEqual(problemView(bundled, PROBLEM_FIELDS));
      expect(imported.categories.map((c) => c.label)).toEqual(['交叉核查', '第三方评估', '衔接资金绩效评价', '巩固脱贫成果认可度调查']);
      expect(imported.plan.attachmentTitle).toBe(bundled.plan.attachmentTitle);
      expect(imported.plan.attachmentTitleLines).toEqual(bundled.plan.attachmentTitleLines);
      expect(json.tableColumns).toBeUndefined();
      expect(out).toContain('21 个问题');
    });

    it(`gives back a synthetic plan with every optional column, groups and other headers from ${kind}`, async () => {
      const plan = planSchema.parse(withAllFields(syntheticPlanInput(60, { seed: 7, extraFields: true, tableColumns: ALL_COLUMNS, titleLines: ['东河镇问题整改', '任务分解和责任分工表'] })));
      const { json } = await roundTrip(plan, kind);
      expect(problemView(json as never, PROBLEM_FIELDS)).toEqual(problemView(plan, PROBLEM_FIELDS));
      expect(json.tableColumns).toEqual(ALL_COLUMNS);
    });

    it(`reads the other-looking plan (方面, 责任分工 group, no 配合单位) from ${kind}`, async () => {
      const plan = planSchema.parse(syntheticPlanInput(25, { seed: 3, extraFields: true, tableColumns: OTHER_COLUMNS }));
      const { json } = await roundTrip(plan, kind);
      const shown = OTHER_COLUMNS.map((c) => c.field).filter((f) => f !== 'category');
      expect(problemView(json as never, shown)).toEqual(problemView(plan, shown));
      expect(json.tableColumns).toEqual(OTHER_COLUMNS);
    });
  }
});
