// Closure forms (整改销号审批表) in Word: one form a page, portrait A4 inside
// the GB/T 9704 margins, 四号 when the form fits one page, else 小四; a form
// longer than a page lets its rows break and continues, never clipped.
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
  type ISectionOptions,
} from 'docx';
import type { ClosureForm } from '../../compose/closure-forms.js';
import { wrappedLineCount } from '../../compose/text-width.js';
import { chineseDate } from '../../derive/dates.js';
import {
  A4_HEIGHT_TWIP,
  A4_WIDTH_TWIP,
  CLOSURE_FORM_COLUMN_SHARES,
  CLOSURE_FORM_LABEL_FONT,
  CLOSURE_FORM_LINE_PITCH_RATIO,
  CLOSURE_FORM_OPINION_BLANK_LINES,
  CLOSURE_FORM_SIZES_PT,
  CLOSURE_FORM_TEXT_FONT,
  CLOSURE_FORM_TITLE_FONT,
  CLOSURE_FORM_TITLE_LINES,
  CLOSURE_FORM_TITLE_SIZE_HALF_PT,
  COLOR_BLACK_HEX,
  LINE_PITCH_TWIP,
  MARGIN_BOTTOM_TWIP,
  MARGIN_LEFT_TWIP,
  MARGIN_RIGHT_TWIP,
  MARGIN_TOP_TWIP,
  TABLE_BORDER_EIGHTH_PT,
  TABLE_CELL_PADDING_X_TWIP,
  TABLE_CELL_PADDING_Y_TWIP,
  TYPE_AREA_HEIGHT_TWIP,
  TYPE_AREA_WIDTH_TWIP,
  ptToHalfPt,
  ptToTwip,
} from '../layout/gbt9704.js';
import { shareWidths } from '../layout/table-widths.js';
import { cjkFont } from './fonts.js';
import { packDocx } from './pack.js';

export const CLOSURE_FORM_TITLE = '整改问题销号审批表';

/** A row of the form: a label and its value across the other three columns, or two label/value pairs. */
type FormRow =
  | { kind: 'wide'; label: string; lines: FormLine[] }
  | { kind: 'pair'; left: [string, string]; right: [string, string] };

/** Signature and date lines stand at the right, as on a paper form. */
type FormLine = string | { text: string; right: true };

const right = (text: string): FormLine => ({ text, right: true });
const lineText = (line: FormLine): string => (typeof line === 'string' ? line : line.text);

const BLANK_DATE = '年　　月　　日';
const SIGNATURE_GAP = '　　　　　　　　';

function dateOrBlank(date: string | undefined): string {
  return date ? chineseDate(date) : BLANK_DATE;
}

function evidenceLines(form: ClosureForm): string[] {
  if (form.evidence.length === 0) return ['（无）'];
  return form.evidence.map((item, i) => `${i + 1}. ${item.path}（${item.period}）`);
}

function blankOpinion(): FormLine[] {
  return Array<string>(CLOSURE_FORM_OPINION_BLANK_LINES).fill('');
}

function acceptanceLines(form: ClosureForm): FormLine[] {
  const closure = form.closure;
  if (!closure) return [...blankOpinion(), right(`验收人（签字）：${SIGNATURE_GAP}`), right(BLANK_DATE)];
  return [closure.opinion, right(`验收人（签字）：${closure.approver}`), right(chineseDate(closure.date))];
}

export function closureFormRows(form: ClosureForm): FormRow[] {
  return [
    { kind: 'pair', left: ['问题编号', String(form.number)], right: ['问题来源', form.source] },
    { kind: 'wide', label: '问题描述', lines: [form.summary] },
    { kind: 'wide', label: '整改措施', lines: [form.measures] },
    { kind: 'wide', label: '整改落实情况及成效', lines: [form.done === '' ? '（未填报）' : form.done] },
    { kind: 'pair', left: ['完成时间', dateOrBlank(form.completedOn)], right: ['牵头单位', form.leadUnits] },
    { kind: 'wide', label: '佐证材料', lines: evidenceLines(form) },
    {
      kind: 'wide',
      label: '牵头单位意见',
      lines: [...blankOpinion(), right(`负责人（签字）：${SIGNATURE_GAP}（盖章）`), right(BLANK_DATE)],
    },
    { kind: 'wide', label: '验收意见', lines: acceptanceLines(form) },
    { kind: 'wide', label: '销号日期', lines: [form.closure ? chineseDate(form.closure.date) : BLANK_DATE] },
  ];
}

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

const RULE = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTH_PT, color: COLOR_BLACK_HEX };

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function textParagraphs(lines: readonly FormLine[], font: string, sizePt: number, alignment: Alignment): Paragraph[] {
  const spacing = { line: ptToTwip(sizePt * CLOSURE_FORM_LINE_PITCH_RATIO), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: typeof line === 'string' ? alignment : AlignmentType.RIGHT,
        spacing,
        children: [new TextRun({ text: lineText(line), font: cjkFont(font), size: ptToHalfPt(sizePt) })],
      }),
  );
}

function labelCell(text: string, sizePt: number): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: textParagraphs([text], CLOSURE_FORM_LABEL_FONT, sizePt, AlignmentType.CENTER),
  });
}

function valueCell(lines: readonly FormLine[], sizePt: number, columnSpan = 1): TableCell {
  return new TableCell({
    columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: textParagraphs(lines, CLOSURE_FORM_TEXT_FONT, sizePt, AlignmentType.LEFT),
  });
}

function formTable(rows: readonly FormRow[], sizePt: number, fitsOnePage: boolean): Table {
  return new Table({
    width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: columnTwips,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: { top: TABLE_CELL_PADDING_Y_TWIP, bottom: TABLE_CELL_PADDING_Y_TWIP, left: TABLE_CELL_PADDING_X_TWIP, right: TABLE_CELL_PADDING_X_TWIP },
    rows: rows.map(
      (row) =>
        new TableRow({
          // A form that fits keeps its rows whole; a longer one lets them break rather than be cut off.
          cantSplit: fitsOnePage,
          children:
            row.kind === 'pair'
              ? [labelCell(row.left[0], sizePt), valueCell([row.left[1]], sizePt), labelCell(row.right[0], sizePt), valueCell([row.right[1]], sizePt)]
              : [labelCell(row.label, sizePt), valueCell(row.lines, sizePt, 3)],
        }),
    ),
  });
}

function formSection(form: ClosureForm): ISectionOptions {
  const rows = closureFormRows(form);
  const { sizePt, fitsOnePage } = closureFormSizePt(rows);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: CLOSURE_FORM_TITLE_LINES * LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ text: CLOSURE_FORM_TITLE, font: cjkFont(CLOSURE_FORM_TITLE_FONT), size: CLOSURE_FORM_TITLE_SIZE_HALF_PT })],
  });
  return {
    properties: {
      page: {
        size: { width: A4_WIDTH_TWIP, height: A4_HEIGHT_TWIP },
        margin: { top: MARGIN_TOP_TWIP, right: MARGIN_RIGHT_TWIP, bottom: MARGIN_BOTTOM_TWIP, left: MARGIN_LEFT_TWIP },
      },
    },
    children: [title, formTable(rows, sizePt, fitsOnePage)],
  };
}

/** All forms in one document, each in a section of its own so each starts a page. */
export async function renderClosureFormsDocx(forms: readonly ClosureForm[], meta: { title: string; date: string }): Promise<Buffer> {
  const doc = new Document({
    creator: 'zhenggai',
    title: meta.title,
    styles: { default: { document: { run: { font: cjkFont(CLOSURE_FORM_TEXT_FONT) } } } },
    sections: forms.map(formSection),
  });
  return packDocx(doc, { title: meta.title, date: meta.date });
}
