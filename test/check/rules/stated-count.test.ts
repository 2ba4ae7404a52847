import { describe, expect, it } from 'vitest';
import { statedCount } from '../../../src/check/rules/stated-count.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('stated-count', () => {
  it('passes a count that matches', () => {
    expect(runRule(statedCount)).toEqual([]);
  });
  it('warns when the goal promises another number', () => {
    const plan = withPlan((p) => {
      p.plan.goal.paragraphs = ['针对督察反馈的5个具体问题，逐项整改。'];
    });
    const found = runRule(statedCount, { plan });
    expect(found).toMatchObject([{ severity: 'warning', path: ['plan', 'goal', 'paragraphs', 0], message: '文中写“5个具体问题”，但问题清单列出 3 个问题' }]);
  });
});
