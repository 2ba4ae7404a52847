import { describe, expect, test } from 'vitest';
import { textWidthEm } from '../../src/layout/text-width.js';
import { balanceTitle } from '../../src/compose/title-lines.js';

const CLOSING = /^[》〉）)〕\]】”’，。、；：？！,.;:?!]/;
const OPENING = /[《〈（(〔[【“‘]$/;

/** What every split must satisfy. */
function expectWellFormed(title: string, lines: string[], maxEm: number): void {
  expect(lines.join('')).toBe(title);
  for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm);
  lines.slice(1).forEach((line) => expect(line).not.toMatch(CLOSING));
  lines.slice(0, -1).forEach((line) => expect(line).not.toMatch(OPENING));
  if (lines.length > 1) expect(textWidthEm(lines[lines.length - 1]!)).toBeGreaterThan(3);
}

function spread(lines: string[]): number {
  const widths = lines.map(textWidthEm);
  return Math.max(...widths) - Math.min(...widths);
}

describe('balanceTitle', () => {
  test('a title that fits stays one line', () => {
    expect(balanceTitle('东河镇问题整改工作方案', 20)).toEqual(['东河镇问题整改工作方案']);
    expect(balanceTitle('一二三四五六七八九十', 10)).toEqual(['一二三四五六七八九十']);
  });

  test('the seed notice title: three lines of similar length, never a lone 的通知', () => {
    const title = '关于印发《官阳镇2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改工作方案》的通知';
    const lines = balanceTitle(title, 20);
    expectWellFormed(title, lines, 20);
    expect(lines).toHaveLength(3);
    expect(spread(lines)).toBeLessThanOrEqual(2);
    expect(lines[lines.length - 1]).not.toBe('的通知');
  });

  test('two lines of similar length, split between words', () => {
    const title = '东河镇人民政府关于印发问题整改工作方案的通知';
    const lines = balanceTitle(title, 20);
    expectWellFormed(title, lines, 20);
    expect(lines).toEqual(['东河镇人民政府关于印发', '问题整改工作方案的通知']);
  });

  test('keeps a 《》 title whole when the lines allow it', () => {
    const title = '关于印发《南山乡河道治理方案》的通知';
    const lines = balanceTitle(title, 14);
    expectWellFormed(title, lines, 14);
    expect(lines.some((line) => line.includes('《南山乡河道治理方案》'))).toBe(true);
  });

  test('breaks inside 《》 only when it must, and never right after 《 or before 》', () => {
    const title = '关于印发《南山乡河道治理方案》的通知';
    const lines = balanceTitle(title, 10);
    expectWellFormed(title, lines, 10);
  });

  test('never leaves 的通知 alone, even to keep a 《》 title whole', () => {
    // The only break outside the book title would leave 的通知 on its own.
    const title = '《南山乡河道治理方案》的通知';
    const lines = balanceTitle(title, 12);
    expectWellFormed(title, lines, 12);
    expect(lines[lines.length - 1]).not.toBe('的通知');
  });

  test('digits count half and a year is not split', () => {
    const title = '关于2023年第三季度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作推进情况的报告';
    const lines = balanceTitle(title, 20);
    expectWellFormed(title, lines, 20);
    expect(lines.join('|')).not.toMatch(/\d\|\d/);
  });

  test('a title of only digits still splits (into whole-width lines)', () => {
    const lines = balanceTitle('2022202220222022', 4);
    expect(lines.join('')).toBe('2022202220222022');
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(4);
  });

  test('rejects an impossible width', () => {
    expect(() => balanceTitle('标题', 0)).toThrow(RangeError);
  });
});
