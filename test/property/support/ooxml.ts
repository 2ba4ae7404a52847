// Looking at generated Office files as a strict reader would: the zip opens,
// every XML part is well-formed XML 1.0 in valid UTF-8 (saxes, the strict
// parser exceljs itself uses, reports any disallowed character, bad entity or
// unbalanced tag), and the text a reader sees can be compared with the input.
import { SaxesParser } from 'saxes';
import { unzip } from '../../helpers/unzip.js';
import { readXlsx } from '../../../src/formats/xlsx/reader.js';

/** Excel refuses a cell longer than this (docs/domain.md#excel-limits). */
export const EXCEL_CELL_MAX_CHARS = 32_767;

/** Marks a raw newline inside <w:t>: Word shows it as a space, not a line break, so it must not count as one. */
export const RAW_NEWLINE_IN_RUN = '\u2424';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface OfficeParts {
  /** Every part by name, decoded (XML parts) or raw length (others). */
  readonly xml: ReadonlyMap<string, string>;
}

/** Unzips and checks every .xml/.rels part; throws naming the part and the fault. */
export function checkPackage(bytes: Uint8Array, label: string): OfficeParts {
  const entries = unzip(Buffer.from(bytes));
  if (entries.size === 0) throw new Error(`${label}: empty zip`);
  if (!entries.has('[Content_Types].xml')) throw new Error(`${label}: no [Content_Types].xml`);
  const xml = new Map<string, string>();
  for (const [name, entry] of entries) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text: string;
    try {
      text = utf8.decode(entry.data);
    } catch {
      throw new Error(`${label}: ${name} is not valid UTF-8`);
    }
    assertWellFormed(text, `${label}: ${name}`);
    xml.set(name, text);
  }
  return { xml };
}

export function assertWellFormed(xml: string, label: string): void {
  const parser = new SaxesParser({ xmlns: false });
  const errors: string[] = [];
  parser.on('error', (error) => {
    errors.push(error.message);
  });
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`${label} is not well-formed XML: ${errors.slice(0, 3).join('; ')}`);
}

/**
 * The text of a WordprocessingML part as a reader sees it: runs joined,
 * <w:br/> and paragraph ends as newlines, <w:tab/> as a tab. Only <w:t>
 * counts (not field instructions such as PAGE).
 */
export function wordText(xml: string): string {
  const parser = new SaxesParser({ xmlns: false });
  let out = '';
  let inText = 0;
  let inRun = 0;
  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'w:t':
        inText += 1;
        break;
      case 'w:r':
        inRun += 1;
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun > 0) out += '\n';
        break;
      case 'w:tab':
        if (inRun > 0) out += '\t';
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText -= 1;
    else if (tag.name === 'w:r') inRun -= 1;
    else if (tag.name === 'w:p') out += '\n';
  });
  parser.on('text', (text) => {
    if (inText > 0) out += text.replace(/\n/g, RAW_NEWLINE_IN_RUN);
  });
  parser.write(xml).close();
  return out;
}

/** The text of a docx's body, headers and footers. */
export function docxText(parts: OfficeParts): string {
  const names = [...parts.xml.keys()].filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n)).sort();
  if (!names.includes('word/document.xml')) throw new Error('no word/document.xml');
  return names.map((n) => wordText(parts.xml.get(n)!)).join('\n');
}

export interface XlsxText {
  /** Per sheet and column, the cells' text top to bottom (merge-covered cells skipped), joined. */
  readonly columns: string[];
  /** Sheet names. */
  readonly sheets: string[];
  /** Cells longer than Excel allows. */
  readonly overlong: string[];
}

/** Reads the workbook back with exceljs (readXlsx) and collects its text. */
export async function xlsxText(bytes: Uint8Array): Promise<XlsxText> {
  const sheets = await readXlsx(bytes);
  const columns: string[] = [];
  const overlong: string[] = [];
  for (const sheet of sheets) {
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      let column = '';
      for (let r = 1; r <= sheet.rowCount; r += 1) {
        const cell = sheet.cell(r, c);
        if (cell.master !== undefined || cell.value === null) continue;
        const text = cell.value instanceof Date ? cell.value.toISOString() : String(cell.value);
        if (text.length > EXCEL_CELL_MAX_CHARS) overlong.push(`${sheet.name}!${cell.address} (${text.length})`);
        column += text;
      }
      columns.push(column);
    }
  }
  return { columns, sheets: sheets.map((s) => s.name), overlong };
}

/** Newlines are layout (a title balanced over lines, a row continued on the next sheet row), not content, for this comparison. */
export function flat(text: string): string {
  return text.replace(/[\n]/g, '');
}

/** The input texts not found unchanged in the output text (newlines aside). */
export function missingTexts(haystacks: readonly string[], texts: readonly string[], options: { astralMayBeSplit?: boolean } = {}): string[] {
  const flatHaystacks = haystacks.map(flat);
  let blurred: string[] | undefined;
  return texts.filter((t) => {
    const needle = flat(t);
    if (needle === '' || flatHaystacks.some((h) => h.includes(needle))) return false;
    if (!options.astralMayBeSplit || !ASTRAL.test(needle)) return true;
    // Tolerates the known exceljs fault (an astral character written as two
    // U+FFFD): compare again with every astral character blurred the same way.
    blurred ??= flatHaystacks.map(blurAstral);
    const blurredNeedle = blurAstral(needle);
    return !blurred.some((h) => h.includes(blurredNeedle));
  });
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

function blurAstral(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, '\uFFFD\uFFFD');
}
