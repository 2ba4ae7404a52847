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
});
