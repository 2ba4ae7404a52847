// Plain ruled tables on a portrait page — the closure forms and the packet's
// contents list — in the table fonts of the layout module.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
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
import { runsWithBreaks } from './runs.js';

/** A line of cell text; `right` lines (signatures, dates) stand at the cell's right. */
export type CellLine = string | { text: string; right: true };
export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export const lineText = (line: CellLine): string => (typeof line === 'string' ? line : line.text);

const RULE = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTH_PT, color: COLOR_BLACK_HEX };

export function cellParagraphs(lines: readonly CellLine[], font: string, sizePt: number, alignment: Alignment): Paragraph[] {
  const spacing = { line: ptToTwip(sizePt * CLOSURE_FORM_LINE_PITCH_RATIO), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: typeof line === 'string' ? alignment : AlignmentType.RIGHT,
        spacing,
        children: runsWithBreaks(lineText(line), { font: cjkFont(font), size: ptToHalfPt(sizePt) }),
      }),
  );
}

export function textCell(lines: readonly CellLine[], font: string, sizePt: number, alignment: Alignment, columnSpan = 1, verticalAlign: 'center' | 'bottom' = 'center'): TableCell {
  return new TableCell({
    columnSpan,
    verticalAlign: verticalAlign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
    children: cellParagraphs(lines, font, sizePt, alignment),
  });
}

/** A full-width ruled table with a fixed grid (LibreOffice collapses auto tables, docs/format.md#library-facts). */
export interface RuledRow {
  readonly cells: TableCell[];
  readonly keepWhole: boolean;
  readonly header?: boolean;
  /** At least this tall (twips); the row still grows with its text. */
  readonly minHeightTwip?: number;
}

export function ruledTable(columnTwips: readonly number[], rows: readonly RuledRow[]): Table {
  return new Table({
    width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [...columnTwips],
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: { top: TABLE_CELL_PADDING_Y_TWIP, bottom: TABLE_CELL_PADDING_Y_TWIP, left: TABLE_CELL_PADDING_X_TWIP, right: TABLE_CELL_PADDING_X_TWIP },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: row.keepWhole,
          tableHeader: row.header ?? false,
          ...(row.minHeightTwip === undefined ? {} : { height: { value: row.minHeightTwip, rule: HeightRule.ATLEAST } }),
          children: row.cells,
        }),
    ),
  });
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
