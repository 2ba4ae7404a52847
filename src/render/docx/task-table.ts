// The task table in Word: the table itself (reused by the notice, which
// attaches the same table), the 附件 label and title above it, and the
// standalone document.

import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { Plan } from '../../model/plan-schema.js';
import { type CellAlign, type TaskTableModel } from '../../model/document/task-table.js';
import { wrappedLineCount } from '../../layout/text-width.js';
import {
  ATTACHMENT_LABEL_FONT,
  ATTACHMENT_LABEL_SIZE_HALF_PT,
  ATTACHMENT_TABLE_GAP_TWIP,
  ATTACHMENT_TITLE_BLANK_LINES,
  ATTACHMENT_TITLE_FONT,
  COLOR_BLACK_HEX,
  FONT_FANGSONG,
  BODY_SIZE_HALF_PT,
  LANDSCAPE_TYPE_AREA_HEIGHT_TWIP,
  LANDSCAPE_TYPE_AREA_WIDTH_TWIP,
  LINE_PITCH_TWIP,
  TABLE_BORDER_EIGHTH_PT,
  TABLE_CELL_FONT,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_PADDING_Y_TWIP,
  TABLE_HEADER_FONT,
  TITLE_SIZE_HALF_PT,
} from '../../layout/gbt9704.js';
import { landscapeColumnTwips, tableTypeTwips } from '../../layout/table-widths.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { runsWithBreaks } from './runs.js';
import { landscapeSection, type LandscapeSectionOptions } from './section.js';
import { packDocx } from './pack.js';

/**
 * Share of the page a row may fill and still be kept whole (cantSplit). A
 * taller row is allowed to break: Word cuts off a row that is taller than the
 * page and may not break, the height is only an estimate, and a tall row
 * moved whole to the next page leaves half a page blank.
 */
const KEEP_WHOLE_PAGE_RATIO = 0.5;

/** The task table as a standalone Word document (A4 landscape, GB/T 9704 §10 attachment layout). */
export async function renderTaskTableDocx(model: TaskTableModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'zhenggai',
    lastModifiedBy: 'zhenggai',
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: cjkFont(FONT_FANGSONG), size: BODY_SIZE_HALF_PT, language: CHINESE_TEXT } } } },
    sections: [taskTableSection(model, { firstPageNumber: 1 })],
  });
  return packDocx(doc, { title: model.title, date: model.date });
}

/** The attachment as one landscape section: label, title, table. */
export function taskTableSection(model: TaskTableModel, options: LandscapeSectionOptions = {}): ISectionOptions {
  return landscapeSection(taskTableChildren(model), options);
}

/** §7.3.7: 附件 label on the first line, the title centred on the third, then the table. */
export function taskTableChildren(model: TaskTableModel): FileChild[] {
  const blank = () => lineParagraph([], AlignmentType.LEFT);
  return [
    lineParagraph([new TextRun({ text: model.label, font: cjkFont(ATTACHMENT_LABEL_FONT), size: ATTACHMENT_LABEL_SIZE_HALF_PT })], AlignmentType.LEFT),
    ...Array.from({ length: ATTACHMENT_TITLE_BLANK_LINES }, blank),
    ...model.titleLines.map((line, i) =>
      lineParagraph(
        runsWithBreaks(line, { font: cjkFont(ATTACHMENT_TITLE_FONT), size: TITLE_SIZE_HALF_PT }),
        AlignmentType.CENTER,
        i === model.titleLines.length - 1 ? ATTACHMENT_TABLE_GAP_TWIP : 0,
      ),
    ),
    buildTaskTable(model),
  ];
}

/** A paragraph on the page grid's exact line pitch (§5.2.3). */
function lineParagraph(children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType], afterTwip = 0): Paragraph {
  return new Paragraph({ alignment, spacing: { line: LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: afterTwip }, children });
}

// --- the table ------------------------------------------------------------------

const RULE = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTH_PT, color: COLOR_BLACK_HEX };

/**
 * The table alone, as wide as the landscape type area: explicit grid widths
 * and a fixed layout (LibreOffice collapses auto tables, docs/format.md#library-facts), header
 * rows repeated on every page, category cells merged down (rowSpan → vMerge).
 */
export function buildTaskTable(model: TaskTableModel): Table {
  const widths = landscapeColumnTwips(model.columns.map((c) => c.weight));
  return new Table({
    width: { size: LANDSCAPE_TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: {
      top: TABLE_CELL_PADDING_Y_TWIP,
      bottom: TABLE_CELL_PADDING_Y_TWIP,
      left: TABLE_CELL_PADDING_X_TWIP,
      right: TABLE_CELL_PADDING_X_TWIP,
    },
    rows: [...headerRows(model, widths), ...bodyRows(model, widths)],
  });
}

function span(widths: readonly number[], from: number, count: number): number {
  return widths.slice(from, from + count).reduce((a, b) => a + b, 0);
}

function headerRows(model: TaskTableModel, widths: readonly number[]): TableRow[] {
  const type = tableTypeTwips(model.cellSizePt);
  return Array.from({ length: model.headerRowCount }, (_, row) => {
    const cells = model.headerCells
      .filter((h) => h.row === row)
      .map(
        (h) =>
          new TableCell({
            width: { size: span(widths, h.column, h.columnSpan), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            ...(h.columnSpan > 1 ? { columnSpan: h.columnSpan } : {}),
            ...(h.rowSpan > 1 ? { rowSpan: h.rowSpan } : {}),
            children: [cellParagraph(h.text, 'center', TABLE_HEADER_FONT, type.sizeHalfPt, type.lineTwip)],
          }),
      );
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
}

function bodyRows(model: TaskTableModel, widths: readonly number[]): TableRow[] {
  const type = tableTypeTwips(model.cellSizePt);
  const keepWholeTwip = (LANDSCAPE_TYPE_AREA_HEIGHT_TWIP - headerHeightTwip(model)) * KEEP_WHOLE_PAGE_RATIO;
  return model.rows.map((row) => {
    const cells: TableCell[] = [];
    row.cells.forEach((cell, c) => {
      if (cell.kind === 'covered') return; // docx adds the vMerge continuations below a rowSpan itself
      cells.push(
        new TableCell({
          width: { size: widths[c]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          children: [cellParagraph(cell.text, model.columns[c]!.align, TABLE_CELL_FONT, type.sizeHalfPt, type.lineTwip)],
        }),
      );
    });
    return new TableRow({ cantSplit: rowHeightTwip(row.cells, widths, type) <= keepWholeTwip, children: cells });
  });
}

/** Estimated height of a body row: its tallest one-row cell's lines. */
function rowHeightTwip(cells: TaskTableModel['rows'][number]['cells'], widths: readonly number[], type: ReturnType<typeof tableTypeTwips>): number {
  let lines = 1;
  cells.forEach((cell, c) => {
    if (cell.kind !== 'text' || cell.rowSpan > 1) return;
    const em = (widths[c]! - 2 * TABLE_CELL_PADDING_X_TWIP) / type.emTwip;
    lines = Math.max(lines, wrappedLineCount(cell.text, Math.max(1, em)));
  });
  return lines * type.lineTwip + 2 * TABLE_CELL_PADDING_Y_TWIP;
}

function headerHeightTwip(model: TaskTableModel): number {
  const lines = Math.max(...model.headerCells.map((h) => h.text.split('\n').length));
  return model.headerRowCount * (lines * tableTypeTwips(model.cellSizePt).lineTwip + 2 * TABLE_CELL_PADDING_Y_TWIP);
}

/** Cell text; a newline in the text (a header's 发现\n问题方式) becomes a line break. */
function cellParagraph(text: string, align: CellAlign, face: string, sizeHalfPt: number, lineTwip: number): Paragraph {
  const runs = runsWithBreaks(text, { font: cjkFont(face), size: sizeHalfPt });
  return new Paragraph({
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { line: lineTwip, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: runs,
  });
}
