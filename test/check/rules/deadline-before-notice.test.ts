import { describe, expect, it } from 'vitest';
import { deadlineBeforeNotice } from '../../../src/check/rules/deadline-before-notice.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('deadline-before-notice', () => {
  it('passes deadlines after the notice, and 立行立改 (due on the notice date)', () => {
    expect(runRule(deadlineBeforeNotice)).toEqual([]);
  });
  it('warns about a deadline that passed before the notice was issued', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.deadline = '2月底前完成';
    });
    expect(runRule(deadlineBeforeNotice, { plan }).map((d) => d.message)).toEqual([
      '第 1 号问题的时限“2月底前完成”（2024年2月29日）早于方案印发日期 2024年3月15日',
    ]);
  });
  it('reads the dates the new phrases and dueDate give, pointing at dueDate when it decided', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.deadline = '2024年春节前';
      Object.assign(p.problems[1]!, { deadline: '汛期前', dueDate: '2024-03-01' });
    });
    const found = runRule(deadlineBeforeNotice, { plan });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'deadline'], ['problems', 1, 'dueDate']]);
    expect(found.map((d) => d.message)).toEqual([
      '第 1 号问题的时限“2024年春节前”（2024年2月9日）早于方案印发日期 2024年3月15日',
      '第 2 号问题的期限日期 dueDate（2024年3月1日）早于方案印发日期 2024年3月15日',
    ]);
  });
});
