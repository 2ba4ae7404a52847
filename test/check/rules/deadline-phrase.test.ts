import { describe, expect, it } from 'vitest';
import { deadlinePhrase } from '../../../src/check/rules/deadline-phrase.js';
import { runRule, withPlan, withProgress } from '../../helpers/fixture-folder.js';

describe('deadline-phrase', () => {
  it('passes understood phrases', () => {
    expect(runRule(deadlinePhrase)).toEqual([]);
  });
  it('reports an unparseable deadline and an unparseable extension', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.deadline = '尽快完成';
    });
    const progress = withProgress((p) => {
      p.problems[1]!.extension = { deadline: '13月底前', reason: '资金未到位', approvedOn: '2024-06-10' };
    });
    const found = runRule(deadlinePhrase, { plan, progress });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'deadline'], ['problems', 1, 'extension', 'deadline']]);
    expect(found[0]!.message).toContain('无法理解整改时限“尽快完成”');
  });
  it('passes the phrases plans write (issue 19), and reads extensions the same way', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.deadline = '12月中旬前';
      p.problems[1]!.deadline = '短期整改，2024年10月底前见效';
      p.problems[2]!.deadline = '持续推进';
    });
    const progress = withProgress((p) => {
      p.problems[1]!.extension = { deadline: '中期（3个月内）', reason: '资金未到位', approvedOn: '2024-06-10' };
    });
    expect(runRule(deadlinePhrase, { plan, progress })).toEqual([]);
  });
  it('does not read a phrase the problem gives a dueDate or longTerm for', () => {
    const plan = withPlan((p) => {
      Object.assign(p.problems[0]!, { deadline: '汛期前完成', dueDate: '2024-06-15' });
      Object.assign(p.problems[1]!, { deadline: '久久为功', longTerm: true });
    });
    expect(runRule(deadlinePhrase, { plan })).toEqual([]);
  });
  it('reports longTerm: false without dueDate at longTerm, at its line', () => {
    const plan = withPlan((p) => {
      Object.assign(p.problems[2]!, { longTerm: false });
    });
    const found = runRule(deadlinePhrase, { plan });
    expect(found.map((d) => [d.file, d.path])).toEqual([['plan.json', ['problems', 2, 'longTerm']]]);
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(found[0]!.message).toContain('dueDate');
  });
});
