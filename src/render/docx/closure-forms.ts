// Closure forms (整改销号审批表) in Word: one form a page, portrait A4 inside
// the GB/T 9704 margins, page numbers as §7.5 puts them, 四号 when the form
// fits one page, else 小四. A form that fits is stretched to fill the page:
// its opinion and signature boxes take the room left. A form longer than a
// page lets its rows break and continues, never clipped. Every text is the
// model's (compose/closure-forms.ts words it).
import { Document, type IPropertiesOptions, type ISectionOptions } from 'docx';
import type { ClosureFormRow, ClosureFormsDocument, PrintedClosureForm } from '../../model/document/closure-form.js';
import { wrappedLineCount } from '../../layout/text-width.js';
import {
  CLOSURE_FORM_COLUMN_SHARES,
  CLOSURE_FORM_FILL_SLACK_TWIP,
  CLOSURE_FORM_LABEL_FONT,
  CLOSURE_FORM_LINE_PITCH_RATIO,
  CLOSURE_FORM_SIZES_PT,
  CLOSURE_FORM_TEXT_FONT,
  CLOSURE_FORM_TITLE_LINES,
  LINE_PITCH_TWIP,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_BORDER_PT,
  TABLE_CELL_PADDING_Y_TWIP,
  TYPE_AREA_HEIGHT_TWIP,
  TYPE_AREA_WIDTH_TWIP,
  ptToTwip,
} from '../../layout/gbt9704.js';
import { shareWidths } from '../../layout/table-widths.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { lineText, ruledTable, textCell, titleParagraph, type CellLine } from './form-table.js';
import { portraitSection as numberedPortraitSection } from './portrait-section.js';
import { documentBodyPieces, packDocx } from './pack.js';
import { standInParagraph } from './raw-rows.js';

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

function rowHeightTwip(row: FormRow, sizePt: number): number {
  return rowLines(row, sizePt) * ptToTwip(sizePt * CLOSURE_FORM_LINE_PITCH_RATIO) + 2 * TABLE_CELL_PADDING_Y_TWIP + ptToTwip(TABLE_BORDER_PT);
}

function formHeightTwip(rows: readonly FormRow[], sizePt: number): number {
  return rows.reduce((sum, row) => sum + rowHeightTwip(row, sizePt), 0) + CLOSURE_FORM_TITLE_LINES * LINE_PITCH_TWIP;
}

/** The largest allowed size at which the form fits one page, or the smallest if none does. */
export function closureFormSizePt(rows: readonly FormRow[]): { sizePt: number; fitsOnePage: boolean } {
  for (const sizePt of CLOSURE_FORM_SIZES_PT) if (formHeightTwip(rows, sizePt) <= TYPE_AREA_HEIGHT_TWIP) return { sizePt, fitsOnePage: true };
  return { sizePt: CLOSURE_FORM_SIZES_PT[CLOSURE_FORM_SIZES_PT.length - 1]!, fitsOnePage: false };
}

/**
 * Minimum heights (twips) by row index that make a form fill its page: the
 * room the page leaves under the form, less CLOSURE_FORM_FILL_SLACK_TWIP,
 * shared equally among its boxes (the opinion and signature rows), each
 * starting from its own estimated height. A form that does not fit one page,
 * or has no box, gets none.
 */
export function closureFormBoxHeights(rows: readonly FormRow[], sizePt: number): Map<number, number> {
  const heights = new Map<number, number>();
  const boxes = rows.flatMap((row, i) => (row.kind === 'wide' && row.box ? [i] : []));
  const spare = TYPE_AREA_HEIGHT_TWIP - CLOSURE_FORM_FILL_SLACK_TWIP - formHeightTwip(rows, sizePt);
  if (boxes.length === 0 || spare <= 0) return heights;
  const share = Math.floor(spare / boxes.length);
  for (const i of boxes) heights.set(i, rowHeightTwip(rows[i]!, sizePt) + share);
  return heights;
}

// --- Word ------------------------------------------------------------------------

function formTable(rows: readonly FormRow[], sizePt: number, fitsOnePage: boolean) {
  const label = (text: string) => textCell([text], CLOSURE_FORM_LABEL_FONT, sizePt, 'center');
  const value = (lines: readonly FormLine[], span = 1, align: 'center' | 'bottom' = 'center') =>
    textCell(lines, CLOSURE_FORM_TEXT_FONT, sizePt, 'left', span, align);
  const boxHeights = fitsOnePage ? closureFormBoxHeights(rows, sizePt) : new Map<number, number>();
  return ruledTable(
    columnTwips,
    rows.map((row, i) => ({
      // A form that fits keeps its rows whole; a longer one lets them break rather than be cut off.
      keepWhole: fitsOnePage,
      ...(boxHeights.has(i) ? { minHeightTwip: boxHeights.get(i)! } : {}),
      cells:
        row.kind === 'pair'
          ? [label(row.left[0]), value([row.left[1]]), label(row.right[0]), value([row.right[1]])]
          : // A box's signature and date stand at its foot, the room to write above them.
            [label(row.label), value(row.lines, 3, row.box ? 'bottom' : 'center')],
    })),
  );
}

/**
 * A form's section: a new page, the §7.5 page numbers in the footers
 * (numbering runs on from form to form). Only the first form's section
 * declares them and the others show them by inheritance: a footer pair a
 * form made 6,700 parts for 3,300 forms.
 */
function formSection(form: PrintedClosureForm, index: number): ISectionOptions {
  const { sizePt, fitsOnePage } = closureFormSizePt(form.rows);
  return numberedPortraitSection([titleParagraph(form.title, CLOSURE_FORM_TITLE_LINES), formTable(form.rows, sizePt, fitsOnePage)], index === 0 ? { firstPageNumber: 1 } : { inheritFooters: true });
}

/**
 * Forms compiled a batch at a time (pack.ts documentBodyPieces): the docx
 * library's objects for 5,000 problems' forms (thousands of sections), held
 * and compiled at once, were the packet's largest live heap (issue 14, peak
 * memory); a hundred forms are a few megabytes.
 */
const FORMS_A_BATCH = 100;

/**
 * All forms in one document, each in a section of its own so each starts a
 * page. The first and last forms' sections are the document's own; the forms
 * between are compiled `formsPerBatch` at a time and put in a stand-in
 * paragraph's place when the package is compiled — the same bytes as one
 * document of every section (`formsPerBatch` Infinity; test/render/raw-rows.test.ts).
 */
export async function renderClosureFormsDocx(model: ClosureFormsDocument, formsPerBatch: number = FORMS_A_BATCH): Promise<Buffer> {
  const options = {
    creator: 'zhenggai',
    title: model.title,
    // §7.5: odd pages carry the number on the right, even pages on the left.
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: cjkFont(CLOSURE_FORM_TEXT_FONT), language: CHINESE_TEXT } } } },
  };
  const { forms } = model;
  const whole = forms.length <= 2 || !Number.isFinite(formsPerBatch);
  const sections = whole ? forms.map(formSection) : [formSection(forms[0]!, 0), lastFormAfter(forms, options, formsPerBatch)];
  return packDocx(new Document({ ...options, sections }), { title: model.title, date: model.date });
}

/** The last form's section, opening with a stand-in paragraph for the forms between the first and the last. */
function lastFormAfter(forms: readonly PrintedClosureForm[], options: Omit<IPropertiesOptions, 'sections'>, formsPerBatch: number): ISectionOptions {
  const last = formSection(forms[forms.length - 1]!, forms.length - 1);
  const between = function* (): Generator<string> {
    for (let from = 1; from < forms.length - 1; from += formsPerBatch) {
      const batch = forms.slice(from, Math.min(from + formsPerBatch, forms.length - 1));
      yield* documentBodyPieces(options, batch.map((form, i) => formSection(form, from + i)));
    }
  };
  return { ...last, children: [standInParagraph(between), ...last.children] };
}
