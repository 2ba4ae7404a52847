// A table's rows in two ways that write the same XML: as docx objects
// (libraryRows, the reference) and as XML text (rowsXml, the fast path that
// raw-rows.ts splices in; see there why). Both take the rows as RowSpecs, so
// what a row holds is decided once, by the table's renderer (the task table,
// the closure forms, the packet's contents list).

import { AlignmentType, HeightRule, LineRuleType, Paragraph, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { cjkFont } from './fonts.js';
import { runsWithBreaks } from './runs.js';
import { escapeCellText } from './raw-rows.js';

/** How a table's rows are written: as XML text (the default), or by the docx library. */
export type RowsBy = 'xml' | 'library';

export type ParagraphAlign = 'left' | 'center' | 'right' | 'justify';

/** The runs' face and size (half-points) and the paragraphs' exact line pitch (twips). */
export interface CellType {
  readonly face: string;
  readonly sizeHalfPt: number;
  readonly lineTwip: number;
}

/** A paragraph of a cell: its text (a newline is a line break) and alignment. */
export interface ParagraphSpec {
  readonly text: string;
  readonly align: ParagraphAlign;
}

/** One cell to write: its grid column, spans, alignment and paragraphs, all in one type. */
export interface CellSpec {
  readonly column: number;
  /** Width in twips; undefined: docx takes it from the grid (the columns it spans). */
  readonly width?: number;
  /** Columns spanned; undefined writes no gridSpan, a number writes one (even 1), as docx does. */
  readonly columnSpan?: number;
  readonly verticalAlign: 'top' | 'center' | 'bottom';
  /** Rows the cell spans down (1: none); the rows below get the vMerge continuations, as docx adds them. */
  readonly rowSpan: number;
  readonly paragraphs: readonly ParagraphSpec[];
  readonly type: CellType;
}

/** One row: its cells in grid order, without the places a cell above covers. */
export interface RowSpec {
  readonly cantSplit: boolean;
  /** Repeated on each page (true), said not to be (false), or not said (undefined). */
  readonly header?: boolean;
  /** At least this tall (twips). */
  readonly minHeightTwip?: number;
  readonly cells: readonly CellSpec[];
}

/** A cell's paragraph as a docx object. */
export function cellParagraph(paragraph: ParagraphSpec, type: CellType): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[paragraph.align],
    spacing: { line: type.lineTwip, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: runsWithBreaks(paragraph.text, { font: cjkFont(type.face), size: type.sizeHalfPt }),
  });
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const VERTICAL = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;

/** The cell as a docx object. */
export function libraryCell(cell: CellSpec): TableCell {
  return new TableCell({
    ...(cell.width === undefined ? {} : { width: { size: cell.width, type: WidthType.DXA } }),
    ...(cell.columnSpan === undefined ? {} : { columnSpan: cell.columnSpan }),
    verticalAlign: VERTICAL[cell.verticalAlign],
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    children: cell.paragraphs.map((p) => cellParagraph(p, cell.type)),
  });
}

/** The row as a docx object. */
export function libraryRow(row: RowSpec): TableRow {
  return new TableRow({
    cantSplit: row.cantSplit,
    ...(row.header === undefined ? {} : { tableHeader: row.header }),
    ...(row.minHeightTwip === undefined ? {} : { height: { value: row.minHeightTwip, rule: HeightRule.ATLEAST } }),
    children: row.cells.map(libraryCell),
  });
}

/** The rows as docx objects: what rowsXml must equal once the library has written them. */
export function libraryRows(rows: readonly RowSpec[]): TableRow[] {
  return rows.map(libraryRow);
}

/**
 * The rows as the XML docx writes for libraryRows: `<w:tr>` elements, with
 * the vMerge continuation cells docx's Table adds below a cell spanning rows
 * (an empty paragraph with the alignment of the cell's last paragraph; none
 * below the last row). `gridTwips` is the table's grid: a cell without a
 * width gets the sum of the columns it spans, as docx's Table gives it.
 * Written a row at a time (a string a row), when the package is compiled
 * (raw-rows.ts standInRow): a large table's XML is encoded as it is written
 * instead of being held whole.
 */
export function* rowsXml(rows: readonly RowSpec[], gridTwips: readonly number[]): Generator<string> {
  const runs = new Map<string, string>();
  let continuing: CellSpec[] = [];
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r]!;
    const last = r === rows.length - 1;
    const cells = [...row.cells.map((cell) => ({ cell, continues: false })), ...continuing.map((cell) => ({ cell, continues: true }))].sort((a, b) => a.cell.column - b.cell.column);
    const next: CellSpec[] = [];
    const out = ['<w:tr>', rowPropertiesXml(row)];
    for (const { cell, continues } of cells) {
      const key = `${cell.type.face}\n${cell.type.sizeHalfPt}`;
      let run = runs.get(key);
      if (run === undefined) runs.set(key, (run = runPropertiesXml(cell.type)));
      out.push(cellXml(cell, continues, run, gridTwips));
      if (cell.rowSpan > 1 && !last) next.push({ ...cell, rowSpan: cell.rowSpan - 1 });
    }
    out.push('</w:tr>');
    continuing = next;
    yield out.join('');
  }
}

/** `<w:trPr>` as docx writes it: docx writes cantSplit false as an explicit off, not as nothing. */
function rowPropertiesXml(row: RowSpec): string {
  const cantSplit = row.cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>';
  const header = row.header === undefined ? '' : row.header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>';
  const height = row.minHeightTwip === undefined ? '' : `<w:trHeight w:val="${row.minHeightTwip}" w:hRule="atLeast"/>`;
  return `<w:trPr>${cantSplit}${header}${height}</w:trPr>`;
}

function cellXml(cell: CellSpec, continues: boolean, run: string, gridTwips: readonly number[]): string {
  const span = cell.columnSpan ?? 1;
  const width = cell.width ?? gridTwips.slice(cell.column, cell.column + span).reduce((a, b) => a + b, 0);
  const gridSpan = cell.columnSpan === undefined ? '' : `<w:gridSpan w:val="${cell.columnSpan}"/>`;
  const merge = continues ? '<w:vMerge w:val="continue"/>' : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
  const properties = `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${gridSpan}${merge}<w:vAlign w:val="${cell.verticalAlign}"/></w:tcPr>`;
  if (continues) {
    const lastParagraph = cell.paragraphs[cell.paragraphs.length - 1];
    const body = lastParagraph === undefined ? '' : `<w:p><w:pPr><w:jc w:val="${ALIGNMENT[lastParagraph.align]}"/></w:pPr></w:p>`;
    return `<w:tc>${properties}${body}</w:tc>`;
  }
  const spacing = `<w:spacing w:after="0" w:before="0" w:line="${cell.type.lineTwip}" w:lineRule="exact"/>`;
  const paragraphs = cell.paragraphs.map((p) => `<w:p><w:pPr>${spacing}<w:jc w:val="${ALIGNMENT[p.align]}"/></w:pPr>${runsXml(p.text, run)}</w:p>`);
  return `<w:tc>${properties}${paragraphs.join('')}</w:tc>`;
}

function runPropertiesXml(type: CellType): string {
  const font = cjkFont(type.face);
  const fonts = `<w:rFonts w:ascii="${font.ascii}" w:cs="${font.cs}" w:eastAsia="${font.eastAsia}" w:hAnsi="${font.hAnsi}"/>`;
  return `<w:rPr>${fonts}<w:sz w:val="${type.sizeHalfPt}"/><w:szCs w:val="${type.sizeHalfPt}"/></w:rPr>`;
}

/** runsWithBreaks as XML: one run a line, each after the first opening with `<w:br/>`. */
function runsXml(text: string, runProperties: string): string {
  return text
    .split('\n')
    .map((line, i) => `<w:r>${runProperties}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeCellText(line)}</w:t></w:r>`)
    .join('');
}
