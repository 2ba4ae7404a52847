// The ten-column fixture (test/fixtures/plans/ten-columns: 河口镇, its own
// units and posts, four-character headers) chooses all ten of its columns
// for the report's table in plan.json reportColumns, with the period's
// status, progress and reason (issue 12). Its titles come from plan.subject.
import { describe, expect, test } from 'vitest';
import { composeReport } from '../../src/compose/report.js';
import { derivePeriod } from '../../src/derive/period.js';
import { landscapeTableTextWidthEm } from '../../src/layout/table-widths.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { loadTemplates } from '../../src/templates/load.js';

describe('the ten-column plan’s report', async () => {
  const loaded = await loadPlanFolder('test/fixtures/plans/ten-columns');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  const { plan, progress } = loaded.folder;
  const data = progress.find((p) => p.data.period === '2024-03')!.data;
  const result = derivePeriod(plan, data);
  if (!result.ok) throw new Error(result.message);
  const doc = composeReport(plan, result.view, data, await loadTemplates());

  test('is titled from the plan’s subject, and so is its attached table', () => {
    expect(doc.title.lines.join('')).toBe('云溪县河口镇人民政府关于2023年乡村振兴重点帮扶镇考核评估反馈问题整改进展情况的报告');
    expect(doc.attachments[0]!.title.lines.join('')).toBe('2023年乡村振兴重点帮扶镇考核评估反馈问题整改进展情况表');
  });

  test('has all ten columns and the period’s three, each text column at least 8 characters a line at the table’s size', () => {
    const content = doc.attachments[0]!.content;
    if (content.kind !== 'taskTable') throw new Error('expected the table');
    const table = content.table;
    expect(table.columns.map((c) => c.header)).toEqual([
      '问题类别', '序号', '存在问题', '整改目标', '整改措施', '责任领导', '牵头单位', '责任单位', '责任人', '完成时限', '整改状态', '整改进展', '未完成\n原因',
    ]);
    expect(table.cellSizePt).toBeGreaterThanOrEqual(9);
    const available = landscapeTableTextWidthEm(table.columns.length, table.cellSizePt);
    const total = table.columns.reduce((s, c) => s + c.weight, 0);
    expect(total).toBeLessThanOrEqual(available + 1e-9);
    for (const header of ['存在问题', '整改目标', '整改措施', '整改进展', '未完成\n原因']) {
      expect(table.columns.find((c) => c.header === header)!.weight, header).toBeGreaterThanOrEqual(8);
    }
  });
});
