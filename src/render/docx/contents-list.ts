// The packet's contents list (报送材料清单): every part with its file count,
// and its page count when PDFs were made. Every text is the model's
// (model/document/packet.ts ContentsList).
import { AlignmentType, Document, Paragraph, TextRun, LineRuleType } from 'docx';
import {
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
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { portraitSection, ruledTable, textCell, titleParagraph } from './form-table.js';
import { packDocx } from './pack.js';
import type { ContentsList } from '../../model/document/packet.js';

export type { ContentsList, ContentsRow } from '../../model/document/packet.js';

export async function renderContentsListDocx(list: ContentsList): Promise<Buffer> {
  const columns = shareWidths(TYPE_AREA_WIDTH_TWIP, CONTENTS_COLUMN_SHARES, 2 * TABLE_CELL_PADDING_X_TWIP);
  const cell = (text: string, font = FONT_FANGSONG, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) =>
    textCell([text], font, CONTENTS_SIZE_PT, align);
  const header = list.headers.map((h) => cell(h, FONT_HEITI));
  const body = list.rows.map((row) => ({
    keepWhole: true,
    cells: [cell(String(row.index)), cell(row.title, FONT_FANGSONG, AlignmentType.LEFT), cell(String(row.fileCount)), cell(row.pageCount === undefined ? '—' : String(row.pageCount))],
  }));
  const subtitle = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH_TWIP },
    children: [new TextRun({ text: list.subtitle, font: cjkFont(FONT_KAITI), size: BODY_SIZE_HALF_PT })],
  });
  const doc = new Document({
    creator: 'zhenggai',
    title: list.title,
    styles: { default: { document: { run: { language: CHINESE_TEXT } } } },
    sections: [portraitSection([titleParagraph(list.title, CLOSURE_FORM_TITLE_LINES), subtitle, ruledTable(columns, [{ keepWhole: true, header: true, cells: header }, ...body])])],
  });
  return packDocx(doc, { title: list.title, date: list.date });
}
