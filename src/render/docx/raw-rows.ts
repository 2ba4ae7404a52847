// Table rows written as XML text rather than as docx objects (issue 14, the
// fast path): the docx library builds an object tree for every cell, run and
// property and then walks it to write the XML — at 1,000 rows of a task table
// that was three quarters of the document's time and most of its memory. The
// rows' XML is made here as strings instead and put in the place of a stand-in
// row the library writes, when the package is compiled (pack.ts). Everything
// else of the document (the table's properties, grid and header rows, the
// sections, styles, numbering) is still the library's.
//
// The strings must be exactly what the library writes for the same rows:
// test/render/raw-rows.test.ts compares the two document.xml byte for byte
// (a 1,000-row table with merges, breaks and every character the XML escapes),
// and the golden files were unchanged when the task table moved to this path.

import { TableCell, TableRow, Paragraph, TextRun } from 'docx';

/** A stand-in's text: a private-use character, a name and a number — the search for it is made in the library's XML, before any row text is put in. */
const MARK = '\uE000zhenggai-rows-';
const MARK_END = '\uE000';
/**
 * Stand-ins waiting to be put in place, by number; taken out when spliced.
 * Each is kept as a function that writes its XML piece by piece (a row a
 * piece), called only when the package is compiled: a 5,000-row table's XML
 * is about 15 million characters, and made at once and then spliced into the
 * part as one string it was held two or three times over (issue 14, peak
 * memory). A stand-in is a row (`<w:tr>`, replaced by rows) or a paragraph
 * (`<w:p>`, replaced by body content: paragraphs, tables, section breaks).
 */
const pending = new Map<number, { readonly element: 'w:tr' | 'w:p'; readonly xml: () => Iterable<string> }>();
let counter = 0;

/** A new stand-in's text, with its XML registered. */
function standInText(element: 'w:tr' | 'w:p', xml: () => Iterable<string>): string {
  counter += 1;
  pending.set(counter, { element, xml });
  return `${MARK}${counter}${MARK_END}`;
}

/**
 * A one-cell stand-in row for the rows `rowsXml` writes (a sequence of
 * `<w:tr>` elements, in pieces — table-rows.ts rowsXml): the library writes
 * it as any row, and when the package is compiled (pack.ts) `rowsXml` is
 * called and its XML put in the stand-in's place. Use it where a `TableRow`
 * goes in a `Table`'s rows; the document must be packed by render/docx/pack.ts.
 */
export function standInRow(rowsXml: () => Iterable<string>): TableRow {
  return new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [new TextRun(standInText('w:tr', rowsXml))] })] })] });
}

/**
 * A stand-in paragraph for body content `bodyXml` writes (paragraphs,
 * tables, paragraphs ending sections — pack.ts documentBodyPieces), put in
 * its place when the package is compiled, as standInRow's rows are.
 */
export function standInParagraph(bodyXml: () => Iterable<string>): Paragraph {
  return new Paragraph({ children: [new TextRun(standInText('w:p', bodyXml))] });
}

/**
 * `xml` (a part's XML as the library wrote it) with every stand-in (row or
 * paragraph) replaced by its XML, as pieces of text in order (the library's text
 * between the rows, then each row's). Throws when a stand-in's rows are
 * unknown (a document packed twice, or a row made in another process): that
 * is a bug, and writing the stand-in would put its mark on paper.
 */
export function* splicedPieces(xml: string): Generator<string> {
  let from = 0;
  for (let at = xml.indexOf(MARK, from); at !== -1; at = xml.indexOf(MARK, from)) {
    const numberEnd = xml.indexOf(MARK_END, at + MARK.length);
    const id = Number(xml.slice(at + MARK.length, numberEnd));
    const standIn = pending.get(id);
    const element = standIn?.element ?? 'w:tr';
    const start = xml.lastIndexOf(`<${element}>`, at);
    const end = xml.indexOf(`</${element}>`, at) + `</${element}>`.length;
    if (start < from || end < at || standIn === undefined) throw new Error(`raw rows: stand-in row ${id} has no rows (packed twice?)`);
    pending.delete(id);
    yield xml.slice(from, start);
    yield* standIn.xml();
    from = end;
  }
  yield from === 0 ? xml : xml.slice(from);
}

/** True when `xml` holds a stand-in row (a part to splice). */
export function hasStandIns(xml: string): boolean {
  return xml.includes(MARK);
}

/** splicedPieces as one string (what a test compares with the library's XML). */
export function spliceRawRows(xml: string): string {
  return hasStandIns(xml) ? [...splicedPieces(xml)].join('') : xml;
}

/**
 * splicedPieces as UTF-8 bytes, in chunks of about `chunkChars` characters:
 * the pieces are encoded as they are written, so the whole part never exists
 * as one string (a Chinese text makes a string of two bytes a character,
 * where UTF-8 needs one for the markup around it).
 */
export function splicedBytes(xml: string, chunkChars = 1 << 16): Uint8Array[] {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const piece of splicedPieces(xml)) {
    batch.push(piece);
    size += piece.length;
    if (size >= chunkChars) {
      chunks.push(encoder.encode(batch.join('')));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) chunks.push(encoder.encode(batch.join('')));
  return chunks;
}

/** A cell's text as the library escapes it in `<w:t>`: the five XML entities; the control characters XML 1.0 forbids are dropped. */
export function escapeCellText(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => XML_ESCAPES[char] ?? '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
