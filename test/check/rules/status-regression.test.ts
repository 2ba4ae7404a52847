import { describe, expect, it } from 'vitest';
import { statusRegression } from '../../../src/check/rules/status-regression.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

function twoMonths(edit: (later: ReturnType<typeof baseProgress>) => void) {
  const later = baseProgress('2024-07', '2024-07-31');
  edit(later);
  return { '2024-06': baseProgress(), '2024-07': later };
}

describe('status-regression', () => {
  it('passes progress that only moves forward', () => {
    expect(runRule(statusRegression, { progress: twoMonths(() => {}) })).toEqual([]);
  });
  it('warns about a status going backwards without a note, not with one', () => {
    const progress = twoMonths((p) => {
      Object.assign(p.problems[0]!, { status: '推进中', onSchedule: true });
      delete p.problems[0]!.completedOn;
      Object.assign(p.problems[2]!, { status: '推进中', onSchedule: true, note: '复查发现反弹，重新整改。' });
      delete p.problems[2]!.completedOn;
    });
    const found = runRule(statusRegression, { progress });
    expect(found.map((d) => d.message)).toEqual(['第 1 号问题状态由“已完成”（2024-06）退回“推进中”，请在 note 中说明原因']);
  });
});
