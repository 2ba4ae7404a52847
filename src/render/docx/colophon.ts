// 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between full-width rules,
// at the foot of the last page, which is an even page (the back of the last
// sheet). The simplest layout that holds in Word, WPS and LibreOffice alike:
// a section of its own that starts on the next even page, with no page
// number (§7.5), and an empty paragraph of computed height pushing the 版记
// down so its last rule sits on the type area's foot (§7.4.1).
//
// What this gives up: when the text's last page is even and has room, the
// standard would put the 版记 at its foot; we start a page of its own. Word
// and LibreOffice insert the blank odd page an even-page section may need
// (LibreOffice's PDF export leaves such inserted blank pages out unless told
// IsSkipEmptyPages=false).

import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type ISectionOptions,
  type Paragraph,
} from 'docx';
import type { Colophon } from '../../model/document/official-document.js';
import { wrappedLineCount } from '../../layout/text-width.js';
import { chineseDate } from '../../model/dates.js';
import {
  COLOPHON_CHAR_TWIP,
  COLOPHON_DATE_TAB_TWIP,
  COLOPHON_FONT,
  COLOPHON_INDENT_TWIP,
  COLOPHON_INNER_RULE_EIGHTH_PT,
  COLOPHON_LINE_EM,
  COLOPHON_LINE_TWIP,
  COLOPHON_OUTER_RULE_EIGHTH_PT,
  COLOPHON_RULE_COLOR_HEX,
  COLOPHON_SIZE_HALF_PT,
  COLOPHON_TAIL_LINE_TWIP,
  FULL_WIDTH_COLON,
  TYPE_AREA_WIDTH_TWIP,
  colophonFillerTwip,
} from '../../layout/gbt9704.js';
import { gridParagraph, textRuns, type RunStyle } from './paragraphs.js';
import { portraitSection } from './portrait-section.js';

const STYLE: RunStyle = { face: COLOPHON_FONT, sizeHalfPt: COLOPHON_SIZE_HALF_PT };
const CC_LABEL = `抄送${FULL_WIDTH_COLON}`;
/** §7.4.2: 抄送机关间用逗号隔开 …… 最后一个抄送机关名称后标句号. */
const CC_SEPARATOR = '，';
const CC_END = '。';
/** §7.4.3: 印发日期 后加“印发”二字. */
const PRINTED = '印发';

export interface ColophonText {
  /** The names after 抄送：, joined and ended as §7.4.2 asks; absent without 抄送. */
  readonly ccNames?: string;
  readonly printer: string;
  /** 2023年9月7日印发. */
  readonly printDate: string;
}

export function colophonText(colophon: Colophon): ColophonText {
  return {
    ...(colophon.cc && colophon.cc.length > 0 ? { ccNames: `${colophon.cc.join(CC_SEPARATOR)}${CC_END}` } : {}),
    printer: colophon.printer,
    printDate: `${chineseDate(colophon.printDate)}${PRINTED}`,
  };
}

export function colophonSection(colophon: Colophon): ISectionOptions {
  return portraitSection(colophonChildren(colophon), { evenPage: true, withoutPageNumbers: true });
}

const rule = (eighths: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: eighths, color: COLOPHON_RULE_COLOR_HEX, space: 0 });
const NO_RULE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** Filler, the 版记 table, and the one-point paragraph Word puts after a table anyway. */
export function colophonChildren(colophon: Colophon): FileChild[] {
  const text = colophonText(colophon);
  // Every line of 抄送 has the width after the hanging 抄送： for names.
  const ccLines = text.ccNames === undefined ? 0 : wrappedLineCount(text.ccNames, COLOPHON_LINE_EM - [...CC_LABEL].length);
  const rules =
    text.ccNames === undefined
      ? [COLOPHON_OUTER_RULE_EIGHTH_PT, COLOPHON_OUTER_RULE_EIGHTH_PT]
      : [COLOPHON_OUTER_RULE_EIGHTH_PT, COLOPHON_INNER_RULE_EIGHTH_PT, COLOPHON_OUTER_RULE_EIGHTH_PT];
  return [
    gridParagraph([], { lineTwip: colophonFillerTwip(ccLines + 1, rules) }),
    colophonTable(text),
    gridParagraph([], { lineTwip: COLOPHON_TAIL_LINE_TWIP }),
  ];
}

/**
 * 抄送 (if any) between the first rule (0.35 mm) and the inner rule
 * (0.25 mm); 印发机关 left and 印发日期 right on one line above the last rule
 * (0.35 mm). No side rules.
 */
function colophonTable(text: ColophonText): Table {
  const rows = [...(text.ccNames === undefined ? [] : [ccParagraph(text.ccNames)]), printedParagraph(text)].map(
    (paragraph) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA }, children: [paragraph] })] }),
  );
  return new Table({
    width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [TYPE_AREA_WIDTH_TWIP],
    layout: TableLayoutType.FIXED,
    borders: {
      top: rule(COLOPHON_OUTER_RULE_EIGHTH_PT),
      bottom: rule(COLOPHON_OUTER_RULE_EIGHTH_PT),
      insideHorizontal: rule(COLOPHON_INNER_RULE_EIGHTH_PT),
      left: NO_RULE,
      right: NO_RULE,
      insideVertical: NO_RULE,
    },
    margins: { left: COLOPHON_INDENT_TWIP, right: COLOPHON_INDENT_TWIP, top: 0, bottom: 0 },
    rows,
  });
}

/** §7.4.2: 回行时与冒号后的首字对齐 — a hanging indent as wide as 抄送：. */
function ccParagraph(names: string): Paragraph {
  const hanging = [...CC_LABEL].length * COLOPHON_CHAR_TWIP;
  return gridParagraph(textRuns(`${CC_LABEL}${names}`, STYLE), { alignment: AlignmentType.JUSTIFIED, indent: { left: hanging, hanging }, lineTwip: COLOPHON_LINE_TWIP });
}

function printedParagraph(text: ColophonText): Paragraph {
  return gridParagraph(textRuns(`${text.printer}\t${text.printDate}`, STYLE), {
    alignment: AlignmentType.LEFT,
    tabStops: [{ type: TabStopType.RIGHT, position: COLOPHON_DATE_TAB_TWIP }],
    lineTwip: COLOPHON_LINE_TWIP,
  });
}
