// The layout constants against the standard's own figures, written here from
// GB/T 9704-2012 rather than imported (docs/ARCHITECTURE.md).
import { describe, expect, it } from 'vitest';
import * as L from '../../src/layout/gbt9704.js';

describe('GB/T 9704-2012 layout constants', () => {
  it('A4 is 210 × 297 mm = 11906 × 16838 twip (§5.1)', () => {
    expect(L.A4_WIDTH_TWIP).toBe(11906);
    expect(L.A4_HEIGHT_TWIP).toBe(16838);
  });

  it('margins are the mm values × 1440/25.4, rounded, not floored (§5.2.1)', () => {
    expect(L.MARGIN_TOP_TWIP).toBe(2098); // 37 mm = 2097.6
    expect(L.MARGIN_LEFT_TWIP).toBe(1587); // 28 mm = 1587.4
    expect(L.MARGIN_RIGHT_TWIP).toBe(1474); // 26 mm = 1474.0
    expect(L.MARGIN_BOTTOM_TWIP).toBe(1984); // 35 mm = 1984.3
    expect(L.mmToTwip(37)).toBe(2098);
  });

  it('type area is 156 × 225 mm, and the landscape one 225 mm wide (12756 twip)', () => {
    expect(L.TYPE_AREA_WIDTH_TWIP).toBe(8844);
    expect(L.TYPE_AREA_HEIGHT_TWIP).toBe(12756);
    expect(L.LANDSCAPE_TYPE_AREA_WIDTH_TWIP).toBe(12756);
    expect(16838 - L.LANDSCAPE_MARGIN_LEFT_TWIP - L.LANDSCAPE_MARGIN_RIGHT_TWIP).toBe(12756);
  });

  it('landscape margins are the portrait ones turned a quarter clockwise (§8)', () => {
    expect(L.LANDSCAPE_MARGIN_TOP_TWIP).toBe(1587); // 订口 28 mm
    expect(L.LANDSCAPE_MARGIN_RIGHT_TWIP).toBe(2098); // 天头 37 mm
    expect(L.LANDSCAPE_MARGIN_BOTTOM_TWIP).toBe(1474); // 切口 26 mm
    expect(L.LANDSCAPE_MARGIN_LEFT_TWIP).toBe(1984); // foot 35 mm
  });

  it('grid: 22 lines at 579 twip exact, 三号 spacing −5 twip for 28 characters (§5.2.3)', () => {
    expect(L.LINES_PER_PAGE).toBe(22);
    expect(L.CHARS_PER_LINE).toBe(28);
    expect(L.LINE_PITCH_TWIP).toBe(579);
    expect(L.CHAR_SPACING_TWIP).toBe(-5);
    expect(L.FIRST_LINE_INDENT_TWIP).toBe(640);
  });

  it('字号 in points and half-points', () => {
    expect(L.ZIHAO_PT).toMatchObject({ 初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15, 四号: 14, 小四: 12, 五号: 10.5 });
    expect(L.ZIHAO_HALF_PT.五号).toBe(21);
    expect(L.ZIHAO_HALF_PT.二号).toBe(44);
    expect(L.TITLE_SIZE_HALF_PT).toBe(44);
    expect(L.BODY_SIZE_HALF_PT).toBe(32);
    expect(L.ATTACHMENT_LABEL_SIZE_HALF_PT).toBe(32);
  });

  it('page number: 4号宋体, — N —, 7 mm under the type area, one character in (§7.5)', () => {
    expect(L.PAGE_NUMBER_FONT).toBe('宋体');
    expect(L.PAGE_NUMBER_SIZE_HALF_PT).toBe(28);
    expect(L.PAGE_NUMBER_DASH).toBe('—');
    expect(L.PAGE_NUMBER_INDENT_TWIP).toBe(280);
    // portrait: (35 − 7) mm = 1587 twip, less one 14 pt line (280) = 1307
    expect(L.FOOTER_DISTANCE_TWIP).toBe(1307);
    // landscape foot: (26 − 7) mm = 1077 twip, less 280 = 797
    expect(L.LANDSCAPE_FOOTER_DISTANCE_TWIP).toBe(797);
  });

  it('official font names', () => {
    expect([L.FONT_XIAOBIAOSONG, L.FONT_FANGSONG, L.FONT_HEITI, L.FONT_KAITI, L.FONT_SONGTI, L.FONT_LATIN]).toEqual([
      '方正小标宋简体',
      '仿宋_GB2312',
      '黑体',
      '楷体_GB2312',
      '宋体',
      'Times New Roman',
    ]);
    expect(L.TABLE_HEADER_FONT).toBe('黑体');
    expect(L.TABLE_CELL_FONT).toBe('仿宋_GB2312');
    expect([24, 28]).toContain(L.TABLE_CELL_SIZE_HALF_PT); // 小四 or 四号
  });

  it('red is FF0000 (§7.2.4)', () => {
    expect(L.COLOR_RED_HEX).toBe('FF0000');
  });
});
