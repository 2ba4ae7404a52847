// Packing a Document into bytes that depend on the input only. docx stamps
// docProps/core.xml with the clock (dcterms:created/modified) and would stamp
// its zip entries with the clock's time; here both carry the plan's date.

import { Document, Packer, Paragraph, TextRun, type IPropertiesOptions, type ISectionOptions } from 'docx';
import { fixDeterministicParts } from './deterministic.js';
import { zipFiles, type ZipFile } from '../../formats/zip-writer.js';
import { hasStandIns, splicedBytes, splicedPieces } from './raw-rows.js';

export interface PackMeta {
  readonly title: string;
  /** YYYY-MM-DD, used for created/modified and the zip entries. */
  readonly date: string;
  readonly creator?: string;
}

/**
 * The document's package: its parts compiled by docx's own compiler (what
 * Packer.toBuffer zips), table rows written as XML text spliced in
 * (raw-rows.ts), core.xml with the plan's date, zipped by zipFiles
 * (formats/zip-writer.ts: zlib, entries in the compiler's order, dated
 * `meta.date`) rather than by docx's bundled JavaScript deflate.
 */
export async function packDocx(doc: Document, meta: PackMeta): Promise<Buffer> {
  return zipFiles(packageFiles(compiledParts(doc, meta)), meta.date);
}

/**
 * packDocx with the fixes of deterministic.ts (a chart's embedded workbook
 * dated, random and drawing ids numbered) made on the parts before the one
 * deflate. They are made on the library's XML before the raw rows go in:
 * the rows (table-rows.ts) hold text runs only — no relationship id, no
 * drawing — and a part's text is then never decoded and encoded again whole.
 */
export function packDeterministicDocx(doc: Document, meta: PackMeta): Buffer {
  const parts = compiledParts(doc, meta);
  fixDeterministicParts(parts, meta.date);
  return zipFiles(packageFiles(parts), meta.date);
}

/** The compiled parts by path, XML as the library wrote it (raw rows not yet in), in the compiler's order; a path given twice keeps its first place and its last data, as in docx's zipFiles. */
function compiledParts(doc: Document, meta: PackMeta): Record<string, string | Uint8Array> {
  const parts = compiler().compile(doc, undefined, [{ path: 'docProps/core.xml', data: corePropertiesXml(meta) }]);
  const files = new Map<string, string | Uint8Array>();
  for (const [path, data] of parts) files.set(path, typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return Object.fromEntries(files);
}

/** The parts as a zip's files: XML encoded as UTF-8, a part with raw rows in chunks as its rows are written (raw-rows.ts splicedBytes). */
function packageFiles(parts: Record<string, string | Uint8Array>): ZipFile[] {
  const encoder = new TextEncoder();
  return Object.entries(parts).map(([path, data]) => ({ path, data: typeof data !== 'string' ? data : hasStandIns(data) ? splicedBytes(data) : encoder.encode(data) }));
}

/** The end of the sections documentBodyPieces writes: a paragraph of its own section, whose XML is not taken. */
const BODY_END = '\uE000zhenggai-body-end\uE000';

/**
 * The body XML `sections` have inside a document made with `options`, as
 * pieces (raw rows spliced in): each section's content, every section ended
 * by its paragraph of section properties, as the library writes a section
 * that is not the document's last. Compiled as a document of their own, with
 * one more section holding an end mark that is cut off. What a section writes
 * depends on itself only (no footer references — a section that inherits its
 * footers — no numbering, bookmarks or drawings), so a document of many such
 * sections can be compiled a batch at a time and the batches' bodies put in
 * a stand-in paragraph's place (raw-rows.ts standInParagraph): the library's
 * object tree is then held for one batch, not for the whole document (a
 * packet's closure forms: thousands of sections; issue 14, peak memory).
 */
export function* documentBodyPieces(options: Omit<IPropertiesOptions, 'sections'>, sections: readonly ISectionOptions[]): Generator<string> {
  const doc = new Document({ ...options, sections: [...sections, { children: [new Paragraph({ children: [new TextRun(BODY_END)] })] }] });
  const xml = compiler().compile(doc, undefined, []).get('word/document.xml');
  if (typeof xml !== 'string') throw new Error('docx: word/document.xml was not compiled as text');
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.lastIndexOf('<w:p>', xml.indexOf(BODY_END));
  yield* splicedPieces(xml.slice(start, end));
}

interface DocxCompiler {
  compile(doc: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/** docx's compiler: the part of Packer.toBuffer before zipping (docx 9 keeps it on Packer, outside its public types). */
function compiler(): DocxCompiler {
  const found = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (typeof found?.compile !== 'function') throw new Error('docx: Packer.compiler is missing (docx version changed?)');
  return found;
}

/** docProps/core.xml with fixed timestamps (the namespaces docx itself writes). */
export function corePropertiesXml(meta: PackMeta): string {
  const creator = escapeXml(meta.creator ?? 'zhenggai');
  const stamp = `${meta.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:creator>${creator}</dc:creator>` +
    `<cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
