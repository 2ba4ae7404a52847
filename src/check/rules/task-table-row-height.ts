import { shownNumber } from '../../model/numbering.js';
// A problem whose row in the Excel task table would be taller than a printed
// page or than Excel's 409 pt: the table keeps every problem in one row (so it
// can be sorted, filtered and read back), so such a row is cut off in print
// or on screen. Computed from the plan with the same width allocation and row
// heights the writer uses (derive/task-table-layout.ts), so the clerk hears of
// it from `check`, before any document is made; the `table` command's own
// warning gives the figures of the file it writes.
import { xlsxTaskTableRowHeights } from '../../derive/task-table-layout.js';
import type { Finding, Rule } from '../rule.js';

export const taskTableRowHeight: Rule = {
  id: 'task-table-row-height',
  severity: 'warning',
  description:
    '问题在任务分解表（Excel）中的一行高于一页或 Excel 单行上限 409 磅，打印或显示不全 / a problem’s row in the Excel task table is taller than a printed page or Excel’s 409 pt row',
  check({ folder }) {
    const { plan } = folder;
    if (plan.problems.length === 0) return [];
    const { heightsPt, pagePt, maxRowPt } = xlsxTaskTableRowHeights(plan);
    const limit = Math.min(pagePt, maxRowPt);
    const findings: Finding[] = [];
    heightsPt.forEach((h, index) => {
      if (h <= limit + 1e-9) return;
      const problem = plan.problems[index]!;
      findings.push({
        source: folder.planSource,
        path: ['problems', index],
        message: `第 ${shownNumber(problem)} 号问题在任务分解表（Excel）中一行约 ${Math.ceil(h)} 磅，高于${h > maxRowPt ? ` Excel 单行上限 ${maxRowPt} 磅` : `一页可容纳的约 ${Math.floor(pagePt)} 磅`}，打印或显示不全；请精简问题简述、整改措施等文字`,
      });
    });
    return findings;
  },
};
