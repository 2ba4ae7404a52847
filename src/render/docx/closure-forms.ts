// Closure forms (整改销号审批表) in Word: one form a page, portrait A4 inside
// the GB/T 9704 margins, 四号 when the form fits one page, else 小四; a form
// longer than a page lets its rows break and continues, never clipped. Every
// text is the model's (compose/closure-forms.ts words it).
import { AlignmentType, Document, type ISectionOptions } from 'docx';
import type { ClosureFormRow, ClosureFormsDocument, PrintedClosureForm } from '../../model/document/closure-form.js';
import { wrappedLineCount } from '../../layout/text-width.js';
import {
  CLOSURE_FORM_COLUMN_SHARES,
  CLOSURE_FORM_LABEL_FONT,
  CLOSURE_FORM_LINE_PITCH_RATIO,
  CLOSURE_FORM_SIZES_PT,
  CLOSURE_FORM_TEXT_FONT,
  CLOSURE_FORM_TITLE_LINES,
  LINE_PITCH_TWIP,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_PADDING_Y_TWIP,
  TYPE_AREA_HEIGHT_TWIP,
  TYPE_AREA_WIDTH_TWIP,
  ptToTwip,
} from '../../layout/gbt9704.js';
import { shareWidths } from '../../layout/table-widths.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { lineText, portraitSection, ruledTable, textCell, titleParagraph, type CellLine } from './form-table.js';
import { packDocx } from './pack.js';

type FormRow = ClosureFormRow;
type FormLine = CellLine;

// --- fitting -------------------------------------------------------------------

const columnTwips = shareWidths(TYPE_AREA_WIDTH_TWIP, CLOSURE_FORM_COLUMN_SHARES, 2 * TABLE_CELL_PADDING_X_TWIP);

function widthEm(twips: number, sizePt: number): number {
  return (twips - 2 * TABLE_CELL_PADDING_X_TWIP) / ptToTwip(sizePt);
}

function linesIn(lines: readonly FormLine[], em: number): number {
  return lines.reduce((sum, line) => sum + wrappedLineCount(lineText(line), em), 0);
}

function rowLines(row: FormRow, sizePt: number): number {
  const [label, value, label2, value2] = columnTwips as [number, number, number, number];
  if (row.kind === 'pair') {
    return Math.max(
      linesIn([row.left[0]], widthEm(label, sizePt)),
      linesIn([row.left[1]], widthEm(value, sizePt)),
      linesIn([row.right[0]], widthEm(label2, sizePt)),
      linesIn([row.right[1]], widthEm(value2, sizePt)),
    );
  }
  return Math.max(linesIn([row.label], widthEm(label, sizePt)), linesIn(row.lines, widthEm(value + label2 + value2, sizePt)));
}

function formHeightTwip(rows: readonly FormRow[], sizePt: number): number {
  const line = ptToTwip(sizePt * CLOSURE_FORM_LINE_PITCH_RATIO);
  const table = rows.reduce((sum, row) => sum + rowLines(row, sizePt) * line + 2 * TABLE_CELL_PADDING_Y_TWIP, 0);
  return table + CLOSURE_FORM_TITLE_LINES * LINE_PITCH_TWIP;
}

/** The largest allowed size at which the form fits one page, or the smallest if none does. */
export function closureFormSizePt(rows: readonly FormRow[]): { sizePt: number; fitsOnePage: boolean } {
  for (const sizePt of CLOSURE_FORM_SIZES_PT) if (formHeightTwip(rows, sizePt) <= TYPE_AREA_HEIGHT_TWIP) return { sizePt, fitsOnePage: true };
  return { sizePt: CLOSURE_FORM_SIZES_PT[CLOSURE_FORM_SIZES_PT.length - 1]!, fitsOnePage: false };
}

// --- Word ------------------------------------------------------------------------

function formTable(rows: readonly FormRow[], sizePt: number, fitsOnePage: boolean) {
  const label = (text: string) => textCell([text], CLOSURE_FORM_LABEL_FONT, sizePt, AlignmentType.CENTER);
  const value = (lines: readonly FormLine[], span = 1) => textCell(lines, CLOSURE_FORM_TEXT_FONT, sizePt, AlignmentType.LEFT, span);
  return ruledTable(
    columnTwips,
    rows.map((row) => ({
      // A form that fits keeps its rows whole; a longer one lets them break rather than be cut off.
      keepWhole: fitsOnePage,
      cells: row.kind === 'pair' ? [label(row.left[0]), value([row.left[1]]), label(row.right[0]), value([row.right[1]])] : [label(row.label), value(row.lines, 3)],
    })),
  );
}

function formSection(form: PrintedClosureForm): ISectionOptions {
  const { sizePt, fitsOnePage } = closureFormSizePt(form.rows);
  return portraitSection([titleParagraph(form.title, CLOSURE_FORM_TITLE_LINES), formTable(form.rows, sizePt, fitsOnePage)]);
}

/** All forms in one document, each in a section of its own so each starts a page. */
export async function renderClosureFormsDocx(model: ClosureFormsDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'zhenggai',
    title: model.title,
    styles: { default: { document: { run: { font: cjkFont(CLOSURE_FORM_TEXT_FONT), language: CHINESE_TEXT } } } },
    sections: model.forms.map(formSection),
  });
  return packDocx(doc, { title: model.title, date: model.date });
}
