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

  describe('a plan numbered per category (numbering.scope category)', () => {
    const perCategory = (numbers: number[]) =>
      withPlan((p) => {
        p.numbering = { scope: 'category' };
        numbers.forEach((n, i) => (p.problems[i]!.number = n));
      });
    it('passes 1..n within each category: 1, 2 under 水环境 and 1 under 大气', () => {
      expect(runRule(problemNumbers, { plan: perCategory([1, 2, 1]) })).toEqual([]);
    });
    it('reports a duplicate within a category, naming the category and the JSON path', () => {
      const found = runRule(problemNumbers, { plan: perCategory([1, 1, 1]) });
      expect(found.map((d) => d.message).sort()).toEqual(['类别“水环境”中共 2 个问题，应编号 1..2，缺少编号：2', '类别“水环境”中问题编号 1 重复（第 1 项已使用）']);
      const dup = found.find((d) => d.message.includes('重复'))!;
      expect(dup.path).toEqual(['problems', 1, 'number']);
      expect(dup.line).toBeGreaterThan(1);
    });
    it('reports a gap within a category', () => {
      const messages = runRule(problemNumbers, { plan: perCategory([1, 2, 2]) }).map((d) => d.message);
      expect(messages.sort()).toEqual(['类别“大气”中共 1 个问题，应编号 1..1，缺少编号：1', '类别“大气”中问题编号 2 超出 1..1']);
    });
    it('a flat plan (no categories) cannot number per category: said at numbering.scope, the numbers checked plan-wide', () => {
      const plan = withPlan((p) => {
        p.numbering = { scope: 'category' };
        delete p.categories;
        for (const problem of p.problems) delete problem.category;
        p.problems[2]!.number = 1;
      });
      const found = runRule(problemNumbers, { plan });
      expect(found.map((d) => [d.path, d.message])).toContainEqual([['numbering', 'scope'], '方案没有类别（categories），不能各类别分别编号：请删去 numbering，或把 scope 改为 plan']);
      expect(found.map((d) => d.message)).toContain('问题编号 1 重复（第 1 项已使用）');
    });
    it('a plan that does not say it numbers per category is checked plan-wide: 1, 2, 1 is a duplicate', () => {
      const plan = withPlan((p) => {
        p.problems[2]!.number = 1;
      });
      expect(runRule(problemNumbers, { plan }).map((d) => d.message)).toContain('问题编号 1 重复（第 1 项已使用）');
    });
  });
});
