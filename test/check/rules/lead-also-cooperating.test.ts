import { describe, expect, it } from 'vitest';
import { leadAlsoCooperating } from '../../../src/check/rules/lead-also-cooperating.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('lead-also-cooperating', () => {
  it('passes distinct lead and cooperating units', () => {
    expect(runRule(leadAlsoCooperating)).toEqual([]);
  });
  it('warns when a lead unit is also cooperating', () => {
    const plan = withPlan((p) => {
      p.problems[1]!.cooperatingUnits = ['各村', '林业站'];
    });
    expect(runRule(leadAlsoCooperating, { plan })).toMatchObject([
      { severity: 'warning', path: ['problems', 1, 'cooperatingUnits', 1], message: '第 2 号问题的牵头单位“林业站”又列为配合单位' },
    ]);
  });
});
