import { describe, expect, it } from 'vitest';
import { paginate, type PageMetrics } from '../../src/render/xlsx/paginate.js';
import { safeSheetName } from '../../src/render/xlsx/sheet-name.js';
import { address } from '../../src/render/xlsx/task-table.js';

const m: PageMetrics = { firstPagePt: 100, otherPagePt: 150 };

describe('paginate (one problem, one row: never split)', () => {
  it('keeps rows whole and breaks pages between them', () => {
    expect(paginate([34, 34, 34, 34], m)).toEqual({ pageStarts: [2], tallerThanPage: [] }); // 3 × 34 > 100
    expect(paginate([50, 50, 100, 60, 10], m).pageStarts).toEqual([2, 3]);
  });

  it('moves a row that does not fit what is left of a page to the next page, whole', () => {
    expect(paginate([30, 90], m)).toEqual({ pageStarts: [1], tallerThanPage: [] });
  });

  it('gives a row taller than a page a page of its own and reports it', () => {
    expect(paginate([20, 200, 20], m)).toEqual({ pageStarts: [1, 2], tallerThanPage: [1] });
    expect(paginate([120], m)).toEqual({ pageStarts: [], tallerThanPage: [0] });
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
