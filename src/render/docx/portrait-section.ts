// The portrait A4 section of an official document: GB/T 9704 §5.2.1 margins
// (37/28/26/35 mm, a 156 × 225 mm type area) and §7.5 page numbers in the
// footers. The landscape counterpart is section.ts.

import { Footer, SectionType, type FileChild, type ISectionOptions } from 'docx';
import {
  A4_HEIGHT_TWIP,
  A4_WIDTH_TWIP,
  FOOTER_DISTANCE_TWIP,
  HEADER_DISTANCE_TWIP,
  MARGIN_BOTTOM_TWIP,
  MARGIN_LEFT_TWIP,
  MARGIN_RIGHT_TWIP,
  MARGIN_TOP_TWIP,
} from '../../layout/gbt9704.js';
import { pageNumberFooters } from './section.js';

export interface PortraitSectionOptions {
  /** Restart numbering here (the document's first section); otherwise numbering continues. */
  readonly firstPageNumber?: number;
  /** Start on the next even page (the 版记, §7.4). Default: the next page. */
  readonly evenPage?: boolean;
  /** Leave the footers empty: the 版记 page has no number (§7.5). */
  readonly withoutPageNumbers?: boolean;
  /**
   * Declare no footers: the section shows the previous section's (Word's and
   * LibreOffice's rule for a section without footer references). A document
   * of many sections (a closure form a section) then holds one pair of footer
   * parts, not a pair for every section.
   */
  readonly inheritFooters?: boolean;
}

export function portraitSection(children: readonly FileChild[], options: PortraitSectionOptions = {}): ISectionOptions {
  return {
    properties: {
      ...(options.evenPage ? { type: SectionType.EVEN_PAGE } : {}),
      page: {
        size: { width: A4_WIDTH_TWIP, height: A4_HEIGHT_TWIP },
        margin: {
          top: MARGIN_TOP_TWIP,
          right: MARGIN_RIGHT_TWIP,
          bottom: MARGIN_BOTTOM_TWIP,
          left: MARGIN_LEFT_TWIP,
          header: HEADER_DISTANCE_TWIP,
          footer: FOOTER_DISTANCE_TWIP,
        },
        ...(options.firstPageNumber === undefined ? {} : { pageNumbers: { start: options.firstPageNumber } }),
      },
    },
    // A section without footers of its own would inherit the previous section's, so the 版记 gets empty ones.
    ...(options.inheritFooters ? {} : { footers: options.withoutPageNumbers ? emptyFooters() : pageNumberFooters() }),
    children: [...children],
  };
}

function emptyFooters(): { default: Footer; even: Footer } {
  return { default: new Footer({ children: [] }), even: new Footer({ children: [] }) };
}
