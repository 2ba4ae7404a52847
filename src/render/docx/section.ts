// Landscape A4 sections and their page numbers.
//
// GB/T 9704 §8 puts the page number of a landscape table on the table's left
// side, turned with the page (odd pages bottom-left, even top-left: the
// portrait foot rotated), and docs/format.md#landscape-tables repeats it. docx cannot rotate a
// footer, and a rotated text box in the margin is not something Word, WPS and
// LibreOffice place alike; so, as docs/format.md#landscape-tables allows, the number stands at
// the foot of the landscape page: — N — in 4号宋体, 7 mm under the type area
// (§7.5), odd pages right and even pages left, one character in. The margins
// are the portrait ones turned with the sheet (gbt9704.ts, LANDSCAPE_*), so
// the type area stays 225 × 156 mm.

import { AlignmentType, Footer, LineRuleType, PageNumber, PageOrientation, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import {
  A4_HEIGHT_TWIP,
  A4_WIDTH_TWIP,
  HEADER_DISTANCE_TWIP,
  LANDSCAPE_FOOTER_DISTANCE_TWIP,
  LANDSCAPE_MARGIN_BOTTOM_TWIP,
  LANDSCAPE_MARGIN_LEFT_TWIP,
  LANDSCAPE_MARGIN_RIGHT_TWIP,
  LANDSCAPE_MARGIN_TOP_TWIP,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_FONT,
  PAGE_NUMBER_INDENT_TWIP,
  PAGE_NUMBER_LINE_TWIP,
  PAGE_NUMBER_SIZE_HALF_PT,
} from '../../layout/gbt9704.js';
import { singleFont } from './fonts.js';

export interface LandscapeSectionOptions {
  /** Restart page numbering at this number; by default numbering continues (§7.5: attachments continue the count). */
  readonly firstPageNumber?: number;
}

/**
 * A landscape A4 section holding `children`. The document must set
 * `evenAndOddHeaderAndFooters: true` for the even-page footer to be used.
 */
export function landscapeSection(children: readonly FileChild[], options: LandscapeSectionOptions = {}): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height itself when told LANDSCAPE (docs/format.md#library-facts).
        size: { width: A4_WIDTH_TWIP, height: A4_HEIGHT_TWIP, orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: LANDSCAPE_MARGIN_TOP_TWIP,
          right: LANDSCAPE_MARGIN_RIGHT_TWIP,
          bottom: LANDSCAPE_MARGIN_BOTTOM_TWIP,
          left: LANDSCAPE_MARGIN_LEFT_TWIP,
          header: HEADER_DISTANCE_TWIP,
          footer: LANDSCAPE_FOOTER_DISTANCE_TWIP,
        },
        ...(options.firstPageNumber === undefined ? {} : { pageNumbers: { start: options.firstPageNumber } }),
      },
    },
    footers: pageNumberFooters(),
    children,
  };
}

/** §7.5: — N — , odd pages right and even pages left, one character in. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: new Footer({ children: [pageNumberParagraph('odd')] }), even: new Footer({ children: [pageNumberParagraph('even')] }) };
}

function pageNumberParagraph(side: 'odd' | 'even'): Paragraph {
  return new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT_TWIP } : { left: PAGE_NUMBER_INDENT_TWIP },
    spacing: { line: PAGE_NUMBER_LINE_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [
      new TextRun({
        font: singleFont(PAGE_NUMBER_FONT),
        size: PAGE_NUMBER_SIZE_HALF_PT,
        children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`],
      }),
    ],
  });
}
