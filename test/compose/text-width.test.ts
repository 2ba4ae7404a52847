// wrappedLineCount counts lines without building them (the column-width
// estimate calls it for every cell and every em); it must give exactly the
// count of the lines wrapLines builds — its definition before it was made a
// counter — for any text and any width.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BREAK, measureText, measuredLineCount, printedWidthEm, words, wrapLines, wrappedLineCount } from '../../src/layout/text-width.js';

const linesBuilt = (text: string, em: number) => wrapLines(text, em).length;

/** Pieces that meet every branch: words, spaces, tabs, newlines, CJK, half-width forms, emoji, rare CJK, lone surrogates. */
const piece = fc.oneof(
  fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\r\n', '、', '，', '。', '（', '）', '—', '｢', 'ｱ', '￥', '\u{20000}', '😀', '\ud800', '\udfff', '<&">', 'https://example.org/a/very/long/path?x=1&y=2'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'整改任务责任单位牵头配合完成时限县委县政府'), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer({ min: 0, max: 99999 }).map(String),
);
const text = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(''));
const width = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: 1, max: 160 }).map((halves) => halves / 2),
  fc.double({ min: 0.01, max: 40, noNaN: true }),
  fc.integer({ min: 1, max: 40 }).map((w) => w - 0.3),
);

describe('wrappedLineCount', () => {
  test('counts the lines wrapLines builds, for any text and width', () => {
    fc.assert(
      fc.property(text, width, (t, em) => {
        expect(wrappedLineCount(t, em)).toBe(linesBuilt(t, em));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['', 5],
    ['\n', 5],
    ['a\n\nb', 1],
    ['整改整改整改', 2],
    ['整改 abc 整改', 2.5],
    ['abcdefghij', 2],
    ['abcdefghij', 5],
    ['abcdefghij', 4.999999999],
    ['😀😀😀', 1],
    ['x\ud800y', 1],
    ['\t\t\t', 0.5],
    ['2023年10月31日前完成', 3.7],
  ])('%j at %d em', (t, em) => {
    expect(wrappedLineCount(t, em)).toBe(linesBuilt(t, em));
  });

  test('refuses a width that is not positive, as wrapLines does', () => {
    expect(() => wrappedLineCount('x', 0)).toThrow(RangeError);
    expect(() => wrappedLineCount('x', -1)).toThrow(RangeError);
  });
});

describe('measureText', () => {
  test('a measured text keeps its own arrays after longer and shorter texts are measured (the working arrays are reused)', () => {
    const first = measureText('整改（一）abc，完成。');
    const before = { widths: [...first.atomWidth], clusters: [...first.clusterWidth], count: measuredLineCount(first, 3) };
    measureText('长'.repeat(5000));
    measureText('x');
    expect([...first.atomWidth]).toEqual(before.widths);
    expect([...first.clusterWidth]).toEqual(before.clusters);
    expect(measuredLineCount(first, 3)).toBe(before.count);
  });

  test('widestParagraphEm is exactly the widest paragraph as printedWidthEm measures it alone, for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(measureText(t).widestParagraphEm).toBe(Math.max(0, ...t.split('\n').map(printedWidthEm)));
      }),
      { numRuns: 2000 },
    );
  });

  test('widestParagraphEm is the widest paragraph on one line, its autospace included', () => {
    // 整改 2 em + abc 1.5 em + two autospaces 0.4 em; 完成 2 em.
    expect(measureText('整改abc整改\n完成').widestParagraphEm).toBeCloseTo(5.9, 9);
    expect(measureText('整改abc整改\n完成').unbrokenEm).toBeCloseTo(5.9, 9);
  });
});

describe('words of printable ASCII', () => {
  test.each(['2024', 'A-12/3', 'https://example.org/a?b=1'])('%j is one piece, never cut', (t) => {
    expect(words(t)).toEqual([t]);
    expect(words(t, [], BREAK.rule)).toEqual([t]);
  });
});
