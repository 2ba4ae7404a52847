// Packing a Document into bytes that depend on the input only. docx stamps
// docProps/core.xml with the clock (dcterms:created/modified) and its zip
// entries with the clock's time; both are replaced by the plan's date.

import { Packer, type Document } from 'docx';
import { zipSync } from 'fflate';
import { fixDeterministicParts } from './deterministic.js';
import { withFixedZipDates } from '../../formats/zip-dates.js';

export interface PackMeta {
  readonly title: string;
  /** YYYY-MM-DD, used for created/modified and the zip entries. */
  readonly date: string;
  readonly creator?: string;
}

export async function packDocx(doc: Document, meta: PackMeta): Promise<Buffer> {
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: corePropertiesXml(meta) }]);
  return withFixedZipDates(bytes, meta.date);
}

/**
 * packDocx and then withDeterministicParts (deterministic.ts), deflating once:
 * the document's parts are compiled by docx's own compiler (what
 * Packer.toBuffer zips), fixed, and zipped as docx zips them (fflate's
 * zipSync, each file deflated in the compiler's order), so the bytes are
 * those of unzipping docx's zip, fixing it and zipping it again.
 */
export function packDeterministicDocx(doc: Document, meta: PackMeta): Buffer {
  const parts = compiler().compile(doc, undefined, [{ path: 'docProps/core.xml', data: corePropertiesXml(meta) }]);
  const encoder = new TextEncoder();
  // A path given twice keeps its first place and its last data, as in docx's zipFiles.
  const files = Object.fromEntries(
    [...parts].map(([path, data]) => [path, typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)]),
  );
  fixDeterministicParts(files, meta.date);
  return withFixedZipDates(zipSync(files), meta.date);
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
