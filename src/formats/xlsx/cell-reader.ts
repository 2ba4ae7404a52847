// Reading a workbook that came from outside cell by cell, as stored: each
// cell's type (shared or inline string, rich or not, number, boolean, error
// value, ISO date), its formula and cached result, its number format (so a
// caller knows whether a number is shown as a date), hyperlinks, merges, the
// 1904 date system, and the pictures a unit may have put in: floating
// pictures and shapes in a sheet's drawing (with the cell they are anchored
// on), WPS in-cell pictures (=DISPIMG("ID_…",1) with xl/cellimages.xml) and
// Excel's "place in cell" pictures (rich values). Nothing is interpreted:
// what a value means is the caller's business (load/form-cells.ts).
//
// Worksheets and shared strings are streamed (inflated, then fed to saxes in pieces),
// and the limits are checked while reading: a sheet that declares or reaches
// more rows than allowed, or more stored cells, stops the read at once with a
// CellReadLimitError — so a file of a million empty rows costs a moment and
// little memory, however small it is on disk.
import { columnLetters } from './cells.js';
import { formatCode, GENERAL } from './number-format.js';
import { OfficePackage, type Relationship } from './package.js';
import { PackageError } from './package-error.js';
import { parseXml, streamXml, type XmlNode } from './xml.js';

export type CellData =
  | { readonly type: 'text'; readonly text: string; readonly rich: boolean }
  | { readonly type: 'number'; readonly number: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'error'; readonly error: string }
  /** t="d": an ISO 8601 date (and time) as written. */
  | { readonly type: 'date'; readonly iso: string };

/** An image part of the package. */
export interface PictureMedia {
  readonly part: string;
  readonly bytes: Uint8Array;
}

/** A picture inside a cell: WPS 嵌入单元格图片 or Excel's 置于单元格内. `media` is missing when the package does not lead to the image. */
export interface CellPicture {
  readonly kind: 'wps' | 'excel';
  readonly name?: string;
  readonly media?: PictureMedia;
}

export interface SheetCell {
  /** A1-style address. */
  readonly address: string;
  readonly row: number;
  readonly column: number;
  /** The value, or a formula's cached result; undefined when the cell holds none. */
  readonly data?: CellData;
  /** Present when the cell holds a formula (without the leading =). */
  readonly formula?: string;
  /** The cell's number format code (General when it has none). */
  readonly numberFormat: string;
  /** Present when the cell is covered by a merge: the merge's top-left address. */
  readonly master?: string;
  /** The target of a hyperlink on the cell (a URL, or a place such as Sheet1!A1). */
  readonly hyperlink?: string;
  readonly picture?: CellPicture;
}

/** Something in a sheet's drawing layer. */
export interface DrawingObject {
  readonly kind: 'picture' | 'shape' | 'chart' | 'other';
  /** The cell its top-left corner is anchored on; undefined for an absolute position. */
  readonly anchor?: { readonly row: number; readonly column: number; readonly address: string };
  readonly name?: string;
  /** A shape's or text box's text. */
  readonly text?: string;
  /** A picture's image; undefined for a picture linked to a file outside the package. */
  readonly media?: PictureMedia;
}

export interface CellSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The <dimension> the sheet declares, as written (it may be wrong). */
  readonly declaredRange?: string;
  /** 1-based row and column; a cell the file does not hold is empty (no data). */
  cell(row: number, column: number): SheetCell;
  /** Rows holding at least one cell with a value, a formula or a picture, ascending. */
  readonly rowNumbers: readonly number[];
  /** Those cells of a row, by column. */
  cellsOf(row: number): readonly SheetCell[];
  readonly drawings: readonly DrawingObject[];
}

export interface CellWorkbook {
  readonly sheets: readonly CellSheet[];
  /** Dates count from 1904-01-01 (old Mac Excel), not 1899-12-30. */
  readonly date1904: boolean;
}

export interface CellReadLimits {
  /** No sheet may declare or hold a row beyond this. */
  readonly maxRows: number;
  /** Cells with a value, a formula or a picture, in all sheets together (and cells covered by merges). */
  readonly maxCells: number;
  readonly maxSharedStrings: number;
  /** Parts read whole (workbook, styles, drawings, relationships) may not be larger. */
  readonly maxPartBytes: number;
}

export type CellReadLimit = 'rows' | 'cells' | 'shared-strings' | 'part-size';

/** A read stopped by a limit: which, where (sheet and cell or range) and what was found. */
export class CellReadLimitError extends Error {
  constructor(
    readonly limit: CellReadLimit,
    readonly found: string,
    readonly sheet?: string,
    readonly place?: string,
  ) {
    super(`${limit}: ${found}`);
    this.name = 'CellReadLimitError';
  }
}

export { PackageError };

const MAIN_NS_TYPE = /\/officeDocument$/;
const WORKSHEET_TYPE = /\/worksheet$/;
const STYLES_TYPE = /\/styles$/;
const SHARED_STRINGS_TYPE = /\/sharedStrings$/;
const DRAWING_TYPE = /\/drawing$/;
const WPS_CELL_IMAGES_TYPE = /\/cellImage$/i;
const METADATA_TYPE = /\/sheetMetadata$/;
const MAX_COLUMN = 16_384;

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal _x as _x005F_x). */
export function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * A cell's text as a string of its own. The parser's text is often a slice
 * of the megabyte of XML it came from, and a kept slice keeps all of that
 * alive: 190,000 kept cells would hold the whole sheet's text twice over.
 */
function ownText(text: string): string {
  return text.length > 12 ? Buffer.from(text, 'utf16le').toString('utf16le') : text;
}

/** "B12" → [12, 2]; undefined when it is not a cell reference. */
export function parseAddress(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return row >= 1 && column >= 1 ? [row, column] : undefined;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseAddress(a ?? '');
  const to = parseAddress(b ?? '');
  if (!from || !to) return undefined;
  return { top: Math.min(from[0], to[0]), left: Math.min(from[1], to[1]), bottom: Math.max(from[0], to[0]), right: Math.max(from[1], to[1]) };
}

/** An address as it must be written (A1, not $a$1): then it is used as it stands. */
const CANONICAL_ADDRESS = /^[A-Z]{1,3}[1-9]\d*$/;

const key = (row: number, column: number) => row * (MAX_COLUMN + 1) + column;

/** Every sheet of an xlsx with its cells as stored. Throws PackageError when it is not readable, CellReadLimitError at a limit. */
export function readCellWorkbook(bytes: Uint8Array, limits: CellReadLimits): CellWorkbook {
  const pkg = new OfficePackage(bytes);
  const small = (part: string): XmlNode => {
    if (pkg.size(part) > limits.maxPartBytes) throw new CellReadLimitError('part-size', `${part}（${pkg.size(part)} 字节）`);
    return parseXml(pkg.text(part));
  };
  const rootRels = pkg.relationships('');
  const workbookPart = [...rootRels.values()].find((r) => MAIN_NS_TYPE.test(r.type) && !r.external)?.target ?? 'xl/workbook.xml';
  const workbook = small(workbookPart);
  const workbookRels = pkg.relationships(workbookPart);
  const relOfType = (type: RegExp) => [...workbookRels.values()].find((r) => type.test(r.type) && !r.external && pkg.has(r.target))?.target;
  const date1904 = ['1', 'true'].includes(workbook.all('workbookPr')[0]?.attr('date1904') ?? '');
  const styles = readStyles(relOfType(STYLES_TYPE), small);
  const strings = readSharedStrings(pkg, relOfType(SHARED_STRINGS_TYPE), limits);
  const wpsPictures = readWpsCellImages(pkg, relOfType(WPS_CELL_IMAGES_TYPE) ?? (pkg.has('xl/cellimages.xml') ? 'xl/cellimages.xml' : undefined), small);
  const excelPictures = excelCellImages(pkg, workbookPart, relOfType(METADATA_TYPE), small);
  const budget = { cells: 0 };
  const sheets: CellSheet[] = [];
  for (const sheet of workbook.all('sheet')) {
    const name = sheet.attr('name') ?? '';
    const rel = workbookRels.get(sheet.rel('id') ?? '');
    if (!rel || rel.external || !WORKSHEET_TYPE.test(rel.type) || !pkg.has(rel.target)) continue; // a chart sheet or a dangling entry holds no cells
    const state = (['hidden', 'veryHidden'].includes(sheet.attr('state') ?? '') ? sheet.attr('state') : 'visible') as CellSheet['state'];
    sheets.push(readSheet({ pkg, part: rel.target, name, state, styles, strings, wpsPictures, excelPictures, limits, budget, small }));
  }
  return { sheets, date1904 };
}

// --- styles and strings -----------------------------------------------------------

/** Number format code of each cell style (the s attribute). */
function readStyles(part: string | undefined, small: (part: string) => XmlNode): string[] {
  if (part === undefined) return [];
  const root = small(part);
  const custom = new Map<number, string>();
  for (const f of root.all('numFmt')) {
    const id = Number(f.attr('numFmtId'));
    if (Number.isInteger(id)) custom.set(id, f.attr('formatCode') ?? GENERAL);
  }
  const cellXfs = root.all('cellXfs')[0];
  return (cellXfs?.children ?? []).filter((x) => x.name === 'xf').map((xf) => formatCode(Number(xf.attr('numFmtId') ?? 0), custom));
}

interface SharedString {
  readonly text: string;
  readonly rich: boolean;
}

/** The shared strings, streamed: <si> holds <t> or runs <r><t>; phonetic runs <rPh> are not part of the text. */
function readSharedStrings(pkg: OfficePackage, part: string | undefined, limits: CellReadLimits): SharedString[] {
  const strings: SharedString[] = [];
  if (part === undefined) return strings;
  let texts: string[] | undefined;
  let rich = false;
  let phonetic = 0;
  let inT = false;
  streamXml(
      {
        open(name) {
          if (name === 'si') {
            texts = [];
            rich = false;
          } else if (name === 'rPh') phonetic += 1;
          else if (name === 'r' && phonetic === 0) rich = true;
          else if (name === 't') inT = true;
        },
        close(name) {
          if (name === 'si') {
            strings.push({ text: ownText(decodeEscapes((texts ?? []).join(''))), rich });
            if (strings.length > limits.maxSharedStrings) throw new CellReadLimitError('shared-strings', `${strings.length} 个`);
            texts = undefined;
          } else if (name === 'rPh') phonetic -= 1;
          else if (name === 't') inT = false;
        },
        text(t) {
          if (inT && phonetic === 0 && texts) texts.push(t);
        },
      },
      (write) => pkg.streamText(part, write),
  );
  return strings;
}

// --- a worksheet ------------------------------------------------------------------

interface SheetInput {
  readonly pkg: OfficePackage;
  readonly part: string;
  readonly name: string;
  readonly state: CellSheet['state'];
  readonly styles: readonly string[];
  readonly strings: readonly SharedString[];
  readonly wpsPictures: ReadonlyMap<string, CellPicture>;
  readonly excelPictures: (vm: number) => CellPicture | undefined;
  readonly limits: CellReadLimits;
  /** Cells stored so far in the workbook. */
  readonly budget: { cells: number };
  readonly small: (part: string) => XmlNode;
}

type MutableCell = { -readonly [K in keyof SheetCell]: SheetCell[K] };

const DISPIMG = /^\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]*)"/i;

function relAttr(attributes: Record<string, string>, local: string): string | undefined {
  for (const [qname, value] of Object.entries(attributes)) if (qname.endsWith(`:${local}`)) return value;
  return undefined;
}

function readSheet(input: SheetInput): CellSheet {
  const { limits, name, budget } = input;
  const cells = new Map<number, MutableCell>();
  const byRow = new Map<number, MutableCell[]>();
  const merges: string[] = [];
  const links: Array<{ ref: string; id?: string; location?: string }> = [];
  const sharedFormulas = new Map<string, string>();
  let declaredRange: string | undefined;
  let drawingId: string | undefined;

  const tooManyRows = (row: number, place: string) => new CellReadLimitError('rows', `第 ${row} 行`, name, place);
  const countCell = (place: string) => {
    budget.cells += 1;
    if (budget.cells > limits.maxCells) throw new CellReadLimitError('cells', `超过 ${limits.maxCells} 个`, name, place);
  };

  let inSheetData = false;
  let row = 0;
  let nextColumn = 1;
  let cell: { row: number; column: number; ref?: string; t: string; s?: string; vm?: string } | undefined;
  let collecting: 'v' | 'f' | 't' | undefined;
  let v: string[] = [];
  let f: string[] = [];
  let isTexts: string[] = [];
  let sawV = false;
  let sawF = false;
  let sawIs = false;
  let inIs = false;
  let isRich = false;
  let phonetic = 0;
  let fAttributes: Record<string, string> = {};

  const finishCell = () => {
    const c = cell!;
    const address = c.ref ?? `${columnLetters(c.column)}${c.row}`;
    let formula: string | undefined;
    if (sawF) {
      formula = ownText(f.join(''));
      const si = fAttributes.si;
      if (fAttributes.t === 'shared' && si !== undefined) {
        if (formula !== '') sharedFormulas.set(si, formula);
        else formula = sharedFormulas.get(si) ?? '';
      }
    }
    const data = cellData(c.t, sawV ? v.join('') : undefined, sawIs ? { text: isTexts.join(''), rich: isRich } : undefined, input.strings, address);
    const wpsId = formula === undefined ? undefined : DISPIMG.exec(formula)?.[1];
    const picture = wpsId !== undefined ? (input.wpsPictures.get(wpsId) ?? { kind: 'wps' as const, name: wpsId }) : c.vm !== undefined ? input.excelPictures(Number(c.vm)) : undefined;
    if (data === undefined && formula === undefined && picture === undefined) return;
    countCell(address);
    const stored: MutableCell = { address, row: c.row, column: c.column, numberFormat: input.styles[Number(c.s ?? 0)] ?? GENERAL };
    if (data !== undefined) stored.data = data;
    if (formula !== undefined) stored.formula = formula;
    if (picture !== undefined) stored.picture = picture;
    const k = key(c.row, c.column);
    const list = byRow.get(c.row);
    if (list === undefined) byRow.set(c.row, [stored]);
    else if (!cells.has(k)) list.push(stored);
    else list[list.findIndex((x) => x.column === c.column)] = stored;
    cells.set(k, stored);
  };

  streamXml(
    {
      open(element, attributes) {
        switch (element) {
          case 'dimension': {
            declaredRange = attributes.ref;
            const range = parseRange(declaredRange ?? '');
            if (range && range.bottom > limits.maxRows) throw new CellReadLimitError('rows', `声明的范围 ${declaredRange}`, name, declaredRange);
            break;
          }
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row': {
            if (!inSheetData) break;
            row = attributes.r === undefined ? row + 1 : Number(attributes.r);
            if (!Number.isInteger(row) || row < 1) throw new PackageError(`工作表“${name}”的行号“${attributes.r}”无效`);
            if (row > limits.maxRows) throw tooManyRows(row, `A${row}`);
            nextColumn = 1;
            break;
          }
          case 'c': {
            if (!inSheetData) break;
            const position = attributes.r === undefined ? ([row, nextColumn] as [number, number]) : parseAddress(attributes.r);
            if (!position || position[1] > MAX_COLUMN) throw new PackageError(`工作表“${name}”的单元格地址“${attributes.r}”无效`);
            if (position[0] > limits.maxRows) throw tooManyRows(position[0], attributes.r ?? `A${position[0]}`);
            cell = { row: position[0], column: position[1], t: attributes.t ?? 'n', s: attributes.s, vm: attributes.vm, ref: CANONICAL_ADDRESS.test(attributes.r ?? '') ? attributes.r : undefined };
            nextColumn = position[1] + 1;
            v = [];
            f = [];
            isTexts = [];
            sawV = sawF = sawIs = isRich = false;
            phonetic = 0;
            break;
          }
          case 'v':
            if (cell) {
              collecting = 'v';
              sawV = true;
            }
            break;
          case 'f':
            if (cell) {
              collecting = 'f';
              sawF = true;
              fAttributes = attributes;
            }
            break;
          case 'is':
            if (cell) {
              inIs = true;
              sawIs = true;
            }
            break;
          case 'r':
            if (inIs && phonetic === 0) isRich = true;
            break;
          case 'rPh':
            phonetic += 1;
            break;
          case 't':
            if (inIs && phonetic === 0) collecting = 't';
            break;
          case 'mergeCell':
            if (attributes.ref !== undefined) merges.push(attributes.ref);
            break;
          case 'hyperlink':
            if (attributes.ref !== undefined) {
              const id = relAttr(attributes, 'id');
              links.push({ ref: attributes.ref, ...(id === undefined ? {} : { id }), ...(attributes.location === undefined ? {} : { location: attributes.location }) });
            }
            break;
          case 'drawing':
            drawingId = relAttr(attributes, 'id');
            break;
          default:
            break;
        }
      },
      close(element) {
        switch (element) {
          case 'v':
          case 'f':
          case 't':
            collecting = undefined;
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'is':
            inIs = false;
            break;
          case 'c':
            if (cell) finishCell();
            cell = undefined;
            break;
          case 'sheetData':
            inSheetData = false;
            break;
          default:
            break;
        }
      },
      text(t) {
        if (collecting === 'v') v.push(t);
        else if (collecting === 'f') f.push(t);
        else if (collecting === 't') isTexts.push(t);
      },
    },
    (write) => input.pkg.streamText(input.part, write),
  );

  const rels = input.pkg.relationships(input.part);
  const masters = new Map<number, string>();
  for (const ref of merges) {
    const range = parseRange(ref);
    if (!range) continue;
    if (range.bottom > limits.maxRows) throw new CellReadLimitError('rows', `合并区域 ${ref}`, name, ref);
    const top = `${columnLetters(range.left)}${range.top}`;
    for (let r = range.top; r <= range.bottom; r += 1) {
      for (let c = range.left; c <= range.right; c += 1) {
        if (r === range.top && c === range.left) continue;
        countCell(ref);
        masters.set(key(r, c), top);
      }
    }
  }
  const hyperlinks = new Map<number, string>();
  for (const link of links) {
    const range = parseRange(link.ref);
    const target = link.id !== undefined ? rels.get(link.id)?.target : link.location;
    if (!range || target === undefined) continue;
    for (let r = range.top; r <= Math.min(range.bottom, limits.maxRows); r += 1) {
      for (let c = range.left; c <= range.right; c += 1) {
        countCell(link.ref);
        hyperlinks.set(key(r, c), target);
      }
    }
  }
  for (const [k, stored] of cells) {
    const master = masters.get(k);
    const hyperlink = hyperlinks.get(k);
    if (master !== undefined) stored.master = master;
    if (hyperlink !== undefined) stored.hyperlink = hyperlink;
  }
  const drawingRel = drawingId === undefined ? undefined : rels.get(drawingId);
  const drawings = drawingRel && !drawingRel.external && DRAWING_TYPE.test(drawingRel.type) && input.pkg.has(drawingRel.target) ? readDrawing(input.pkg, drawingRel.target, input.small) : [];
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  for (const list of byRow.values()) list.sort((a, b) => a.column - b.column);

  return {
    name,
    state: input.state,
    ...(declaredRange === undefined ? {} : { declaredRange }),
    rowNumbers,
    drawings,
    cellsOf: (r) => byRow.get(r) ?? [],
    cell(r, c) {
      const k = key(r, c);
      const stored = cells.get(k);
      if (stored) return stored;
      const master = masters.get(k);
      const hyperlink = hyperlinks.get(k);
      return { address: `${columnLetters(c)}${r}`, row: r, column: c, numberFormat: GENERAL, ...(master === undefined ? {} : { master }), ...(hyperlink === undefined ? {} : { hyperlink }) };
    },
  };
}

/** A cell's value by its type attribute; undefined when it holds none. */
function cellData(type: string, v: string | undefined, inline: { text: string; rich: boolean } | undefined, strings: readonly SharedString[], address: string): CellData | undefined {
  switch (type) {
    case 's': {
      if (v === undefined || v.trim() === '') return undefined;
      const found = strings[Number(v)];
      if (!found) throw new PackageError(`单元格 ${address} 引用的共享字符串 ${v} 不存在`);
      return { type: 'text', text: found.text, rich: found.rich };
    }
    case 'inlineStr':
      if (inline) return { type: 'text', text: ownText(decodeEscapes(inline.text)), rich: inline.rich };
      return v === undefined ? undefined : { type: 'text', text: ownText(decodeEscapes(v)), rich: false };
    case 'str':
      return v === undefined ? undefined : { type: 'text', text: ownText(decodeEscapes(v)), rich: false };
    case 'b':
      return v === undefined || v.trim() === '' ? undefined : { type: 'boolean', value: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'e':
      return v === undefined ? undefined : { type: 'error', error: v.trim() };
    case 'd':
      return v === undefined || v.trim() === '' ? undefined : { type: 'date', iso: v.trim() };
    default: {
      if (v === undefined || v.trim() === '') return undefined;
      const number = Number(v);
      if (!Number.isFinite(number)) throw new PackageError(`单元格 ${address} 的数值“${v.slice(0, 20)}”无效`);
      return { type: 'number', number };
    }
  }
}

// --- pictures -----------------------------------------------------------------------

function media(pkg: OfficePackage, rels: ReadonlyMap<string, Relationship>, id: string | undefined): PictureMedia | undefined {
  const rel = id === undefined ? undefined : rels.get(id);
  if (!rel || rel.external || !pkg.has(rel.target)) return undefined;
  return { part: rel.target, bytes: pkg.bytes(rel.target) };
}

/** Children with mc:AlternateContent replaced by its first choice (or its fallback). */
function content(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => {
    if (c.name !== 'AlternateContent') return [c];
    const chosen = c.children.find((x) => x.name === 'Choice') ?? c.children.find((x) => x.name === 'Fallback');
    return chosen ? content(chosen) : [];
  });
}

const ANCHORS = new Set(['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']);

/** Every object of a drawing part, each with the cell its anchor starts on. */
function readDrawing(pkg: OfficePackage, part: string, small: (part: string) => XmlNode): DrawingObject[] {
  const root = small(part);
  const rels = pkg.relationships(part);
  const wsDr = root.children[0];
  if (!wsDr) return [];
  const objects: DrawingObject[] = [];
  for (const anchorNode of content(wsDr).filter((n) => ANCHORS.has(n.name))) {
    const from = anchorNode.child('from');
    const col = Number(from?.child('col')?.ownText());
    const row = Number(from?.child('row')?.ownText());
    const anchor = from && Number.isInteger(col) && Number.isInteger(row) && col >= 0 && row >= 0 ? { row: row + 1, column: col + 1, address: `${columnLetters(col + 1)}${row + 1}` } : undefined;
    const visit = (nodes: XmlNode[]) => {
      for (const node of nodes) {
        const at = anchor === undefined ? {} : { anchor };
        const name = node.all('cNvPr')[0]?.attr('name');
        const named = name === undefined ? {} : { name };
        switch (node.name) {
          case 'pic': {
            const blip = node.all('blip')[0];
            const found = media(pkg, rels, blip?.rel('embed'));
            objects.push({ kind: 'picture', ...at, ...named, ...(found === undefined ? {} : { media: found }) });
            break;
          }
          case 'sp':
          case 'cxnSp': {
            const text = node.all('t').map((t) => t.ownText()).join('');
            objects.push({ kind: 'shape', ...at, ...named, ...(text === '' ? {} : { text }) });
            break;
          }
          case 'grpSp':
            visit(content(node));
            break;
          case 'graphicFrame':
            objects.push({ kind: node.all('chart').length > 0 ? 'chart' : 'other', ...at, ...named });
            break;
          case 'contentPart':
            objects.push({ kind: 'other', ...at, ...named });
            break;
          default:
            break;
        }
      }
    };
    visit(content(anchorNode));
  }
  return objects;
}

/** WPS 嵌入单元格图片: xl/cellimages.xml names each picture ID_…, which a cell's =DISPIMG("ID_…",1) shows. */
function readWpsCellImages(pkg: OfficePackage, part: string | undefined, small: (part: string) => XmlNode): Map<string, CellPicture> {
  const pictures = new Map<string, CellPicture>();
  if (part === undefined) return pictures;
  const rels = pkg.relationships(part);
  for (const image of small(part).all('cellImage')) {
    const name = image.all('cNvPr')[0]?.attr('name');
    if (name === undefined) continue;
    const found = media(pkg, rels, image.all('blip')[0]?.rel('embed'));
    pictures.set(name, { kind: 'wps', name, ...(found === undefined ? {} : { media: found }) });
  }
  return pictures;
}

/**
 * Excel's pictures placed in a cell: the cell's vm attribute points through
 * xl/metadata.xml (valueMetadata → futureMetadata XLRICHVALUE) to a rich
 * value in xl/richData/rdrichvalue.xml whose structure (_localImage) holds
 * the index of a relationship in richValueRel.xml, which names the image.
 */
function excelCellImages(pkg: OfficePackage, workbookPart: string, metadataPart: string | undefined, small: (part: string) => XmlNode): (vm: number) => CellPicture | undefined {
  if (metadataPart === undefined) return () => undefined;
  const meta = small(metadataPart);
  const types = meta.all('metadataType').map((t) => t.attr('name'));
  const future = meta.all('futureMetadata').find((f) => f.attr('name') === 'XLRICHVALUE')?.children.filter((c) => c.name === 'bk') ?? [];
  const values = meta.all('valueMetadata')[0]?.children.filter((c) => c.name === 'bk') ?? [];
  const workbookRels = [...pkg.relationships(workbookPart).values()];
  const partOf = (type: RegExp, fallback: string) => workbookRels.find((r) => type.test(r.type) && pkg.has(r.target))?.target ?? (pkg.has(fallback) ? fallback : undefined);
  const valuePart = partOf(/\/rdRichValue$/i, 'xl/richData/rdrichvalue.xml');
  const structurePart = partOf(/\/rdRichValueStructure$/i, 'xl/richData/rdrichvaluestructure.xml');
  const relPart = partOf(/\/richValueRel$/i, 'xl/richData/richValueRel.xml');
  const richValues = valuePart === undefined ? [] : small(valuePart).all('rv');
  const structures = structurePart === undefined ? [] : small(structurePart).all('s');
  const relIds = relPart === undefined ? [] : small(relPart).all('rel').map((r) => r.rel('id'));
  const relRels = relPart === undefined ? new Map<string, Relationship>() : pkg.relationships(relPart);
  return (vm) => {
    const rc = values[vm - 1]?.child('rc');
    if (!rc || types[Number(rc.attr('t')) - 1] !== 'XLRICHVALUE') return undefined;
    const index = Number(future[Number(rc.attr('v'))]?.all('rvb')[0]?.attr('i'));
    const rv = richValues[index];
    const structure = rv === undefined ? undefined : structures[Number(rv.attr('s'))];
    if (!rv || !structure) return { kind: 'excel' };
    if (structure.attr('t') !== '_localImage') return undefined;
    const keys = structure.children.filter((k) => k.name === 'k').map((k) => k.attr('n'));
    const slot = keys.indexOf('_rvRel:LocalImageIdentifier');
    const relIndex = Number(rv.children.filter((x) => x.name === 'v')[slot]?.ownText());
    const found = media(pkg, relRels, relIds[relIndex]);
    return { kind: 'excel', ...(found === undefined ? {} : { media: found }) };
  };
}
