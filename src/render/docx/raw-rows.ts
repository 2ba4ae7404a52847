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
/** Rows waiting to be put in place, by stand-in number; taken out when spliced. */
const pending = new Map<number, string>();
let counter = 0;

/**
 * A one-cell stand-in row for `rowsXml` (a sequence of `<w:tr>` elements):
 * the library writes it as any row, and spliceRawRows replaces it by the XML.
 * Use it where a `TableRow` goes in a `Table`'s rows; the document must be
 * packed by render/docx/pack.ts, which splices.
 */
export function standInRow(rowsXml: string): TableRow {
  counter += 1;
  pending.set(counter, rowsXml);
  return new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [new TextRun(`${MARK}${counter}${MARK_END}`)] })] })] });
}

/**
 * `xml` (a part's XML as the library wrote it) with every stand-in row
 * replaced by its rows' XML. Throws when a stand-in's rows are unknown (a
 * document packed twice, or a row made in another process): that is a bug,
 * and writing the stand-in would put its mark on paper.
 */
export function spliceRawRows(xml: string): string {
  if (!xml.includes(MARK)) return xml;
  const parts: string[] = [];
  let from = 0;
  for (let at = xml.indexOf(MARK, from); at !== -1; at = xml.indexOf(MARK, from)) {
    const rowStart = xml.lastIndexOf('<w:tr>', at);
    const rowEnd = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    const numberEnd = xml.indexOf(MARK_END, at + MARK.length);
    const id = Number(xml.slice(at + MARK.length, numberEnd));
    const rows = pending.get(id);
    if (rowStart < from || rowEnd < at || rows === undefined) throw new Error(`raw rows: stand-in row ${id} has no rows (packed twice?)`);
    pending.delete(id);
    parts.push(xml.slice(from, rowStart), rows);
    from = rowEnd;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

/** A cell's text as the library escapes it in `<w:t>`: the five XML entities; the control characters XML 1.0 forbids are dropped. */
export function escapeCellText(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => XML_ESCAPES[char] ?? '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
