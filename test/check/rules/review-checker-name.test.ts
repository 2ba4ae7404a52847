import { describe, expect, it } from 'vitest';
import { reviewCheckerName } from '../../../src/check/rules/review-checker-name.js';
import { runRule, withProgress } from '../../helpers/fixture-folder.js';

function checkedBy(...who: string[]) {
  return withProgress((p) => {
    Object.assign(p.problems[2]!, { reviews: who.map((w) => ({ date: '2024-06-20', checkedBy: w, finding: '巩固' })) });
  });
}

describe('review-checker-name', () => {
  it('warns at a checkedBy that is a person’s name or a mobile number', () => {
    const found = runRule(reviewCheckerName, { progress: checkedBy('孙德明', '乡纪委13812345678') });
    expect(found.map((d) => d.path)).toEqual([
      ['problems', 2, 'reviews', 0, 'checkedBy'],
      ['problems', 2, 'reviews', 1, 'checkedBy'],
    ]);
    expect(found[0]!.message).toBe('第 3 号问题回头看的检查单位“孙德明”中“孙德明”像是个人姓名或联系方式：请写单位或岗位，如“镇纪委”“党政办”');
  });

  it('passes offices and posts, also those starting with a surname character', () => {
    expect(runRule(reviewCheckerName, { progress: checkedBy('乡纪委', '林业站', '党政办', '驻村工作队', '包村干部', '王某') })).toEqual([]);
  });
});
