import { describe, expect, it } from 'vitest';
import { dueDateDiffers } from '../../../src/check/rules/due-date-differs.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

// The fixture's notice is dated 2024-03-15: 5月底前完成 reads as 2024-05-31, 立行立改、长期坚持 as long-term.
describe('due-date-differs', () => {
  it('passes explicit fields that agree with the phrase, and a phrase that cannot be read', () => {
    const plan = withPlan((p) => {
      Object.assign(p.problems[0]!, { dueDate: '2024-05-31' });
      Object.assign(p.problems[2]!, { longTerm: true });
      Object.assign(p.problems[1]!, { deadline: '待县里统一部署后完成', dueDate: '2024-09-30' });
    });
    expect(runRule(dueDateDiffers, { plan })).toEqual([]);
  });

  it('warns at dueDate and at longTerm where they say otherwise than the printed phrase', () => {
    const plan = withPlan((p) => {
      Object.assign(p.problems[0]!, { dueDate: '2024-06-30' });
      Object.assign(p.problems[2]!, { longTerm: false, dueDate: '2024-03-20' });
    });
    const found = runRule(dueDateDiffers, { plan });
    expect(found.map((d) => d.message)).toEqual([
      '第 1 号问题的 dueDate（2024年6月30日）与整改时限“5月底前完成”（读作 2024年5月31日）不一致；文书印的是原文，统计按 dueDate：请改成一致',
      // In the order of the fields in plan.json (longTerm was written first); 立行立改 is due on the notice's date.
      '第 3 号问题的 longTerm: false 与整改时限“立行立改、长期坚持”（读作长期坚持）不一致；请改成一致',
      '第 3 号问题的 dueDate（2024年3月20日）与整改时限“立行立改、长期坚持”（读作 2024年3月15日）不一致；文书印的是原文，统计按 dueDate：请改成一致',
    ]);
  });
});
