// model/numbering.ts: which number a document shows (docs/domain.md#problem-numbers).
import { describe, expect, it } from 'vitest';
import { categoryOrdinals, formatShownNumber, keyOfShownNumber, numberProblems, shownNumberOf, writtenNumber } from '../../src/model/numbering.js';
import { numberingSchema, planSchema } from '../../src/model/plan-schema.js';
import { basePlan } from '../helpers/fixture-folder.js';

const categories = [
  { id: 'a', keepWhenEmpty: false },
  { id: 'empty', keepWhenEmpty: false },
  { id: 'b', keepWhenEmpty: false },
  { id: 'kept', keepWhenEmpty: true },
];

describe('shown numbers', () => {
  it('fills the office’s pattern: {category} the Chinese ordinal, {number} the number within the category', () => {
    expect(formatShownNumber('{category}-{number}', 2, 3)).toBe('二-3');
    expect(formatShownNumber('（{category}）{number}', 2, 3)).toBe('（二）3');
    expect(formatShownNumber('{category}.{number}', 12, 10)).toBe('十二.10');
  });

  it('numbers categories as the plan body does: an empty category not kept is skipped, a kept one counts', () => {
    const ordinals = categoryOrdinals(categories, [{ number: 1, category: 'a' }, { number: 1, category: 'b' }]);
    expect([...ordinals]).toEqual([
      ['a', 1],
      ['b', 2],
      ['kept', 3],
    ]);
  });

  it('a category-numbered plan is keyed by plan order, keeps the written number and shows 一-1 …', () => {
    const problems = numberProblems({ scope: 'category', shownAs: '{category}-{number}' }, categories, [
      { number: 1, category: 'a' },
      { number: 2, category: 'a' },
      { number: 1, category: 'b' },
    ]);
    expect(problems.map((p) => [p.number, p.numberInCategory, p.shownNumber])).toEqual([
      [1, 1, '一-1'],
      [2, 2, '一-2'],
      [3, 1, '二-1'],
    ]);
  });

  it('a plan-wide plan (no numbering) keeps its numbers as keys and shows them as they are', () => {
    const plan = planSchema.parse(basePlan());
    expect(plan.problems.map((p) => [p.number, p.numberInCategory, p.shownNumber])).toEqual([
      [1, 1, '1'],
      [2, 2, '2'],
      [3, 3, '3'],
    ]);
    expect(writtenNumber(plan, plan.problems[2]!)).toBe(3);
    expect(shownNumberOf(plan, 2)).toBe('2');
  });

  it('planSchema applies the plan’s numbering; a shown number finds its key, spaces aside', () => {
    const input = basePlan();
    input.numbering = { scope: 'category', shownAs: '（{category}）{number}' };
    input.problems[2]!.number = 1;
    const plan = planSchema.parse(input);
    expect(plan.problems.map((p) => p.shownNumber)).toEqual(['（一）1', '（一）2', '（二）1']);
    expect(keyOfShownNumber(plan, '（二） 1')).toBe(3);
    expect(keyOfShownNumber(plan, '（三）1')).toBeUndefined();
    expect(writtenNumber(plan, plan.problems[2]!)).toBe('（二）1');
    expect(shownNumberOf(plan, 3)).toBe('（二）1');
  });

  it('refuses a pattern that cannot tell categories apart, at numbering.shownAs', () => {
    const input = basePlan();
    input.numbering = { scope: 'category', shownAs: '{number}' };
    const result = planSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([['numbering', 'shownAs']]);
  });
});

describe('numbering.shownAs: only the two placeholders, and nothing a folder name cannot hold', () => {
  const problems = (shownAs: string) => numberingSchema.safeParse({ scope: 'category', shownAs }).error?.issues.map((i) => i.message) ?? [];
  it('refuses an unknown or spaced placeholder, naming it', () => {
    expect(problems('{category}-{number}{foo}')).toEqual(['编号写法中的“{foo}”不是占位符：只能用 {category} 和 {number}（不含空格）']);
    expect(problems('{ category }-{number}')).toContain('编号写法中的“{ category }”不是占位符：只能用 {category} 和 {number}（不含空格）');
  });
  it('refuses characters a file system reserves (the shown number names evidence folders)', () => {
    expect(problems('{category}/{number}')[0]).toMatch(/^编号写法不能含“\/”/);
    expect(problems('{category}:{number}')[0]).toMatch(/^编号写法不能含“:”/);
  });
  it('takes the patterns offices write', () => {
    for (const shownAs of ['{category}-{number}', '（{category}）{number}', '第{category}类第{number}项']) expect(problems(shownAs)).toEqual([]);
  });
});
