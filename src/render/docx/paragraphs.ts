// The paragraphs of an official document's 主体: runs with every font slot
// named, paragraphs on the 22-line grid, body text, headings, run-in
// headings, titles and the 附件说明. Every number comes from gbt9704.ts.

import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { AttachmentsNote, HeadingLevel } from '../../model/document/official-document.js';
import { charWidthEm, textWidthEm } from '../../layout/text-width.js';
import {
  ATTACHMENTS_NOTE_BLANK_LINES,
  ATTACHMENTS_NOTE_INDENT_TWIP,
  BODY_FONT,
  BODY_SIZE_HALF_PT,
  CHAR_SPACING_TWIP,
  FIRST_LINE_INDENT_TWIP,
  FULL_WIDTH_COLON,
  HEADING_FIRST_LINE_INDENT_TWIP,
  HEADING_FONT_BY_LEVEL,
  HEADING_SIZE_HALF_PT,
  LINE_PITCH_TWIP,
  TITLE_FONT,
  TITLE_SIZE_HALF_PT,
  bodyTextWidthTwip,
} from '../../layout/gbt9704.js';
import { cjkFont } from './fonts.js';

export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface RunStyle {
  readonly face: string;
  readonly sizeHalfPt: number;
  /** Twips after each character; the body's −5 keeps 28 characters a line (§5.2.3). */
  readonly characterSpacing?: number;
  readonly color?: string;
  /** Horizontal scale in percent (w:w). */
  readonly scale?: number;
}

/** 三号仿宋 on the grid's character spacing: the text of the 主体 (§7.3.3). */
export const BODY_STYLE: RunStyle = { face: BODY_FONT, sizeHalfPt: BODY_SIZE_HALF_PT, characterSpacing: CHAR_SPACING_TWIP };
/** 2号小标宋: titles of the document, of an enclosure and of an attachment (§7.3.1, §7.3.7). */
export const TITLE_STYLE: RunStyle = { face: TITLE_FONT, sizeHalfPt: TITLE_SIZE_HALF_PT };

export function headingStyle(level: HeadingLevel): RunStyle {
  return { face: HEADING_FONT_BY_LEVEL[level], sizeHalfPt: HEADING_SIZE_HALF_PT, characterSpacing: CHAR_SPACING_TWIP };
}

/** A line's text with each tab character as a real tab element (a bare tab in w:t is not a tab to Word). */
function withTabs(line: string): (string | Tab)[] {
  return line.split('\t').flatMap((piece, i) => (i === 0 ? [piece] : [new Tab(), piece])).filter((part) => part !== '');
}

/**
 * Runs for `text`, Chinese in `style.face` and Latin letters and digits in
 * Times New Roman (cjkFont). A newline inside data stays in its paragraph as a
 * line break: data never makes a new paragraph (templates/README.md).
 */
export function textRuns(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        children: withTabs(line),
        font: cjkFont(style.face),
        size: style.sizeHalfPt,
        ...(style.characterSpacing === undefined ? {} : { characterSpacing: style.characterSpacing }),
        ...(style.color === undefined ? {} : { color: style.color }),
        ...(style.scale === undefined ? {} : { scale: style.scale }),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

export type GridParagraphOptions = Omit<IParagraphOptions, 'children' | 'spacing' | 'text'> & {
  /** Space before, in twips (the 版头 uses it; the 主体 keeps to whole lines). */
  readonly beforeTwip?: number;
  /** Exact line height, when not the grid's 579 twip. */
  readonly lineTwip?: number;
};

/** A paragraph on the grid: exact line pitch, no space before or after (§5.2.3). */
export function gridParagraph(children: readonly ParagraphChild[], options: GridParagraphOptions = {}): Paragraph {
  const { beforeTwip = 0, lineTwip = LINE_PITCH_TWIP, ...rest } = options;
  return new Paragraph({
    ...rest,
    // Word's default, written out because LibreOffice reads w:overflowPunct as
    // “no hanging punctuation”; without it LibreOffice hangs a comma that ends a
    // full 28-character line past the margin and its PDF export drops it.
    overflowPunctuation: true,
    // Pages are filled to the last grid line: a paragraph may leave one line at a page's foot or
    // top. LibreOffice reads a docx without w:widowControl as two-line widow/orphan control, and
    // moved a heading with a three-line paragraph, leaving four lines empty (keep rules below).
    widowControl: false,
    spacing: { line: lineTwip, lineRule: LineRuleType.EXACT, before: beforeTwip, after: 0 },
    children: [...children],
  });
}

/** Where a paragraph may fall: on a new page; kept on the page of the paragraph after it. */
export interface Flow {
  readonly pageBreakBefore?: boolean;
  readonly keepNext?: boolean;
}

/** `count` empty grid lines: the standard counts its gaps in lines (空一行, 空二行). */
export function blankLines(count: number, flow: Flow = {}): Paragraph[] {
  return Array.from({ length: count }, () => gridParagraph([], { ...flow }));
}

/** A body paragraph: first line two characters in, justified (§7.3.3). */
export function bodyParagraph(text: string, flow: Flow = {}): Paragraph {
  return gridParagraph(textRuns(text, BODY_STYLE), {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT_TWIP },
    ...flow,
  });
}

/** A heading on its own line: number and text in the level's face (§7.3.3), always kept with what follows. */
export function headingParagraph(level: HeadingLevel, number: string, text: string, flow: Flow = {}): Paragraph {
  return gridParagraph(textRuns(`${number}${text}`, headingStyle(level)), {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: HEADING_FIRST_LINE_INDENT_TWIP },
    ...flow,
    keepNext: true,
  });
}

/** A run-in heading: number and heading in the level's face, then the text in body face, one paragraph. */
export function runInParagraph(level: HeadingLevel, number: string, heading: string, text: string, flow: Flow = {}): Paragraph {
  return gridParagraph([...textRuns(`${number}${heading}`, headingStyle(level)), ...textRuns(text, BODY_STYLE)], {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT_TWIP },
    ...flow,
  });
}

/**
 * A title in 2号小标宋, centred, one paragraph with a line break between the
 * given lines (the data's own balanced lines, §7.3.1), so Word sees one title.
 */
export function titleParagraph(lines: readonly string[], flow: Flow = {}): Paragraph {
  return gridParagraph(textRuns(lines.join('\n'), TITLE_STYLE), { alignment: AlignmentType.CENTER, ...flow, keepNext: true });
}

/** 主送机关: flush left, wrapped lines flush left too, ending in a full-width colon (§7.3.2). */
export function recipientsParagraph(recipients: string): Paragraph {
  return gridParagraph(textRuns(`${recipients}${FULL_WIDTH_COLON}`, BODY_STYLE), { alignment: AlignmentType.JUSTIFIED });
}

// --- 附件说明 (§7.3.4) ------------------------------------------------------------

const NOTE_LABEL = `附件${FULL_WIDTH_COLON}`;

/** Places where text changes between full-width and half-width characters (2023年9月7日 has five). */
export function scriptChanges(text: string): number {
  const widths = [...text].map(charWidthEm);
  return widths.filter((w, i) => i > 0 && w !== widths[i - 1]).length;
}

/** Printed width of body text, as the layout counts it. */
export function bodyWidthTwip(text: string): number {
  return bodyTextWidthTwip(textWidthEm(text), [...text].length, scriptChanges(text));
}

/**
 * One blank line, then 附件：name — or, for several, 附件：1.name, 2.name …
 * each on its own paragraph. A name that wraps lines up under its own first
 * character: the paragraph hangs from a left tab stop placed after the widest
 * number, so the alignment holds whatever the digits' real width. With
 * `keepNext` the note stays on the page of what follows (the signature).
 */
export function attachmentsNoteParagraphs(names: AttachmentsNote, keepNext = false): Paragraph[] {
  if (names.length === 0) return [];
  const labels = names.length === 1 ? [''] : names.map((_, i) => `${i + 1}.`);
  const labelTwip = bodyWidthTwip(NOTE_LABEL);
  const numberTwip = Math.max(...labels.map(bodyWidthTwip));
  const nameStart = ATTACHMENTS_NOTE_INDENT_TWIP + labelTwip + numberTwip;
  const paragraphs = names.map((name, i) => {
    const lead = `${i === 0 ? NOTE_LABEL : ''}${labels[i]}`;
    const hanging = i === 0 ? labelTwip + numberTwip : numberTwip;
    const separator = names.length === 1 ? '' : '\t';
    return gridParagraph(textRuns(`${lead}${separator}${name}`, BODY_STYLE), {
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: nameStart, hanging },
      tabStops: [{ type: TabStopType.LEFT, position: nameStart }],
      keepNext,
    });
  });
  return [...blankLines(ATTACHMENTS_NOTE_BLANK_LINES, { keepNext }), ...paragraphs];
}
