import { describe, expect, it } from 'vitest';
import { titleLines } from '../../../src/check/rules/title-lines.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('title-lines', () => {
  it('passes lines that join to the title', () => {
    const plan = withPlan((p) => {
      p.plan.titleLines = ['河口乡环保督察反馈', '问题整改方案'];
    });
    expect(runRule(titleLines, { plan })).toEqual([]);
  });
  it('reports lines that do not', () => {
    const plan = withPlan((p) => {
      p.plan.titleLines = ['河口乡环保督察', '问题整改方案'];
    });
    const found = runRule(titleLines, { plan });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['plan', 'titleLines']);
  });
});
