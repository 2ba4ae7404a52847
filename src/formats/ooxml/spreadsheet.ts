// The sheets of an .xlsx as cell texts and merged areas, read with saxes from
// the package's own parts: whatever prefix the producer gave SpreadsheetML
// (`<x:row>`), strict or transitional, shared strings plain or as rich-text
// runs, inline strings (written by some producers instead of shared ones),
// formulas with their cached results, merged cells, dates by their number
// format. Knows no plan. exceljs (formats/xlsx/) matches elements by prefix
// and is kept for the files zhenggai writes and its own forms; tables an
// office made elsewhere are read here.
import { isoDateFromExcelSerial, type XlsxRange } from '../xlsx/cells.js';
import { attr, childElements, firstChild, parseXml, scanXml } from '../xml.js';
import { OOXML_ALIASES, R, S } from './namespaces.js';
import { OoxmlPackage } from './package.js';

export interface SheetCell {
  /**
   * The cell's value as text: a string as stored (line ends as LF), a number in
   * its shortest decimal form, a date (by its number format) as YYYY-MM-DD,
   * TRUE/FALSE, or '' for an error or a formula never calculated.
   */
  readonly text: string;
  /** The formula, without '=', when the cell holds one. */
  readonly formula?: string;
  /** An error value (#REF!, #N/A, …) the cell shows instead of a value. */
  readonly error?: string;
  /** A formula whose result was never stored (the file was not saved by a program that calculates). */
  readonly uncalculated?: boolean;
}

export interface Sheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The last row and column holding a value (1-based; 0 for an empty sheet). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** The rows and the columns that hold a value, ascending: a stray value far off adds one row, not a million. */
  readonly usedRows: readonly number[];
  readonly usedColumns: readonly number[];
  /** 1-based; undefined for an empty cell. */
  cell(row: number, column: number): SheetCell | undefined;
  /** Merged areas, as written (a merge may reach past the last value). */
  readonly merges: readonly XlsxRange[];
}

/** A package that is no workbook, or a sheet too large to lay out; the message is for the clerk. */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
}

/** Every sheet of an xlsx package, in the workbook's order. Throws XmlError or SpreadsheetError on a broken package. */
export function readSpreadsheet(data: Uint8Array): Sheet[] {
  const pkg = new OoxmlPackage(data);
  const workbookPart = pkg.mainPart('xl/workbook.xml');
  const workbookText = workbookPart && pkg.text(workbookPart);
  if (!workbookPart || workbookText === undefined) throw new SpreadsheetError('不是 Excel 工作簿：找不到工作簿部件 (no workbook part)');
  const workbook = parseXml(workbookText, { aliases: OOXML_ALIASES });
  if (workbook.uri !== S || workbook.local !== 'workbook') throw new SpreadsheetError('不是 Excel 工作簿：主部件不是 SpreadsheetML（是否把 Word 文档改成了 .xlsx？）(not SpreadsheetML)');
  const date1904 = ['1', 'true'].includes(attr(firstChild(workbook, S, 'workbookPr'), '', 'date1904') ?? '');
  const relationships = pkg.relationships(workbookPart);
  const sharedPart = pkg.related(workbookPart, 'sharedStrings');
  const strings = sharedPart ? sharedStrings(pkg.text(sharedPart)!) : [];
  const stylesPart = pkg.related(workbookPart, 'styles');
  const dateStyles = stylesPart ? dateStyleIndexes(pkg.text(stylesPart)!) : new Set<number>();
  const sheets: Sheet[] = [];
  for (const sheet of childElements(firstChild(workbook, S, 'sheets') ?? workbook, S, 'sheet')) {
    const id = attr(sheet, R, 'id');
    const target = relationships.find((r) => r.id === id && r.type === 'worksheet')?.target;
    const text = target === undefined ? undefined : pkg.text(target);
    if (text === undefined) continue; // a chart sheet or a dialog sheet holds no cells
    const state = attr(sheet, '', 'state');
    sheets.push(readSheet(text, attr(sheet, '', 'name') ?? '', state === 'hidden' || state === 'veryHidden' ? state : 'visible', { strings, dateStyles, date1904 }));
  }
  return sheets;
}

// --- shared strings and styles ---------------------------------------------------------

/** ST_Xstring's escapes: _x000D_ is a CR, _x005F_ an underscore. */
function unescapeXstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Text collector for a string item (<si>, <is>): the <t> of the item or of its
 * rich-text runs, skipping phonetic guides (<rPh>), whose <t> is not shown.
 */
class StringItem {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(local: string): void {
    if (local === 'rPh') this.depthInPhonetic += 1;
    else if (local === 't' && this.depthInPhonetic === 0) this.inText = true;
  }

  close(local: string): void {
    if (local === 'rPh') this.depthInPhonetic -= 1;
    else if (local === 't') this.inText = false;
  }

  text(t: string): void {
    if (this.inText) this.parts.push(t);
  }

  done(): string {
    const text = unescapeXstring(this.parts.join(''));
    this.parts = [];
    return text;
  }
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let item: StringItem | undefined;
  scanXml(
    xml,
    {
      open(e) {
        if (e.uri !== S) return;
        if (e.local === 'si') item = new StringItem();
        else item?.open(e.local);
      },
      close(e) {
        if (e.uri !== S) return;
        if (e.local === 'si' && item) {
          strings.push(item.done());
          item = undefined;
        } else item?.close(e.local);
      },
      text(t) {
        item?.text(t);
      },
    },
    { aliases: OOXML_ALIASES },
  );
  return strings;
}

/** Built-in number formats that show a date: 14–22 and 45–47, and 27–36, 50–58 (the East Asian date formats). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or time: y m d h s outside quoted text, escapes and [..] sections. */
function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare.split(';')[0] ?? '');
}

/** Indexes of cell formats (the `s` of a cell) whose number format shows a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const styles = parseXml(xml, { aliases: OOXML_ALIASES });
  const custom = new Map<number, string>();
  for (const f of childElements(firstChild(styles, S, 'numFmts') ?? styles, S, 'numFmt')) {
    custom.set(Number(attr(f, '', 'numFmtId')), attr(f, '', 'formatCode') ?? '');
  }
  const dates = new Set<number>();
  childElements(firstChild(styles, S, 'cellXfs') ?? styles, S, 'xf').forEach((xf, index) => {
    const id = Number(attr(xf, '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}

// --- a worksheet ---------------------------------------------------------------------------

interface SheetContext {
  readonly strings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** A1 → [row, column], 1-based; undefined when it is not a cell reference. */
function parseRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

function parseRange(ref: string): XlsxRange | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseRef(a ?? '');
  const to = parseRef(b ?? '');
  if (!from || !to) return undefined;
  return { top: Math.min(from[0], to[0]), left: Math.min(from[1], to[1]), bottom: Math.max(from[0], to[0]), right: Math.max(from[1], to[1]) };
}

const DAYS_1904_TO_1900 = 1462;

function numberText(raw: string, style: number, context: SheetContext): string {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return raw.trim();
  if (context.dateStyles.has(style)) {
    const date = isoDateFromExcelSerial(context.date1904 ? value + DAYS_1904_TO_1900 : value);
    if (date) return date;
  }
  return String(value);
}

interface PendingCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string;
  formula?: string;
  inline?: StringItem;
}

function cellOf(p: PendingCell, hasValue: boolean, context: SheetContext): SheetCell | undefined {
  const formula = p.formula !== undefined ? { formula: p.formula } : {};
  if (p.type === 'inlineStr') return { text: p.inline?.done() ?? '', ...formula };
  if (!hasValue) return p.formula !== undefined ? { text: '', ...formula, uncalculated: true } : undefined;
  switch (p.type) {
    case 's':
      return { text: context.strings[Number(p.value)] ?? '', ...formula };
    case 'str':
      return { text: unescapeXstring(p.value), ...formula };
    case 'b':
      return { text: p.value.trim() === '1' || p.value.trim() === 'true' ? 'TRUE' : 'FALSE', ...formula };
    case 'e':
      return { text: '', error: p.value.trim(), ...formula };
    case 'd':
      return { text: p.value.trim().slice(0, 10), ...formula };
    default:
      return { text: numberText(p.value, p.style, context), ...formula };
  }
}

function readSheet(xml: string, name: string, state: Sheet['state'], context: SheetContext): Sheet {
  const cells = new Map<number, Map<number, SheetCell>>();
  const merges: XlsxRange[] = [];
  let row = 0;
  let column = 0;
  let pending: PendingCell | undefined;
  let reading: 'v' | 'f' | 'is' | undefined;
  let hasValue = false;
  let rowCount = 0;
  let columnCount = 0;
  scanXml(
    xml,
    {
      open(e) {
        if (e.uri !== S) return;
        if (pending?.inline && reading === 'is') {
          pending.inline.open(e.local);
          return;
        }
        if (e.local === 'row') {
          const r = Number(e.attrs.get('r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
        } else if (e.local === 'c') {
          const at = parseRef(e.attrs.get('r') ?? '');
          if (at) [row, column] = at;
          else column += 1;
          pending = { row, column, type: e.attrs.get('t') ?? 'n', style: Number(e.attrs.get('s') ?? 0), value: '' };
          hasValue = false;
        } else if (pending && e.local === 'v') {
          reading = 'v';
          hasValue = true;
        } else if (pending && e.local === 'f') {
          reading = 'f';
          pending.formula ??= '';
        } else if (pending && e.local === 'is') {
          pending.inline = new StringItem();
          reading = 'is';
        } else if (e.local === 'mergeCell') {
          const range = parseRange(e.attrs.get('ref') ?? '');
          if (range) merges.push(range);
        }
      },
      close(e) {
        if (e.uri !== S || !pending) return;
        if (reading === 'is' && e.local !== 'is') {
          pending.inline!.close(e.local);
          return;
        }
        if (e.local === 'v' || e.local === 'f' || e.local === 'is') reading = undefined;
        else if (e.local === 'c') {
          const cell = cellOf(pending, hasValue, context);
          if (cell && (cell.text.trim() !== '' || cell.formula !== undefined || cell.error !== undefined)) {
            let cellsOfRow = cells.get(pending.row);
            if (!cellsOfRow) cells.set(pending.row, (cellsOfRow = new Map()));
            cellsOfRow.set(pending.column, { ...cell, text: cell.text.replace(/\r\n?/g, '\n') });
            rowCount = Math.max(rowCount, pending.row);
            columnCount = Math.max(columnCount, pending.column);
          }
          pending = undefined;
        }
      },
      text(t) {
        if (pending?.inline && reading === 'is') pending.inline.text(t);
        else if (pending && reading === 'v') pending.value += t;
        else if (pending && reading === 'f') pending.formula += t;
      },
    },
    { aliases: OOXML_ALIASES },
  );
  const usedColumns = new Set<number>();
  for (const row of cells.values()) for (const c of row.keys()) usedColumns.add(c);
  return {
    name,
    state,
    rowCount,
    columnCount,
    usedRows: [...cells.keys()].sort((a, b) => a - b),
    usedColumns: [...usedColumns].sort((a, b) => a - b),
    cell: (r, c) => cells.get(r)?.get(c),
    merges,
  };
}

