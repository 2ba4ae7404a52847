// A table's body rows in two ways that write the same XML: as docx objects
// (libraryRows, the reference) and as XML text (rowsXml, the fast path that
// raw-rows.ts splices in; see there why). Both take the rows as RowSpecs, so
// what a row holds is decided once, by the table's renderer.

import { AlignmentType, LineRuleType, Paragraph, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { CellAlign } from '../../model/document/task-table.js';
import { cjkFont } from './fonts.js';
import { runsWithBreaks } from './runs.js';
import { escapeCellText } from './raw-rows.js';

/** How a table's body rows are written: as XML text (the default), or by the docx library. */
export type RowsBy = 'xml' | 'library';

/** One body cell to write: its grid column, width (twips), spans and one paragraph of text (a newline is a line break). */
export interface CellSpec {
  readonly column: number;
  readonly width: number;
  readonly verticalAlign: 'top' | 'center';
  /** Rows the cell spans down (1: none); the rows below get the vMerge continuations, as docx adds them. */
  readonly rowSpan: number;
  readonly text: string;
  readonly align: CellAlign;
}

/** One body row: its cells in grid order, without the places a cell above covers. */
export interface RowSpec {
  readonly cantSplit: boolean;
  readonly cells: readonly CellSpec[];
}

/** The runs' face and size (half-points) and the paragraphs' exact line pitch (twips). */
export interface CellType {
  readonly face: string;
  readonly sizeHalfPt: number;
  readonly lineTwip: number;
}

/** Cell text; a newline in the text (a header's 发现\n问题方式) becomes a line break. */
export function cellParagraph(text: string, align: CellAlign, type: CellType): Paragraph {
  return new Paragraph({
    alignment: paragraphAlignment(align),
    spacing: { line: type.lineTwip, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: runsWithBreaks(text, { font: cjkFont(type.face), size: type.sizeHalfPt }),
  });
}

/** The rows as docx objects: what rowsXml must equal once the library has written them. */
export function libraryRows(rows: readonly RowSpec[], type: CellType): TableRow[] {
  return rows.map(
    (row) =>
      new TableRow({
        cantSplit: row.cantSplit,
        children: row.cells.map(
          (cell) =>
            new TableCell({
              width: { size: cell.width, type: WidthType.DXA },
              verticalAlign: cell.verticalAlign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
              ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              children: [cellParagraph(cell.text, cell.align, type)],
            }),
        ),
      }),
  );
}

/**
 * The rows as the XML docx writes for libraryRows: `<w:tr>` elements, with
 * the vMerge continuation cells docx's Table adds below a cell spanning rows
 * (an empty paragraph with the cell's alignment; none below the last row).
 */
export function rowsXml(rows: readonly RowSpec[], type: CellType): string {
  const run = runPropertiesXml(type);
  const spacing = `<w:spacing w:after="0" w:before="0" w:line="${type.lineTwip}" w:lineRule="exact"/>`;
  const out: string[] = [];
  let continuing: CellSpec[] = [];
  rows.forEach((row, r) => {
    const last = r === rows.length - 1;
    const cells = [...row.cells.map((cell) => ({ cell, continues: false })), ...continuing.map((cell) => ({ cell, continues: true }))].sort((a, b) => a.cell.column - b.cell.column);
    const next: CellSpec[] = [];
    // docx writes cantSplit: false as an explicit off, not as nothing.
    out.push(row.cantSplit ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit w:val="off"/></w:trPr>');
    for (const { cell, continues } of cells) {
      const jc = `<w:jc w:val="${paragraphAlignment(cell.align)}"/>`;
      const merge = continues ? '<w:vMerge w:val="continue"/>' : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
      out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>${merge}<w:vAlign w:val="${cell.verticalAlign}"/></w:tcPr>`);
      out.push(continues ? `<w:p><w:pPr>${jc}</w:pPr></w:p></w:tc>` : `<w:p><w:pPr>${spacing}${jc}</w:pPr>${runsXml(cell.text, run)}</w:p></w:tc>`);
      if (cell.rowSpan > 1 && !last) next.push({ ...cell, rowSpan: cell.rowSpan - 1 });
    }
    out.push('</w:tr>');
    continuing = next;
  });
  return out.join('');
}

function paragraphAlignment(align: CellAlign): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED;
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
