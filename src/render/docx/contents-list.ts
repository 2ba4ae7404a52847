// The packet's contents list (报送材料清单): every part with its file count,
// and its page count when PDFs were made. Every text is the model's
// (model/document/packet.ts ContentsList).
import { AlignmentType, Document, Paragraph, LineRuleType } from 'docx';
import {
  AUTOSPACE_EM,
  BODY_SIZE_TWIP,
  CLOSURE_FORM_TITLE_LINES,
  CONTENTS_COLUMN_SHARES,
  CONTENTS_SIZE_PT,
  FONT_FANGSONG,
  FONT_HEITI,
  FONT_KAITI,
  LINE_PITCH_TWIP,
  BODY_SIZE_HALF_PT,
  TABLE_CELL_PADDING_X_TWIP,
  TYPE_AREA_WIDTH_TWIP,
} from '../../layout/gbt9704.js';
import { shareWidths } from '../../layout/table-widths.js';
import { textWidthEm } from '../../layout/text-width.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { scriptChanges } from './paragraphs.js';
import { runsWithBreaks } from './runs.js';
import { portraitSection, ruledTable, textCell, titleParagraph } from './form-table.js';
import type { ParagraphAlign } from './table-rows.js';
import { packDocx } from './pack.js';
import type { ContentsList } from '../../model/document/packet.js';

export type { ContentsList, ContentsRow } from '../../model/document/packet.js';

/** Printed width of a 三号 line of `text`: its em width and the 0.2 em spaces where Chinese meets Latin letters or digits. */
function lineWidthTwip(text: string): number {
  return (textWidthEm(text) + scriptChanges(text) * AUTOSPACE_EM) * BODY_SIZE_TWIP;
}

const SPACES = new Set([' ', '\u3000']);
const OPENERS = new Set([...'（(《〈〔【“']);

/**
 * The subtitle's lines: one when it fits the type area's width; else two,
 * broken where a reader would break it — at a space (dropped) or before an
 * opening bracket — choosing the break that leaves the longer line
 * shortest. A subtitle with no such break that fits is left to Word's own
 * wrapping. 巫山县官阳镇人民政府　2023年11月（截至2023年11月30日） is 28.6 em,
 * over the 27.6 em line: wrapped by Word it left 日） alone on a line.
 */
export function subtitleLines(text: string, widthTwip: number = TYPE_AREA_WIDTH_TWIP): string[] {
  if (lineWidthTwip(text) <= widthTwip) return [text];
  const chars = [...text];
  let best: { lines: string[]; longest: number } | undefined;
  chars.forEach((ch, i) => {
    if (i === 0 || !(SPACES.has(ch) || OPENERS.has(ch))) return;
    const lines = [chars.slice(0, i).join('').trimEnd(), chars.slice(SPACES.has(ch) ? i + 1 : i).join('').trimStart()];
    const longest = Math.max(...lines.map(lineWidthTwip));
    if (lines.some((line) => line === '') || longest > widthTwip) return;
    if (best === undefined || longest < best.longest) best = { lines, longest };
  });
  return best?.lines ?? [text];
}

export async function renderContentsListDocx(list: ContentsList): Promise<Buffer> {
  const columns = shareWidths(TYPE_AREA_WIDTH_TWIP, CONTENTS_COLUMN_SHARES, 2 * TABLE_CELL_PADDING_X_TWIP);
  const cell = (text: string, font = FONT_FANGSONG, align: ParagraphAlign = 'center') => textCell([text], font, CONTENTS_SIZE_PT, align);
  const header = list.headers.map((h) => cell(h, FONT_HEITI));
  const body = list.rows.map((row) => ({
    keepWhole: true,
    cells: [cell(String(row.index)), cell(row.title, FONT_FANGSONG, 'left'), cell(String(row.fileCount)), cell(row.pageCount === undefined ? '—' : String(row.pageCount))],
  }));
  const subtitle = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH_TWIP },
    children: runsWithBreaks(subtitleLines(list.subtitle).join('\n'), { font: cjkFont(FONT_KAITI), size: BODY_SIZE_HALF_PT }),
  });
  const doc = new Document({
    creator: 'zhenggai',
    title: list.title,
    styles: { default: { document: { run: { language: CHINESE_TEXT } } } },
    sections: [portraitSection([titleParagraph(list.title, CLOSURE_FORM_TITLE_LINES), subtitle, ruledTable(columns, [{ keepWhole: true, header: true, cells: header }, ...body])])],
  });
  return packDocx(doc, { title: list.title, date: list.date });
}
