// 版头 (GB/T 9704 §7.2): the red 发文机关标志 35 mm below the type area's
// top, two blank lines, the 发文字号 (centred; in a 上行文 on the left with
// 签发人 on the right of the same line), and the red line 4 mm under it.

import { AlignmentType, BorderStyle, Paragraph, TabStopType } from 'docx';
import type { DocumentHeader } from '../../model/document/official-document.js';
import { textWidthEm } from '../../layout/text-width.js';
import {
  DOC_NUMBER_BLANK_LINES,
  DOC_NUMBER_FONT,
  FULL_SCALE_PERCENT,
  ISSUER_MARK_COLOR_HEX,
  ISSUER_MARK_FONT,
  ISSUER_MARK_TOP_TWIP,
  LETTER_DOC_NUMBER_RIGHT_INDENT_TWIP,
  LETTER_DOUBLE_LINE_EIGHTH_PT,
  LETTER_DOUBLE_LINE_SPACER_TWIP,
  LETTER_MARK_TOP_TWIP,
  RED_LINE_COLOR_HEX,
  RED_LINE_EIGHTH_PT,
  RED_LINE_SPACER_TWIP,
  SIGNER_LABEL_FONT,
  SIGNER_NAME_FONT,
  SIGNER_RIGHT_INDENT_TWIP,
  SIGNER_TAB_TWIP,
  UP_DOC_NUMBER_INDENT_TWIP,
  issuerMarkLayout,
} from '../../layout/gbt9704.js';
import { BODY_STYLE, blankLines, gridParagraph, textRuns } from './paragraphs.js';

/** §7.2.6: 签发人 followed by a full-width colon. */
export const SIGNER_LABEL = '签发人：';

export function headerParagraphs(header: DocumentHeader): Paragraph[] {
  if (header.kind === 'letter') return letterHeaderParagraphs(header.issuerMark, header.docNumber);
  return [issuerMarkParagraph(header.issuerMark), ...blankLines(DOC_NUMBER_BLANK_LINES), docNumberParagraph(header), redLineParagraph()];
}

/**
 * The mark on one line at the size issuerMarkLayout picks, its exact line as
 * tall as the type, so the space before (35 mm) puts the glyphs' top there.
 */
export function issuerMarkParagraph(mark: string, beforeTwip: number = ISSUER_MARK_TOP_TWIP): Paragraph {
  const layout = issuerMarkLayout(textWidthEm(mark));
  return gridParagraph(
    textRuns(mark, {
      face: ISSUER_MARK_FONT,
      sizeHalfPt: layout.sizeHalfPt,
      color: ISSUER_MARK_COLOR_HEX,
      ...(layout.scalePercent === FULL_SCALE_PERCENT ? {} : { scale: layout.scalePercent }),
    }),
    { alignment: AlignmentType.CENTER, beforeTwip, lineTwip: layout.lineTwip },
  );
}

/** 信函格式 (§10.1): the mark at the type area's top, the red double line (thick over thin) 4 mm under it, the number on the right. */
function letterHeaderParagraphs(mark: string, docNumber: string): Paragraph[] {
  return [
    issuerMarkParagraph(mark, LETTER_MARK_TOP_TWIP),
    gridParagraph([], {
      lineTwip: LETTER_DOUBLE_LINE_SPACER_TWIP,
      border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: LETTER_DOUBLE_LINE_EIGHTH_PT, color: RED_LINE_COLOR_HEX, space: 0 } },
    }),
    gridParagraph(textRuns(docNumber, { ...BODY_STYLE, face: DOC_NUMBER_FONT }), { alignment: AlignmentType.RIGHT, indent: { right: LETTER_DOC_NUMBER_RIGHT_INDENT_TWIP } }),
  ];
}

function docNumberParagraph(header: Exclude<DocumentHeader, { kind: 'letter' }>): Paragraph {
  const style = { ...BODY_STYLE, face: DOC_NUMBER_FONT };
  if (header.kind === 'down') return gridParagraph(textRuns(header.docNumber, style), { alignment: AlignmentType.CENTER });
  // 上行文: number one character in from the left, 签发人 one in from the right, one line (§7.2.5, §7.2.6).
  return gridParagraph(
    [
      ...textRuns(`${header.docNumber}\t`, style),
      ...textRuns(SIGNER_LABEL, { ...BODY_STYLE, face: SIGNER_LABEL_FONT }),
      ...textRuns(header.signer, { ...BODY_STYLE, face: SIGNER_NAME_FONT }),
    ],
    {
      alignment: AlignmentType.LEFT,
      indent: { left: UP_DOC_NUMBER_INDENT_TWIP, right: SIGNER_RIGHT_INDENT_TWIP },
      tabStops: [{ type: TabStopType.RIGHT, position: SIGNER_TAB_TWIP }],
    },
  );
}

/**
 * The red line: the bottom border of an empty paragraph as wide as the type
 * area (no indents), its height chosen so the line falls 4 mm under the foot
 * of the 发文字号's characters (§7.2.7).
 */
function redLineParagraph(): Paragraph {
  return gridParagraph([], {
    lineTwip: RED_LINE_SPACER_TWIP,
    border: { bottom: { style: BorderStyle.SINGLE, size: RED_LINE_EIGHTH_PT, color: RED_LINE_COLOR_HEX, space: 0 } },
  });
}
