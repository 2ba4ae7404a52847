import { describe, expect, it } from 'vitest';
import { unknownCategory } from '../../../src/check/rules/unknown-category.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('unknown-category', () => {
  it('passes known categories', () => {
    expect(runRule(unknownCategory)).toEqual([]);
  });
  it('reports an unknown category and a duplicate id', () => {
    const plan = withPlan((p) => {
      p.problems[1]!.category = 'soil';
      p.categories.push({ id: 'air', heading: '重复', label: '重复' });
    });
    const found = runRule(unknownCategory, { plan });
    expect(found.map((d) => d.message)).toEqual(['类别 id“air”重复', '类别“soil”不存在（已有：water、air）']);
  });
});
