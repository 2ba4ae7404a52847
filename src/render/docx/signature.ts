// 署名, 成文日期 and 附注 (GB/T 9704 §7.3.5, §7.3.6). Both lines are set right
// with computed right indents, so the date's first character stands where
// the standard puts it whatever the lengths of the office's name and the date.

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
  const { signatoryRightTwip, dateRightTwip } = signatureIndents(bodyWidthTwip(signature.signatory), bodyWidthTwip(date), signature.sealed);
  const rightSet = (text: string, right: number, keepNext: boolean) =>
    gridParagraph(textRuns(text, BODY_STYLE), { alignment: AlignmentType.RIGHT, indent: { right }, keepNext });
  return [
    ...blankLines(signature.sealed ? SEALED_SIGNATURE_BLANK_LINES : SIGNATURE_BLANK_LINES, { keepNext: true }),
    rightSet(signature.signatory, signatoryRightTwip, true),
    rightSet(date, dateRightTwip, annotationFollows),
  ];
}

/** 附注 on the line after the date, two characters in, in full-width parentheses (§7.3.6). */
export function annotationParagraph(annotation: string): Paragraph {
  return gridParagraph(textRuns(`（${annotation}）`, BODY_STYLE), { alignment: AlignmentType.LEFT, indent: { left: ANNOTATION_INDENT_TWIP } });
}
