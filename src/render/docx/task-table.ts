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
import { type TaskTableModel } from '../../model/document/task-table.js';
import { measuredLineCount, measuredText } from '../../layout/text-width.js';
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
  TABLE_BORDER_PT,
  TABLE_CELL_FONT,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_PADDING_Y_TWIP,
  TABLE_HEADER_FONT,
  TITLE_SIZE_HALF_PT,
  ptToTwip,
} from '../../layout/gbt9704.js';
import { KEEP_WHOLE_PAGE_RATIO, PAGE_HEIGHT_SPREAD, landscapeColumnTwips, tableTypeTwips } from '../../layout/table-widths.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { runsWithBreaks } from './runs.js';
import { landscapeSection, type LandscapeSectionOptions } from './section.js';
import { packDocx } from './pack.js';
import { standInRow } from './raw-rows.js';
import { cellParagraph, libraryRows, rowsXml, type CellSpec, type CellType, type RowSpec, type RowsBy } from './table-rows.js';

/**
 * The task table as a standalone Word document (A4 landscape, GB/T 9704 §10
 * attachment layout). `rowsBy: 'library'` writes the body rows through the
 * docx library instead of the fast path (the same bytes: tests compare them).
 */
export async function renderTaskTableDocx(model: TaskTableModel, rowsBy: RowsBy = 'xml'): Promise<Buffer> {
  const doc = new Document({
    creator: 'zhenggai',
    lastModifiedBy: 'zhenggai',
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: cjkFont(FONT_FANGSONG), size: BODY_SIZE_HALF_PT, language: CHINESE_TEXT } } } },
    sections: [landscapeSection(taskTableChildren(model, rowsBy), { firstPageNumber: 1 })],
  });
  return packDocx(doc, { title: model.title, date: model.date });
}

/** The attachment as one landscape section: label, title, table. */
export function taskTableSection(model: TaskTableModel, options: LandscapeSectionOptions = {}): ISectionOptions {
  return landscapeSection(taskTableChildren(model), options);
}

/** §7.3.7: 附件 label on the first line, the title centred on the third, then the table. */
export function taskTableChildren(model: TaskTableModel, rowsBy: RowsBy = 'xml'): FileChild[] {
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
    buildTaskTable(model, rowsBy),
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
export function buildTaskTable(model: TaskTableModel, rowsBy: RowsBy = 'xml'): Table {
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
    rows: [...headerRows(model, widths), ...bodyRows(model, widths, rowsBy)],
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
            children: [cellParagraph({ text: h.text, align: 'center' }, { face: TABLE_HEADER_FONT, sizeHalfPt: type.sizeHalfPt, lineTwip: type.lineTwip })],
          }),
      );
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
}

/**
 * The body rows as the renderer estimates them: their heights (twips), the
 * least and most each may print at, which are kept whole, and the room on
 * the pages.
 */
export interface BodyLayout {
  readonly heights: readonly number[];
  /** A cell's lines counted with half an em more to each line (a face that sets punctuation tighter). */
  readonly shortest: readonly number[];
  /** A cell's lines counted with an em less to each line (a character pushed over by line-breaking rules, wider digits). */
  readonly tallest: readonly number[];
  readonly keepWhole: readonly boolean[];
  /** The exact line pitch of the table's cells (twips), at the model's cellSizePt. */
  readonly lineTwip: number;
  /** Room for body rows on the first page, under the 附件 label, the title and the header. */
  readonly firstPageTwip: number;
  /** Room for body rows on every later page, under the repeated header. */
  readonly pageTwip: number;
}

/** The body's estimated layout, for the table's column widths (by default those the renderer gives the model). */
export function bodyLayout(model: TaskTableModel, widths: readonly number[] = landscapeColumnTwips(model.columns.map((c) => c.weight))): BodyLayout {
  const pageTwip = LANDSCAPE_TYPE_AREA_HEIGHT_TWIP - headerHeightTwip(model);
  const keepWholeTwip = pageTwip * KEEP_WHOLE_PAGE_RATIO;
  const type = tableTypeTwips(model.cellSizePt);
  const bounds = model.rows.map((row) => rowHeightsTwip(row.cells, widths, type));
  const heights = bounds.map((b) => b.estimate);
  return {
    heights,
    shortest: bounds.map((b) => b.shortest),
    tallest: bounds.map((b) => b.tallest),
    keepWhole: heights.map((h) => h <= keepWholeTwip),
    lineTwip: type.lineTwip,
    firstPageTwip: pageTwip - headHeightTwip(model),
    pageTwip,
  };
}

/**
 * The body rows, as a stand-in whose rows are written as XML text
 * (raw-rows.ts: the library's object tree per cell was most of a large
 * table's time and memory), or by the library itself (`rowsBy: 'library'`,
 * which the fast path is tested against).
 */
function bodyRows(model: TaskTableModel, widths: readonly number[], rowsBy: RowsBy): TableRow[] {
  const rows = bodyRowSpecs(model, widths);
  return rowsBy === 'library' ? libraryRows(rows) : [standInRow(() => rowsXml(rows, widths))];
}

/** The body as rows of cells to write: which cells a row holds, their text, width, spans and alignment. */
function bodyRowSpecs(model: TaskTableModel, widths: readonly number[]): RowSpec[] {
  const size = tableTypeTwips(model.cellSizePt);
  const type: CellType = { face: TABLE_CELL_FONT, sizeHalfPt: size.sizeHalfPt, lineTwip: size.lineTwip };
  const layout = bodyLayout(model, widths);
  const { keepWhole } = layout;
  const restarts = mergeRestarts(layout, mergeGroups(model));
  const mergeColumns = new Set(model.rows.flatMap((row) => row.cells.flatMap((cell, c) => (cell.kind === 'text' && cell.rowSpan > 1 ? [c] : []))));
  // The text of the merged cell each column is inside, and the row its merge ends before.
  const open: ({ text: string; end: number } | undefined)[] = [];
  return model.rows.map((row, r) => {
    const cells: CellSpec[] = [];
    row.cells.forEach((cell, c) => {
      let text: string;
      let rowSpan: number;
      if (cell.kind === 'text') {
        text = cell.text;
        rowSpan = cell.rowSpan;
        open[c] = rowSpan > 1 ? { text, end: r + rowSpan } : undefined;
      } else {
        // A covered place: the vMerge continuation is written for it (as docx writes it), unless the merge is split here
        // (a page may start here: the label is shown again, as a hand-made table repeats it on each page).
        const merge = open[c];
        if (merge === undefined || !restarts.has(r)) return;
        text = merge.text;
        rowSpan = merge.end - r;
      }
      if (rowSpan > 1) rowSpan = splitSpan(r, rowSpan, restarts);
      // A label over rows is centred on them; in a row that may break across pages it stands at the
      // row's top, so that it prints whole on the page where the row starts (centred, a row starting
      // at a page's foot showed half the label there and half on the next page).
      const top = mergeColumns.has(c) && !keepWhole[r]!;
      cells.push({ column: c, width: widths[c]!, verticalAlign: top ? 'top' : 'center', rowSpan, paragraphs: [{ text, align: model.columns[c]!.align }], type });
    });
    return { cantSplit: keepWhole[r]!, cells };
  });
}

/** Every vertical merge of the body (the category column's runs), whatever its column. */
function mergeGroups(model: TaskTableModel): MergeGroup[] {
  const groups: MergeGroup[] = [];
  model.rows.forEach((row, r) =>
    row.cells.forEach((cell) => {
      if (cell.kind === 'text' && cell.rowSpan > 1) groups.push({ first: r, end: r + cell.rowSpan });
    }),
  );
  return groups;
}

/** A merge from row `from` over `span` rows, cut short at the next restart. */
function splitSpan(from: number, span: number, restarts: ReadonlySet<number>): number {
  for (let r = from + 1; r < from + span; r += 1) if (restarts.has(r)) return r - from;
  return span;
}

/** Rows merged down in a column: the first row and the row after the last. */
export interface MergeGroup {
  readonly first: number;
  readonly end: number;
}

/** Where a page of the table body starts: its first row, under `carried` twips of the rest of a row broken on the page before. */
interface PageStart {
  readonly row: number;
  readonly carried: number;
  readonly first: boolean;
}

/**
 * The rows at which a vertically merged cell is split so that its label
 * shows on every page: every row that may be the first to start on a page.
 * Pages are filled as Word and LibreOffice fill them (fillPage) from every
 * place a page may start, with the page's rows at their shortest (less the
 * spread), as estimated, and at their tallest (plus the spread); a page end
 * anywhere in between makes every row it may fall before a possible page
 * start, and the next page is filled from each. When unsure where a page
 * starts, the label is repeated rather than left out: a break that is
 * certain (a page ending well inside a row, or in a gap wider than the
 * uncertainty) adds one restart, and the possible starts widen down a long
 * table, so that far into a table of short rows most rows show the label. A
 * page that holds nothing but the rest of one row taller than a page gets no
 * label: a cell prints its text where its row starts.
 */
export function mergeRestarts(layout: BodyLayout, groups: readonly MergeGroup[], spread: number = PAGE_HEIGHT_SPREAD): Set<number> {
  const bounds = [
    layout.shortest.map((h) => h * (1 - spread)),
    layout.heights,
    layout.tallest.map((h) => h * (1 + spread)),
  ];
  const pageStarts = new Set<number>();
  const seen = new Set<string>();
  const queue: PageStart[] = [{ row: 0, carried: 0, first: true }];
  const visit = (start: PageStart) => {
    const key = `${start.row}:${Math.round(start.carried / layout.lineTwip)}:${start.first}`;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(start);
  };
  for (let page = queue.pop(); page !== undefined; page = queue.pop()) {
    const ends = bounds.map((heights) => fillPage(layout, heights, page));
    const rows = ends.map((end) => end.row);
    for (let row = Math.min(...rows); row <= Math.max(...rows) && row < layout.heights.length; row += 1) {
      pageStarts.add(row);
      const exact = ends.filter((end) => end.row === row);
      if (exact.length === 0) visit({ row, carried: 0, first: false });
      for (const end of exact) visit(end);
    }
  }
  const restarts = new Set<number>();
  for (const group of groups) for (let r = group.first + 1; r < group.end; r += 1) if (pageStarts.has(r)) restarts.add(r);
  return restarts;
}

/**
 * One page filled from `start` with the rows at `heights`: where the next
 * page starts. A row kept whole that does not fit goes to the next page; a
 * row that may break starts where two of its lines fit (a cell's paragraph
 * keeps two lines together at a page's foot) and carries the rest over.
 */
function fillPage(layout: BodyLayout, heights: readonly number[], start: PageStart): PageStart {
  const room = start.first ? layout.firstPageTwip : layout.pageTwip;
  const minPart = 2 * layout.lineTwip + 2 * TABLE_CELL_PADDING_Y_TWIP;
  let y = start.carried;
  if (y >= room) return { row: start.row, carried: y - room, first: false };
  for (let r = start.row; r < heights.length; r += 1) {
    const h = heights[r]!;
    const needed = layout.keepWhole[r] ? h : Math.min(h, minPart);
    if (y > 0 && y + needed > room) return { row: r, carried: 0, first: false };
    y += h;
    if (y > room) return { row: r + 1, carried: y - room, first: false };
  }
  return { row: heights.length, carried: 0, first: false };
}

/**
 * Heights of a body row (twips): its tallest one-row cell's lines, wrapped as the
 * reader wraps them (with the autospace where Chinese meets Latin letters or
 * digits, layout/text-width.ts); the shortest and tallest allow each line
 * half an em more or an em less.
 */
function rowHeightsTwip(
  cells: TaskTableModel['rows'][number]['cells'],
  widths: readonly number[],
  type: ReturnType<typeof tableTypeTwips>,
): { shortest: number; estimate: number; tallest: number } {
  let shortest = 1;
  let estimate = 1;
  let tallest = 1;
  cells.forEach((cell, c) => {
    if (cell.kind !== 'text' || cell.rowSpan > 1) return;
    // One lookup of the measured text for the three bounds (a large table asks for every cell).
    const m = measuredText(cell.text);
    const em = (widths[c]! - 2 * TABLE_CELL_PADDING_X_TWIP) / type.emTwip;
    shortest = Math.max(shortest, measuredLineCount(m, Math.max(1, em + 0.5)));
    estimate = Math.max(estimate, measuredLineCount(m, Math.max(1, em)));
    tallest = Math.max(tallest, measuredLineCount(m, Math.max(1, em - 1)));
  });
  const twip = (lines: number) => lines * type.lineTwip + 2 * TABLE_CELL_PADDING_Y_TWIP + ptToTwip(TABLE_BORDER_PT);
  return { shortest: twip(shortest), estimate: twip(estimate), tallest: twip(tallest) };
}

/**
 * Estimated height of the header rows: each row as tall as its tallest
 * one-row cell, then made taller where a cell spanning rows needs more.
 */
function headerHeightTwip(model: TaskTableModel): number {
  const rowTwip = (lines: number) => lines * tableTypeTwips(model.cellSizePt).lineTwip + 2 * TABLE_CELL_PADDING_Y_TWIP + ptToTwip(TABLE_BORDER_PT);
  const lines = (text: string) => text.split('\n').length;
  const rows = Array.from({ length: model.headerRowCount }, (_, row) =>
    Math.max(rowTwip(1), ...model.headerCells.filter((h) => h.row === row && h.rowSpan === 1).map((h) => rowTwip(lines(h.text)))),
  );
  for (const h of model.headerCells.filter((cell) => cell.rowSpan > 1)) {
    const spanned = rows.slice(h.row, h.row + h.rowSpan);
    const short = rowTwip(lines(h.text)) - spanned.reduce((a, b) => a + b, 0);
    if (short > 0) rows[h.row + h.rowSpan - 1]! += short;
  }
  return rows.reduce((a, b) => a + b, 0);
}

/** What stands above the table on its first page: 附件, the blank line, the title lines and the gap under them (taskTableChildren). */
function headHeightTwip(model: TaskTableModel): number {
  const titleLines = model.titleLines.reduce((n, line) => n + line.split('\n').length, 0);
  return (1 + ATTACHMENT_TITLE_BLANK_LINES + titleLines) * LINE_PITCH_TWIP + ATTACHMENT_TABLE_GAP_TWIP;
}
