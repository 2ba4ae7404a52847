import { describe, expect, it } from 'vitest';
import { problemNumbers } from '../../../src/check/rules/problem-numbers.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('problem-numbers', () => {
  it('passes 1..N', () => {
    expect(runRule(problemNumbers)).toEqual([]);
  });
  it('reports a duplicate at the second occurrence, with its line', () => {
    const plan = withPlan((p) => {
      p.problems[2]!.number = 2;
    });
    const found = runRule(problemNumbers, { plan });
    expect(found.map((d) => d.message)).toContain('问题编号 2 重复（第 2 项已使用）');
    const dup = found.find((d) => d.message.includes('重复'))!;
    expect(dup.path).toEqual(['problems', 2, 'number']);
    expect(dup.line).toBeGreaterThan(1);
    expect(found.some((d) => d.message.includes('缺少编号：3'))).toBe(true);
  });
  it('reports a gap', () => {
    const plan = withPlan((p) => {
      p.problems[2]!.number = 7;
    });
    const messages = runRule(problemNumbers, { plan }).map((d) => d.message);
    expect(messages).toContain('共 3 个问题，应编号 1..3，缺少编号：3');
    expect(messages).toContain('问题编号 7 超出 1..3');
  });
});
