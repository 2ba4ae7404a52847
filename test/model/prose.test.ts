import { describe, expect, it } from 'vitest';
import { endSentence } from '../../src/model/prose.js';

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
