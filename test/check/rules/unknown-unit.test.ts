import { describe, expect, it } from 'vitest';
import { unknownUnit } from '../../../src/check/rules/unknown-unit.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('unknown-unit', () => {
  it('passes units from the list', () => {
    expect(runRule(unknownUnit)).toEqual([]);
  });
  it('reports a lead or cooperating unit missing from the list', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.cooperatingUnits = ['各村', '水务所'];
      p.problems[1]!.leadUnits = ['城建办'];
    });
    const found = runRule(unknownUnit, { plan });
    expect(found.map((d) => d.path)).toEqual(['problems[0].cooperatingUnits[1]', 'problems[1].leadUnits[0]']);
    expect(found[0]!.message).toContain('单位“水务所”不在单位名录中');
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });
});
