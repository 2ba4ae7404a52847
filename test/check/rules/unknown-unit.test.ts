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
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'cooperatingUnits', 1], ['problems', 1, 'leadUnits', 0]]);
    expect(found[0]!.message).toContain('单位“水务所”不在单位名录中');
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });
  it('names at most a dozen known units, however many the plan has', () => {
    // A plan with hundreds of long unit names (test/property/limits.test.ts)
    // made each message tens of thousands of characters long.
    const names = Array.from({ length: 300 }, (_, i) => `单位${i}`);
    const plan = withPlan((p) => {
      p.units = [...p.units, ...names.map((name) => ({ name }))];
      p.problems[0]!.cooperatingUnits = ['水务所'];
    });
    const [found] = runRule(unknownUnit, { plan });
    expect(found!.message).toBe('单位“水务所”不在单位名录中（已有：农办、林业站、各村、单位0、单位1、单位2、单位3、单位4、单位5、单位6、单位7、单位8 等 303 个）');
  });
});
