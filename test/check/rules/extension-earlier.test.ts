import { describe, expect, it } from 'vitest';
import { extensionEarlier } from '../../../src/check/rules/extension-earlier.js';
import { baseProgress, runRule } from '../../helpers/fixture-folder.js';

// The fixture's notice is dated 2024-03-15; problem 2's deadline 2024年底前 is due 2024-12-31.
function withExtension(deadline: string, approvedOn = '2024-06-10') {
  const june = baseProgress();
  Object.assign(june.problems[1]!, { extension: { deadline, reason: '资金到位延迟。', approvedOn } });
  return { '2024-06': june };
}

describe('extension-earlier', () => {
  it('passes an extension that moves the deadline later', () => {
    expect(runRule(extensionEarlier, { progress: withExtension('2025年3月底前完成') })).toEqual([]);
  });

  it('warns at an extension that falls before the plan’s own due date', () => {
    const found = runRule(extensionEarlier, { progress: withExtension('短期（1个月内）') });
    // A month from the approval (2024-06-10) is 2024-07-10, before 2024-12-31.
    expect(found.map((d) => d.message)).toEqual([
      '第 2 号问题调整后的时限“短期（1个月内）”（2024年7月10日）早于方案原定的“2024年底前”（2024年12月31日）：调整应当推后时限，请核对',
    ]);
  });
});
