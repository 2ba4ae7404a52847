import { describe, expect, it } from 'vitest';
import { completedWithoutDate } from '../../../src/check/rules/completed-without-date.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('completed-without-date', () => {
  it('passes completed problems with dates', () => {
    expect(runRule(completedWithoutDate, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('reports a completion without a date and a date without completion', () => {
    const progress = withProgress((p) => {
      delete p.problems[0]!.completedOn;
      p.problems[1]!.completedOn = '2024-06-01';
    });
    const found = runRule(completedWithoutDate, { progress });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'status'], ['problems', 1, 'completedOn']]);
    expect(found[0]!.message).toContain('缺少完成日期');
  });
});
