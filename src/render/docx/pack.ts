// Packing a Document into bytes that depend on the input only. docx stamps
// docProps/core.xml with the clock (dcterms:created/modified) and would stamp
// its zip entries with the clock's time; here both carry the plan's date.

import { Packer, type Document } from 'docx';
import { fixDeterministicParts } from './deterministic.js';
import { zipFiles } from '../../formats/zip-writer.js';
import { spliceRawRows } from './raw-rows.js';

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
  return zipFiles(packageFiles(doc, meta), meta.date);
}

/**
 * packDocx with the fixes of deterministic.ts (a chart's embedded workbook
 * dated, random and drawing ids numbered) made on the parts before the one
 * deflate.
 */
export function packDeterministicDocx(doc: Document, meta: PackMeta): Buffer {
  const files = Object.fromEntries(packageFiles(doc, meta).map((f) => [f.path, f.data]));
  fixDeterministicParts(files, meta.date);
  return zipFiles(
    Object.entries(files).map(([path, data]) => ({ path, data })),
    meta.date,
  );
}

/** The compiled parts as bytes, in the compiler's order; a path given twice keeps its first place and its last data, as in docx's zipFiles. */
function packageFiles(doc: Document, meta: PackMeta): Array<{ path: string; data: Uint8Array }> {
  const parts = compiler().compile(doc, undefined, [{ path: 'docProps/core.xml', data: corePropertiesXml(meta) }]);
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of parts) files.set(path, typeof data === 'string' ? encoder.encode(spliceRawRows(data)) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return [...files].map(([path, data]) => ({ path, data }));
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
