// plan.tableTypeSize: the office sets its Word tables' type size (issue 12:
// "tables no smaller than 小四 unless the office chooses"). Without it the
// size is chosen from the content: the bundled task table keeps every unit
// list whole only at 小五.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { composeProgressTable } from '../../src/compose/progress-table.js';
import { derivePeriod } from '../../src/derive/period.js';
import { landscapeTableTextWidthEm } from '../../src/layout/table-widths.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { planSchema } from '../../src/model/plan-schema.js';

describe('plan.tableTypeSize', async () => {
  const loaded = await loadPlanFolder('data/guanyang-2022');
  const { plan, progress } = loaded.folder!;
  const totalEm = (weights: readonly number[]) => weights.reduce((a, b) => a + b, 0);

  test('absent: the size comes from the content (the bundled task table at 小五, 9 pt)', () => {
    expect(composeTaskTable(plan).cellSizePt).toBe(9);
  });

  test.each([
    ['小四', 12],
    ['五号', 10.5],
    ['小五', 9],
  ] as const)('%s: the task table and the report’s table are set at %d pt, within the page’s width', (size, pt) => {
    const chosen = { ...plan, tableTypeSize: size };
    const table = composeTaskTable(chosen);
    expect(table.cellSizePt).toBe(pt);
    expect(totalEm(table.columns.map((c) => c.weight))).toBeLessThanOrEqual(landscapeTableTextWidthEm(table.columns.length, pt) + 1e-9);
    const data = progress.find((p) => p.data.period === '2023-11')!.data;
    const result = derivePeriod(chosen, data);
    if (!result.ok) throw new Error(result.message);
    expect(composeProgressTable(chosen, result.view, { title: '表', date: data.asOf }).cellSizePt).toBe(pt);
  });

  test('the schema takes only 小四, 五号 and 小五', async () => {
    const input = JSON.parse(await readFile(path.join(loaded.folder!.dir, 'plan.json'), 'utf8')); // the office's JSON, not the parsed plan
    expect(planSchema.safeParse({ ...input, tableTypeSize: '五号' }).success).toBe(true);
    const refused = planSchema.safeParse({ ...input, tableTypeSize: '四号' });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.path).toEqual(['tableTypeSize']);
  });
});
