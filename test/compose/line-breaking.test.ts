// Line breaking (issue 12): the reader's wrap follows 避头尾 (no line starts
// with a closing mark, none ends with an opening one), and the words that
// titles are broken by keep a number with its unit, a place with its suffix
// and the plan's own names whole. Small general fixtures, not the bundled
// plan's strings.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BREAK, NO_LINE_END, NO_LINE_START, breakClasses, softBreaks, measureText, textWidthEm, words, wrapLines, wrappedLineCount } from '../../src/layout/text-width.js';
import { balanceTitle } from '../../src/compose/title-lines.js';

describe('the reader’s wrap (避头尾)', () => {
  test('carries the character before a closing mark down with it', () => {
    expect(wrapLines('一二三四五六。七八九', 6)).toEqual(['一二三四五', '六。七八九']);
    expect(wrapLines('一二三四五六，七八九', 6)).toEqual(['一二三四五', '六，七八九']);
    expect(wrapLines('一二三四五六）、七', 6)).toEqual(['一二三四五', '六）、七']);
  });

  test('carries an opening mark down to what it opens', () => {
    expect(wrapLines('一二三四五“六七”', 6)).toEqual(['一二三四五', '“六七”']);
    expect(wrapLines('一二三四五（六）', 6)).toEqual(['一二三四五', '（六）']);
  });

  test('keeps a run of ASCII whole when it fits, and breaks it only when it does not', () => {
    expect(wrapLines('截至2023-12-28', 6)).toEqual(['截至', '2023-12-28']);
    expect(wrapLines('2023-12-28', 3)).toEqual(['2023-1', '2-28']);
  });

  test('counts as many lines as it builds', () => {
    for (const [text, em] of [
      ['一二三四五六。七八九', 6],
      ['一二三四五“六七”', 6],
      ['（一）（二）（三）', 2],
      ['。。。。', 1],
    ] as const) {
      expect(wrappedLineCount(text, em)).toBe(wrapLines(text, em).length);
    }
  });

  const cjk = fc.constantFrom(...'整改任务责任单位牵头配合完成时限县委政府村社区');
  const closing = fc.constantFrom('。', '，', '、', '；', '）', '”', '》');
  const opening = fc.constantFrom('（', '“', '《');
  // Text where no two marks meet, so every 避头尾 cluster is at most three characters.
  const piece = fc.oneof({ arbitrary: fc.tuple(cjk, cjk), weight: 4 }, { arbitrary: fc.tuple(cjk, closing), weight: 1 }, { arbitrary: fc.tuple(opening, cjk), weight: 1 });
  const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((pieces) => pieces.flat().join(''));

  test('never starts a line with a closing mark or ends one with an opening mark, at any width of three em or more', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 3, max: 30 }), (t, em) => {
        const lines = wrapLines(t, em);
        expect(lines.join('')).toBe(t);
        lines.forEach((line, i) => {
          expect(textWidthEm(line)).toBeLessThanOrEqual(em);
          if (i > 0) expect(NO_LINE_START.has(Array.from(line)[0]!), `${lines.join('|')}`).toBe(false);
          if (i < lines.length - 1) expect(NO_LINE_END.has(Array.from(line).at(-1)!), `${lines.join('|')}`).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('softBreaks are the offsets the built lines start at', () => {
    const t = '一二三四五六。七八九十一二三四五“六七”八九';
    const m = measureText(t);
    const lines = wrapLines(t, 6);
    let at = 0;
    const starts = lines.slice(0, -1).map((line) => (at += line.length));
    expect(softBreaks(m, 6)).toEqual(starts);
  });
});

describe('words', () => {
  test('a number keeps its unit, and dates break only between their parts', () => {
    expect(words('2022年巩固')).toEqual(['2022年', '巩固']);
    expect(words('2023年11月30日')).toEqual(['2023年', '11月', '30日']);
    expect(words('全年共3户12个')).toContain('3户');
    expect(words('提高到95%以上').some((w) => w.includes('95%'))).toBe(true);
    expect(words('位列第14位').some((w) => w.includes('第14'))).toBe(true);
  });

  test('a place keeps its suffix', () => {
    expect(words('河口镇乡村振兴')).toEqual(['河口镇', '乡村', '振兴']);
    expect(words('云溪县河口镇人民政府')[0]).toMatch(/^云溪县/);
    expect(words('龙湾村于11月').join('|')).toMatch(/^龙湾村\|/);
    // A suffix that begins a word of its own stays with it (市级, 镇长).
    expect(words('成果市级考核')).toEqual(['成果', '市级', '考核']);
  });

  test('the names a caller gives stay whole', () => {
    expect(words('分管副镇长', ['分管副镇长'])).toEqual(['分管副镇长']);
    expect(words('村报账会计', ['村报账会计'])).toEqual(['村报账会计']);
    expect(words('综合行政执法大队、各村（社区）', ['综合行政执法大队', '各村（社区）'])).toEqual(['综合行政执法大队、', '各村（社区）']);
  });

  test('a closing mark stays with the word before it, an opening mark with the word after', () => {
    for (const w of words('推进中（逾期），已完成。')) {
      expect(NO_LINE_START.has(w[0]!)).toBe(false);
      expect(NO_LINE_END.has(w.at(-1)!)).toBe(false);
    }
  });

  test('breakClasses rank breaks from between words to forbidden', () => {
    const chars = Array.from('河口镇2022年');
    const classes = breakClasses(chars);
    expect(classes[3]).toBeLessThanOrEqual(BREAK.weak); // 河口镇|2022
    expect(classes[2]).toBe(BREAK.rule); // 河口|镇
    expect(classes[7]).toBe(BREAK.rule); // 2022|年
    expect(classes[4]).toBe(BREAK.forbidden); // 2|022
  });
});

describe('titles break between words', () => {
  const titles = [
    '关于印发《河口镇2022年乡村振兴重点帮扶镇考核评估反馈问题整改工作方案》的通知',
    '河口镇2023年乡村振兴重点帮扶镇考核评估反馈问题整改任务分解和责任分工表',
    '云溪县河口镇人民政府关于2022年巩固拓展脱贫攻坚成果同乡村振兴有效衔接考核反馈问题整改进展情况的报告',
    '关于印发《综合行政执法大队2024年度安全生产专项整治工作方案》的通知',
  ];
  const bad = ['河口|镇', '2022|年', '2023|年', '乡|村振兴', '云溪|县', '综合行政|执法大队', '综合|行政执法大队', '执法|大队'];

  test.each(titles)('%s: no line ends inside a number with its unit, a place with its suffix, or a kept name', (title) => {
    for (let maxEm = 12; maxEm <= 24; maxEm += 1) {
      const lines = balanceTitle(title, maxEm, ['综合行政执法大队']);
      expect(lines.join('')).toBe(title);
      const joined = lines.join('|');
      for (const b of bad) expect(joined, `${maxEm} em: ${joined}`).not.toContain(b);
      for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm);
    }
  });
});
