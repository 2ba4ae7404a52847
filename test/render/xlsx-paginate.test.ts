import { describe, expect, it } from 'vitest';
import { paginate, partHeight, sliceText, wrapForColumn, type PageMetrics } from '../../src/render/xlsx/paginate.js';
import { safeSheetName } from '../../src/render/xlsx/sheet-name.js';
import { address } from '../../src/render/xlsx/task-table.js';

const m: PageMetrics = {
  linePitchPt: 10,
  paddingPt: 4,
  firstPagePt: 100,
  otherPagePt: 150,
  maxRowPt: 120,
  splitMinPt: 40,
  minLinesPerPart: 2,
  heightStepPt: 0.75,
};

describe('paginate', () => {
  it('keeps short rows whole and breaks pages between them', () => {
    const layout = paginate([3, 3, 3, 3], m); // 34 pt each: 3 fit the first page (102 > 100 → 2)
    expect(layout.parts.every((p) => p.first && p.last)).toBe(true);
    expect(layout.pageStarts).toEqual([2]);
  });

  it('splits a row taller than a page or 409 pt into parts that each fit', () => {
    const layout = paginate([30], m);
    const lines = layout.parts.reduce((s, p) => s + p.to - p.from, 0);
    expect(lines).toBe(30);
    expect(layout.parts.length).toBeGreaterThan(1);
    for (const p of layout.parts) expect(p.heightPt).toBeLessThanOrEqual(m.maxRowPt);
    expect(layout.parts[0]!.first).toBe(true);
    expect(layout.parts.at(-1)!.last).toBe(true);
  });

  it('splits a tall row at the page’s end instead of leaving the page half empty', () => {
    const layout = paginate([2, 8], m); // 24 pt, then 84 pt: 76 pt left on page 1
    expect(layout.parts[1]).toMatchObject({ row: 1, from: 0, first: true, last: false });
    expect(layout.parts[2]).toMatchObject({ row: 1, last: true });
    expect(layout.pageStarts).toEqual([2]);
  });

  it('never leaves a single line alone on either side of a split', () => {
    const layout = paginate([2, 9], { ...m, firstPagePt: 24 + 12 });
    for (const p of layout.parts) expect(p.to - p.from).toBeGreaterThanOrEqual(2);
  });

  it('rounds heights up to whole pixels', () => {
    expect(partHeight(m, 0, 1, 1)).toBe(14.25);
  });
});

describe('wrapForColumn / sliceText', () => {
  it('gives the text back from its parts, paragraph breaks inside a part kept', () => {
    const text = '一二三四五六七八九十\n第二段文字';
    const w = wrapForColumn(text, 4); // 一二三四 | 五六七八 | 九十¶ | 第二段文 | 字
    const parts = [sliceText(w, 0, 2), sliceText(w, 2, 4), sliceText(w, 4, w.lines.length)];
    expect(parts).toEqual(['一二三四五六七八', '九十\n第二段文', '字']);
    expect(parts.join('')).toBe(text);
    expect(sliceText(w, 0, w.lines.length)).toBe(text);
  });
});

describe('safeSheetName', () => {
  it('removes forbidden characters and cuts to 31', () => {
    expect(safeSheetName('a/b\\c?d*e[f]g:h')).toBe('abcdefgh');
    expect(safeSheetName('长'.repeat(40))).toHaveLength(31);
    expect(safeSheetName("'名称'")).toBe('名称');
    expect(safeSheetName('')).toBe('Sheet');
  });

  it('never ends with an apostrophe where the cut falls after one', () => {
    const name = safeSheetName(`${'某'.repeat(30)}'后`);
    expect(name).toBe('某'.repeat(30));
    expect(safeSheetName(`${'某'.repeat(30)}'后`, new Set(['某'.repeat(30)]))).toBe(`${'某'.repeat(28)}(2)`);
  });

  it('shortens uniquely', () => {
    const long = '某'.repeat(40);
    const first = safeSheetName(long);
    const second = safeSheetName(long, new Set([first]));
    expect(second).not.toBe(first);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith('(2)')).toBe(true);
  });
});

describe('address', () => {
  it.each([
    [0, 0, 'A1'],
    [4, 25, 'Z5'],
    [9, 26, 'AA10'],
    [0, 701, 'ZZ1'],
  ])('(%i, %i) → %s', (r, c, a) => expect(address(r, c)).toBe(a));
});
