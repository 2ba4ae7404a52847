import { describe, expect, it } from 'vitest';
import { progressMissingProblem } from '../../../src/check/rules/progress-missing-problem.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('progress-missing-problem', () => {
  it('passes a complete period', () => {
    expect(runRule(progressMissingProblem, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('warns about problems without an entry', () => {
    const progress = withProgress((p) => {
      p.problems.splice(1, 1);
    });
    const found = runRule(progressMissingProblem, { progress });
    expect(found).toMatchObject([{ severity: 'warning', message: '本期缺少问题 2 的进展' }]);
  });
});
