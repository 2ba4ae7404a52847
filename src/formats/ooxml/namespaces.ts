// The namespaces of the Office Open XML parts zhenggai reads, as readers
// match them: by URI, never by prefix. A file saved as ISO/IEC 29500 Strict
// uses other URIs for the same vocabularies; OOXML_ALIASES reads them as the
// Transitional ones, so each reader names one URI per vocabulary.

/** WordprocessingML: document.xml, numbering.xml, styles.xml. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** SpreadsheetML: workbook, worksheets, shared strings, styles. */
export const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Relationship ids in attributes (r:id). */
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Markup compatibility (mc:AlternateContent). */
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** The package's relationship parts (_rels/*.rels). */
export const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const OOXML_ALIASES: Readonly<Record<string, string>> = {
  'http://purl.oclc.org/ooxml/wordprocessingml/main': W,
  'http://purl.oclc.org/ooxml/spreadsheetml/main': S,
  'http://purl.oclc.org/ooxml/officeDocument/relationships': R,
};
