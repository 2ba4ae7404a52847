import { describe, expect, it } from 'vitest';
import { progressUnknownProblem } from '../../../src/check/rules/progress-unknown-problem.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('progress-unknown-problem', () => {
  it('passes known problems', () => {
    expect(runRule(progressUnknownProblem, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('reports an unknown number and a repeated one', () => {
    const progress = withProgress((p) => {
      p.problems.push({ number: 9, status: '未启动' }, { number: 2, status: '未启动' });
    });
    const found = runRule(progressUnknownProblem, { progress });
    expect(found.map((d) => d.message)).toEqual(['方案中没有第 9 号问题', '第 2 号问题在本期重复填报']);
    expect(found[0]!.file).toBe('progress/2024-06.json');
  });
});
