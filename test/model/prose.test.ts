import { describe, expect, it } from 'vitest';
import { endSentence, firstSentence, numberList, problemItem } from '../../src/model/prose.js';

describe('endSentence', () => {
  it.each([
    ['已完成。', '已完成。'],
    ['已完成', '已完成。'],
    ['是否完成？', '是否完成？'],
    ['务必完成！', '务必完成！'],
    ['等等……', '等等……'],
    ['完成率100%.', '完成率100%.'],
    ['已完成；', '已完成。'],
    ['已完成，', '已完成。'],
    ['如下：', '如下。'],
    ['排查、', '排查。'],
    ['推进“积分制”“清单制”', '推进“积分制”“清单制”。'],
    ['他说：“已完成。”', '他说：“已完成。”'],
    ['详见台账（附后）', '详见台账（附后）。'],
    ['学习《条例》', '学习《条例》。'],
    ['已完成 \n', '已完成。'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (text, expected) => expect(endSentence(text)).toBe(expected));

  it('is idempotent', () => {
    for (const text of ['甲', '甲，', '“甲”', '甲。', '（甲）']) expect(endSentence(endSentence(text))).toBe(endSentence(text));
  });
});

describe('firstSentence', () => {
  it.each([
    ['监测对象纳入不及时。某村农户2022年4月因病……', '监测对象纳入不及时。'],
    ['某村脱贫户于2015年进行D级危改，截止调查时点，危房仍未拆除。', '某村脱贫户于2015年进行D级危改，截止调查时点，危房仍未拆除。'],
    ['群众反映“路灯不亮。”问题突出。另有……', '群众反映“路灯不亮。”问题突出。'],
    ['（见附件。）整改不到位！其余……', '（见附件。）整改不到位！'],
    ['村卫生室药品过期', '村卫生室药品过期。'],
  ])('%j → %j', (text, expected) => expect(firstSentence(text)).toBe(expected));
});

describe('problemItem and numberList', () => {
  it('a number before its text with the full-width full stop', () => {
    expect(problemItem(2, '2个村未建新拆旧。')).toBe('2．2个村未建新拆旧。');
  });
  it('numbers joined with 、 and a zero-width space after each', () => {
    expect(numberList([1, 4, 13])).toBe('1、\u200b4、\u200b13');
    expect(numberList([7])).toBe('7');
    expect(numberList([])).toBe('');
  });
});
