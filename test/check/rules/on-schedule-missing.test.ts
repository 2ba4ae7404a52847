import { describe, expect, it } from 'vitest';
import { onScheduleMissing } from '../../../src/check/rules/on-schedule-missing.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

describe('on-schedule-missing', () => {
  it('passes 推进中 with onSchedule', () => {
    expect(runRule(onScheduleMissing, { progress: withProgress(() => {}) })).toEqual([]);
  });
  it('warns about 推进中 without onSchedule', () => {
    const progress = withProgress((p) => {
      delete p.problems[1]!.onSchedule;
    });
    expect(runRule(onScheduleMissing, { progress })).toHaveLength(1);
  });
});
