import { describe, expect, test } from 'vitest';
import { headingNumber, numberHeadings, type Block } from '../../src/model/document/official-document.js';

const h = (level: 1 | 2 | 3 | 4, text = 'x'): Block => ({ kind: 'heading', level, text });
const r = (level: 1 | 2 | 3 | 4): Block => ({ kind: 'runIn', level, heading: '小标题。', text: '正文' });
const p: Block = { kind: 'paragraph', text: '段落' };

describe('headingNumber', () => {
  test('the four GB/T 9704 forms', () => {
    expect(headingNumber(1, 1)).toBe('一、');
    expect(headingNumber(2, 3)).toBe('（三）');
    expect(headingNumber(3, 2)).toBe('2.');
    expect(headingNumber(4, 5)).toBe('（5）');
  });

  test('beyond ten', () => {
    expect(headingNumber(1, 10)).toBe('十、');
    expect(headingNumber(1, 11)).toBe('十一、');
    expect(headingNumber(2, 20)).toBe('（二十）');
    expect(headingNumber(2, 21)).toBe('（二十一）');
    expect(headingNumber(3, 12)).toBe('12.');
  });
});

describe('numberHeadings', () => {
  test('aligned with the blocks; null for what is not a heading', () => {
    expect(numberHeadings([p, h(1), p, { kind: 'pageBreak' }, h(1)])).toEqual([null, '一、', null, null, '二、']);
  });

  test('each level restarts under each parent', () => {
    const blocks = [h(1), h(2), h(3), h(4), h(4), h(3), h(4), h(2), h(3), h(1), h(2), h(3), h(4)];
    expect(numberHeadings(blocks)).toEqual([
      '一、', '（一）', '1.', '（1）', '（2）', '2.', '（1）', '（二）', '1.', '二、', '（一）', '1.', '（1）',
    ]);
  });

  test('paragraphs between headings do not break the count', () => {
    expect(numberHeadings([h(2), p, p, h(2), p, h(2)])).toEqual(['（一）', null, null, '（二）', null, '（三）']);
  });

  test('run-in headings count with headings of their level', () => {
    // The seed: 三、整改要求 then （一）强化组织领导。… （四）加强信息报送。…
    const blocks = [h(1), h(2), p, h(1), r(2), r(2), r(2), r(2)];
    expect(numberHeadings(blocks)).toEqual(['一、', '（一）', null, '二、', '（一）', '（二）', '（三）', '（四）']);
    expect(numberHeadings([r(2), h(2), r(2)])).toEqual(['（一）', '（二）', '（三）']);
  });

  test('a skipped level numbers from 1 under its parent', () => {
    expect(numberHeadings([h(1), h(3), h(3), h(1), h(3)])).toEqual(['一、', '1.', '2.', '二、', '1.']);
  });

  test('eleven and more level-1 headings', () => {
    const numbers = numberHeadings(Array.from({ length: 12 }, () => h(1)));
    expect(numbers.slice(8)).toEqual(['九、', '十、', '十一、', '十二、']);
  });

  test('an empty body', () => {
    expect(numberHeadings([])).toEqual([]);
  });
});
