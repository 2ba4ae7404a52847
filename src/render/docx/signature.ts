// 署名, 成文日期 and 附注 (GB/T 9704 §7.3.5, §7.3.6). The 署名 is set right
// with a computed right indent; the date, without a seal, is set left where
// the 署名's first character stands plus two characters, so that its start
// does not depend on how wide the printing face draws its digits (LibreOffice's
// stand-in for Times New Roman draws them 9 % wider, and a right-set date
// started 1.6 characters right of the 署名). With a seal the date is set right.

import { AlignmentType, type Paragraph } from 'docx';
import type { Signature } from '../../model/document/official-document.js';
import { chineseDate } from '../../model/dates.js';
import { ANNOTATION_INDENT_TWIP, SEALED_SIGNATURE_BLANK_LINES, SIGNATURE_BLANK_LINES, signatureIndents } from '../../layout/gbt9704.js';
import { BODY_STYLE, blankLines, bodyWidthTwip, gridParagraph, textRuns } from './paragraphs.js';

/**
 * One blank line (two with a seal, for the seal's room), the 署名, the date
 * on the next line. The block is kept together and with the text above it —
 * a signature never stands alone on a page — and the date with the 附注 when
 * one follows.
 */
export function signatureParagraphs(signature: Signature, annotationFollows = false): Paragraph[] {
  const date = chineseDate(signature.date);
  const indents = signatureIndents(bodyWidthTwip(signature.signatory), bodyWidthTwip(date), signature.sealed);
  const set = (text: string, at: { leftTwip: number } | { rightTwip: number }, keepNext: boolean) =>
    gridParagraph(
      textRuns(text, BODY_STYLE),
      'leftTwip' in at ? { alignment: AlignmentType.LEFT, indent: { left: at.leftTwip }, keepNext } : { alignment: AlignmentType.RIGHT, indent: { right: at.rightTwip }, keepNext },
    );
  return [
    ...blankLines(signature.sealed ? SEALED_SIGNATURE_BLANK_LINES : SIGNATURE_BLANK_LINES, { keepNext: true }),
    set(signature.signatory, { rightTwip: indents.signatoryRightTwip }, true),
    set(date, indents.date, annotationFollows),
  ];
}

/** 附注 on the line after the date, two characters in, in full-width parentheses (§7.3.6). */
export function annotationParagraph(annotation: string): Paragraph {
  return gridParagraph(textRuns(`（${annotation}）`, BODY_STYLE), { alignment: AlignmentType.LEFT, indent: { left: ANNOTATION_INDENT_TWIP } });
}
