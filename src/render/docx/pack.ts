// Packing a Document into bytes that depend on the input only. docx stamps
// docProps/core.xml with the clock (dcterms:created/modified) and its zip
// entries with the clock's time; both are replaced by the plan's date.

import { Packer, type Document } from 'docx';
import { withFixedZipDates } from './zip-dates.js';

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
