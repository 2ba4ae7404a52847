import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { taskTableRowHeight } from '../../../src/check/rules/task-table-row-height.js';
import { xlsxTaskTableRowHeights } from '../../../src/derive/task-table-layout.js';
import { taskTableSheet } from '../../../src/render/xlsx/task-table.js';
import { taskTableModel } from '../../../src/documents/task-table.js';
import { planSchema } from '../../../src/model/plan-schema.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

/** Sheet rows of the body as the writer sets them (rows from the fifth on, as the default table has two header rows). */
function writerHeights(plan: ReturnType<typeof planSchema.parse>, firstBodyRow: number): number[] {
  const { sheet } = taskTableSheet(taskTableModel(plan));
  return sheet.rows.slice(firstBodyRow - 1).map((r) => r.heightPt);
}

describe('task-table-row-height', () => {
  it('passes a plan whose problems fit a page', () => {
    expect(runRule(taskTableRowHeight)).toEqual([]);
  });

  it('reports a problem whose measures make its Excel row taller than a page, at the problem', () => {
    const plan = withPlan((p) => {
      p.problems[1]!.measures = Array.from({ length: 12 }, (_, i) => `第${i + 1}项措施：${'组织开展排查整治并建立台账，逐项对账销号，'.repeat(8)}`);
    });
    const found = runRule(taskTableRowHeight, { plan });
    expect(found.map((d) => d.path)).toEqual([['problems', 1]]);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain('第 2 号问题');
    expect(found[0]!.message).toMatch(/409 磅|一页/);
  });

  it('computes the row heights the Excel writer sets, from the plan alone', () => {
    const plan = planSchema.parse(
      withPlan((p) => {
        p.problems[0]!.summary = '河道垃圾清理不及时，部分河段存在乱堆乱放现象，群众反映强烈。'.repeat(3);
        p.problems[2]!.measures = ['加强巡查，发现一起查处一起。', '建立秸秆综合利用台账。', '开展禁烧宣传进村入户。'];
      }),
    );
    const { heightsPt } = xlsxTaskTableRowHeights(plan);
    expect(writerHeights(plan, 5)).toEqual(heightsPt);
    // And for the bundled plan and the ten-column plan (one header row: the body from the fourth row).
    for (const [file, first] of [
      ['data/guanyang-2022/plan.json', 5],
      ['test/fixtures/plans/ten-columns/plan.json', 4],
    ] as const) {
      const other = planSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      expect(writerHeights(other, first), file).toEqual(xlsxTaskTableRowHeights(other).heightsPt);
    }
  });
});
