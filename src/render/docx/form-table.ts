// Plain ruled tables on a portrait page — the closure forms and the packet's
// contents list — in the table fonts of the layout module.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  A4_HEIGHT_TWIP,
  A4_WIDTH_TWIP,
  CLOSURE_FORM_LINE_PITCH_RATIO,
  COLOR_BLACK_HEX,
  LINE_PITCH_TWIP,
  MARGIN_BOTTOM_TWIP,
  MARGIN_LEFT_TWIP,
  MARGIN_RIGHT_TWIP,
  MARGIN_TOP_TWIP,
  TABLE_BORDER_EIGHTH_PT,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_PADDING_Y_TWIP,
  TITLE_SIZE_HALF_PT,
  TYPE_AREA_WIDTH_TWIP,
  FONT_XIAOBIAOSONG,
  ptToHalfPt,
  ptToTwip,
} from '../../layout/gbt9704.js';
import { cjkFont } from './fonts.js';
import { standInRow } from './raw-rows.js';
import { libraryRows, rowsXml, type CellSpec, type ParagraphAlign, type RowSpec, type RowsBy } from './table-rows.js';

/** A line of cell text; `right` lines (signatures, dates) stand at the cell's right. */
export type CellLine = string | { text: string; right: true };

export const lineText = (line: CellLine): string => (typeof line === 'string' ? line : line.text);

const RULE = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTH_PT, color: COLOR_BLACK_HEX };

/** A cell of a ruled table: its lines in one face and size, alignment, the columns it spans. */
export interface FormCell {
  readonly lines: readonly CellLine[];
  readonly font: string;
  readonly sizePt: number;
  readonly alignment: ParagraphAlign;
  readonly columnSpan: number;
  readonly verticalAlign: 'center' | 'bottom';
}

export function textCell(lines: readonly CellLine[], font: string, sizePt: number, alignment: ParagraphAlign, columnSpan = 1, verticalAlign: 'center' | 'bottom' = 'center'): FormCell {
  return { lines, font, sizePt, alignment, columnSpan, verticalAlign };
}

/** A full-width ruled table with a fixed grid (LibreOffice collapses auto tables, docs/format.md#library-facts). */
export interface RuledRow {
  readonly cells: readonly FormCell[];
  readonly keepWhole: boolean;
  readonly header?: boolean;
  /** At least this tall (twips); the row still grows with its text. */
  readonly minHeightTwip?: number;
}

/**
 * The table, its rows written as XML text (raw-rows.ts: a packet's closure
 * forms are thousands of these tables) or, with `rowsBy: 'library'`, by the
 * docx library (the same bytes: test/render/raw-rows.test.ts).
 */
export function ruledTable(columnTwips: readonly number[], rows: readonly RuledRow[], rowsBy: RowsBy = 'xml'): Table {
  const specs = rows.map(rowSpec);
  return new Table({
    width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [...columnTwips],
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: { top: TABLE_CELL_PADDING_Y_TWIP, bottom: TABLE_CELL_PADDING_Y_TWIP, left: TABLE_CELL_PADDING_X_TWIP, right: TABLE_CELL_PADDING_X_TWIP },
    rows: rowsBy === 'library' ? libraryRows(specs) : [standInRow(() => rowsXml(specs, columnTwips))],
  });
}

function rowSpec(row: RuledRow): RowSpec {
  let column = 0;
  const cells = row.cells.map((cell): CellSpec => {
    const spec: CellSpec = {
      column,
      columnSpan: cell.columnSpan,
      verticalAlign: cell.verticalAlign,
      rowSpan: 1,
      // A signature or date line stands at the cell's right.
      paragraphs: cell.lines.map((line) => ({ text: lineText(line), align: typeof line === 'string' ? cell.alignment : 'right' })),
      type: { face: cell.font, sizeHalfPt: ptToHalfPt(cell.sizePt), lineTwip: ptToTwip(cell.sizePt * CLOSURE_FORM_LINE_PITCH_RATIO) },
    };
    column += cell.columnSpan;
    return spec;
  });
  return { cantSplit: row.keepWhole, header: row.header ?? false, ...(row.minHeightTwip === undefined ? {} : { minHeightTwip: row.minHeightTwip }), cells };
}

/** A centred 二号 小标宋 title set on `gridLines` lines of the page grid. */
export function titleParagraph(text: string, gridLines: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: gridLines * LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ text, font: cjkFont(FONT_XIAOBIAOSONG), size: TITLE_SIZE_HALF_PT })],
  });
}

/** A4 portrait inside the GB/T 9704 margins. */
export function portraitSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4_WIDTH_TWIP, height: A4_HEIGHT_TWIP },
        margin: { top: MARGIN_TOP_TWIP, right: MARGIN_RIGHT_TWIP, bottom: MARGIN_BOTTOM_TWIP, left: MARGIN_LEFT_TWIP },
      },
    },
    children,
  };
}
