// The official-document part of the layout module (gbt9704.ts) against the
// standard's own figures, written here rather than imported (docs/ARCHITECTURE.md).
import { describe, expect, it } from 'vitest';
import * as L from '../../src/layout/gbt9704.js';

const mm = (x: number) => Math.round((x * 1440) / 25.4);

describe('GB/T 9704 layout: official documents', () => {
  it('counts indents in 三号 characters (16 pt = 320 twip) and gaps in 579-twip lines', () => {
    expect(L.charsToTwip(2)).toBe(640);
    expect(L.linesToTwip(2)).toBe(1158);
  });

  it('puts the mark 35 mm under the type area’s top (§7.2.4)', () => {
    expect(L.ISSUER_MARK_TOP_TWIP).toBe(mm(35));
    expect(L.ISSUER_MARK_COLOR_HEX).toBe('FF0000');
    expect(L.ISSUER_MARK_FONT).toBe('方正小标宋简体');
  });

  it('sizes the mark to one line of the 156 mm (442 pt) type area', () => {
    // 10 characters: 初号 42 pt × 10 = 420 pt fits
    expect(L.issuerMarkLayout(10)).toMatchObject({ sizeHalfPt: 84, scalePercent: 100 });
    // 12 characters: 初号 504 pt does not, 小初 36 × 12 = 432 pt does
    expect(L.issuerMarkLayout(12)).toMatchObject({ sizeHalfPt: 72, scalePercent: 100 });
    // 17 characters: 一号 26 × 17 = 442 pt just fits 442.2; 18 need 小一 (24 × 18 = 432)
    expect(L.issuerMarkLayout(17)).toMatchObject({ sizeHalfPt: 52, scalePercent: 100 });
    expect(L.issuerMarkLayout(18)).toMatchObject({ sizeHalfPt: 48, scalePercent: 100 });
    // 26 characters even at 二号 (572 pt) are squeezed to 442 / 572 = 77 %
    expect(L.issuerMarkLayout(26)).toMatchObject({ sizeHalfPt: 44, scalePercent: 77 });
    // its exact line is a little taller than the type, so the glyphs' top is the line's top
    expect(L.issuerMarkLayout(12).lineTwip).toBeGreaterThanOrEqual(720);
  });

  it('puts the 发文字号 two lines under the mark, 上行文 one character in, 签发人 one character from the right (§7.2.5, §7.2.6)', () => {
    expect(L.DOC_NUMBER_BLANK_LINES).toBe(2);
    expect(L.UP_DOC_NUMBER_INDENT_TWIP).toBe(320);
    expect(L.SIGNER_TAB_TWIP).toBe(mm(156) - 320);
    expect(L.SIGNER_NAME_FONT).toBe('楷体_GB2312');
  });

  it('draws the red line 4 mm under the 发文字号 (§7.2.7)', () => {
    expect(L.RED_LINE_GAP_MM).toBe(4);
    expect(L.RED_LINE_EIGHTH_PT).toBe(8);
    expect(L.RED_LINE_SPACER_TWIP).toBeLessThan(mm(4));
    expect(L.RED_LINE_SPACER_TWIP).toBeGreaterThan(mm(2));
  });

  it('sets headings 黑体, 楷体, 仿宋, 仿宋 (§7.3.3)', () => {
    expect(L.HEADING_FONT_BY_LEVEL).toEqual({ 1: '黑体', 2: '楷体_GB2312', 3: '仿宋_GB2312', 4: '仿宋_GB2312' });
  });

  it('keeps the gaps of §7.3: title two lines under the red line, 主送 one under the title, 附件说明 and 署名 one under the text', () => {
    expect([L.TITLE_BLANK_LINES, L.RECIPIENTS_BLANK_LINES, L.ATTACHMENTS_NOTE_BLANK_LINES, L.SIGNATURE_BLANK_LINES]).toEqual([2, 1, 1, 1]);
    expect(L.ATTACHMENTS_NOTE_INDENT_TWIP).toBe(640);
    expect(L.ANNOTATION_INDENT_TWIP).toBe(640);
  });

  it('measures printed body text: −5 twip a character, 0.2 em where Chinese meets digits', () => {
    // 2023年9月7日: 6 em, 9 characters, 5 changes
    expect(L.bodyTextWidthTwip(6, 9, 5)).toBe(6 * 320 + 0.2 * 5 * 320 - 45);
  });

  describe('signature indents (§7.3.5)', () => {
    it('without a seal: 署名 2 characters from the right, the date set from the left 2 characters right of the 署名’s start', () => {
      // 署名 3150 twip wide in the 156 mm (8844 twip) type area: it starts at 8844 − 640 − 3150 = 5054,
      // the date at 5054 + 640 = 5694, whatever the width of its digits
      expect(L.signatureIndents(3150, 2195, false)).toEqual({ signatoryRightTwip: 640, date: { leftTwip: 5694 } });
      expect(L.signatureIndents(3150, 2500, false)).toEqual({ signatoryRightTwip: 640, date: { leftTwip: 5694 } });
    });

    it('without a seal and a date too long for that: the date 2 characters from the right, the 署名 moved left', () => {
      // 署名 4 characters (1280), date 2195: the date would stand at 640 + 1280 − 640 − 2195 < 640 from the right
      const { signatoryRightTwip, date } = L.signatureIndents(1280, 2195, false);
      expect(date).toEqual({ rightTwip: 640 });
      // still 2 characters between the starts
      expect(signatoryRightTwip + 1280 - (640 + 2195)).toBe(640);
    });

    it('with a seal: the date 4 characters in, the 署名 centred over it', () => {
      const { signatoryRightTwip, date } = L.signatureIndents(3150, 2195, true);
      expect(date).toEqual({ rightTwip: 1280 });
      // centres within a twip (indents are whole twips)
      expect(Math.abs(signatoryRightTwip + 3150 / 2 - (1280 + 2195 / 2))).toBeLessThanOrEqual(1);
    });
  });

  describe('版记 (§7.4)', () => {
    it('sets 四号 text one 四号 character in from either side', () => {
      expect(L.COLOPHON_SIZE_HALF_PT).toBe(28);
      expect(L.COLOPHON_INDENT_TWIP).toBe(280);
      expect(L.COLOPHON_TEXT_WIDTH_TWIP).toBe(mm(156) - 560);
    });

    it('uses 0.35 mm outer and 0.25 mm inner rules, in eighths of a point', () => {
      // 0.35 mm = 0.992 pt → 8 eighths; 0.25 mm = 0.709 pt → 6 eighths
      expect(L.COLOPHON_OUTER_RULE_EIGHTH_PT).toBe(8);
      expect(L.COLOPHON_INNER_RULE_EIGHTH_PT).toBe(6);
    });

    it('fills the page above it so the last rule lands on the type area’s foot', () => {
      // two lines and three rules (20 + 15 + 20 twip) under 225 mm, less a 1 pt tail and 2 pt slack
      expect(L.colophonFillerTwip(2, [8, 6, 8])).toBe(mm(225) - 2 * 579 - 55 - 20 - 40);
    });
  });

  it('makes charts as wide as the type area (pixels at 96 per inch)', () => {
    expect(L.CHART_WIDTH_PX).toBe(Math.floor(mm(156) / 15));
    expect(L.CHART_HEIGHT_PX).toBeGreaterThan(300);
  });
});
