import { describe, expect, test } from 'vitest';
import { NO_RATE, TEMPLATE_HELPERS } from '../../src/templates/helpers.js';
import { renderTemplate } from '../../src/templates/render.js';

const text = (source: string, context: object = {}) => {
  const blocks = renderTemplate(source, 'h.hbs', context);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.kind !== 'paragraph') throw new Error('expected one paragraph');
  return block.text;
};

describe('helpers', () => {
  test('chineseDate: Arabic numerals, no zero padding', () => {
    expect(text('{{chineseDate d}}', { d: '2023-09-07' })).toBe('2023年9月7日');
    expect(text('{{chineseDate d}}', { d: '2024-12-31' })).toBe('2024年12月31日');
  });

  test('measures: 一是…二是… for several, as it is for one', () => {
    expect(text('{{measures m}}', { m: ['甲。', '乙'] })).toBe('一是甲。二是乙。');
    expect(text('{{measures m}}', { m: ['只有一条'] })).toBe('只有一条。');
    expect(() => text('{{measures m}}', { m: [] })).toThrow(/^h\.hbs:1: measures 的参数为空列表/);
  });

  test('sentence: a text of the data ends with a full stop', () => {
    expect(text('原因：{{sentence r}}', { r: '资金未到位' })).toBe('原因：资金未到位。');
    expect(text('原因：{{sentence r}}', { r: '资金未到位。' })).toBe('原因：资金未到位。');
    expect(text('原因：{{sentence r}}', { r: '资金未到位；' })).toBe('原因：资金未到位。');
    expect(() => text('{{sentence r}}', { r: 3 })).toThrow(/sentence 的参数应为一段文字/);
  });

  test('item: a problem number before its text, with the full-width full stop, so 2．2个村 never reads 2.2', () => {
    expect(text('{{item n s}}', { n: 2, s: '2个村未建新拆旧。' })).toBe('2．2个村未建新拆旧。');
    expect(text('{{item n (sentence s)}}', { n: 11, s: '1个光伏电站未并网' })).toBe('11．1个光伏电站未并网。');
    // A shown number is text (二-3 for a plan numbered per category: model/numbering.ts).
    // It is led by 问题, so （二）3．甲 cannot be read as a second-level heading (§7.3.3).
    expect(text('{{item n s}}', { n: '二-3', s: '甲。' })).toBe('问题二-3．甲。');
    expect(text('{{item n s}}', { n: '（二）3', s: '甲。' })).toBe('问题（二）3．甲。');
    expect(() => text('{{item n s}}', { n: 2.5, s: '甲' })).toThrow(/item 的参数应为问题序号和一段文字/);
    expect(() => text('{{item n s}}', { n: ' ', s: '甲' })).toThrow(/item 的参数应为问题序号和一段文字/);
  });

  test('numbers: problem numbers, or problems, with 、 and a break opportunity after it (LibreOffice keeps 2、14、15 together otherwise)', () => {
    expect(text('问题{{numbers xs}}', { xs: [2, 14, 15] })).toBe('问题2、\u200b14、\u200b15');
    expect(text('问题{{numbers ps}}', { ps: [{ number: 1 }, { number: 13 }] })).toBe('问题1、\u200b13');
    expect(text('问题{{numbers ps}}', { ps: [7] })).toBe('问题7');
    expect(text('问题{{numbers ps}}', { ps: ['一-2', { number: '二-1' }] })).toBe('问题一-2、\u200b二-1');
    expect(() => text('{{numbers ps}}', { ps: [''] })).toThrow(/numbers 的参数应为问题序号或问题的列表/);
    expect(() => text('{{numbers ps}}', { ps: [1.5] })).toThrow(/numbers 的参数应为问题序号或问题的列表/);
  });

  test('units: joined with 、', () => {
    expect(text('{{units u}}', { u: ['规建办', '经发办'] })).toBe('规建办、经发办');
    expect(text('（{{units u}}）', { u: [] })).toBe('（）');
  });

  test('count', () => {
    expect(text('共{{count xs}}个', { xs: [1, 2, 3] })).toBe('共3个');
    expect(() => text('{{count xs}}', { xs: 'abc' })).toThrow(/count 的参数应为列表/);
  });

  test('percent: one decimal, half up, no trailing .0, a dash for 0/0', () => {
    expect(text('{{percent a b}}', { a: 18, b: 21 })).toBe('85.7%');
    expect(text('{{percent a b}}', { a: 2, b: 3 })).toBe('66.7%');
    expect(text('{{percent a b}}', { a: 1, b: 8 })).toBe('12.5%');
    expect(text('{{percent a b}}', { a: 1, b: 16 })).toBe('6.3%');
    expect(text('{{percent a b}}', { a: 21, b: 21 })).toBe('100%');
    expect(text('{{percent a b}}', { a: 0, b: 5 })).toBe('0%');
    expect(text('{{percent a b}}', { a: 0, b: 0 })).toBe(NO_RATE);
    expect(() => text('{{percent a b}}', { a: '1', b: 2 })).toThrow(/percent 的参数应为两个非负数/);
  });

  test('helpers nest', () => {
    expect(text('完成率{{percent (count done) total}}', { done: [1, 2], total: 4 })).toBe('完成率50%');
  });

  test('the public list is exactly the documented one', () => {
    expect([...TEMPLATE_HELPERS.keys()].sort()).toEqual(['chineseDate', 'chineseMonth', 'count', 'item', 'join', 'measures', 'numbers', 'percent', 'sentence', 'units', 'withoutSuffix']);
  });

  test('chineseMonth: a period as running text', () => {
    expect(text('{{chineseMonth p}}', { p: '2023-10' })).toBe('2023年10月');
    expect(text('{{chineseMonth p}}', { p: '2024-01' })).toBe('2024年1月');
    expect(() => text('{{chineseMonth p}}', { p: '2023-13' })).toThrow(/chineseMonth 的参数应为 YYYY-MM/);
  });

  test('join: numbers or texts with 、', () => {
    expect(text('问题{{join xs}}', { xs: [2, 14, 15] })).toBe('问题2、14、15');
    expect(text('{{join xs}}', { xs: ['甲', '乙'] })).toBe('甲、乙');
    expect(() => text('{{join xs}}', { xs: [{}] })).toThrow(/join 的参数应为文字或数字的列表/);
  });

  test('withoutSuffix: drops an ending the text has, leaves other text alone', () => {
    expect(text('{{withoutSuffix t "工作方案"}}进展情况', { t: '东河镇问题整改工作方案' })).toBe('东河镇问题整改进展情况');
    expect(text('{{withoutSuffix t "工作方案"}}', { t: '东河镇整改计划' })).toBe('东河镇整改计划');
  });
});
