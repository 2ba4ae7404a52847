// What packDocx leaves to chance when a document holds a native chart
// (docx/charts): the chart's data is a workbook zipped inside the docx and
// stamped with the clock, its relationships get random ids (nanoid), and its
// drawing id (wp:docPr) comes from a counter that runs on from one document
// to the next in the same process. docs/domain.md#deterministic-output asks for byte-identical
// output, so the inner zips get the document's date, random ids become
// numbered ones in order of first use, drawing ids are numbered from 1, and
// the outer zip is written again around them (dated likewise).

import { createRequire } from 'node:module';
import { withFixedZipDates } from '../../formats/zip-dates.js';
import { zipFiles } from '../../formats/zip-writer.js';

const EMBEDDED_ZIP = /^word\/embeddings\/.+\.(xlsx|docx|pptx)$/;
const XML_PART = /\.(xml|rels)$/;
/** docx's random relationship ids: rId + 21 characters of nanoid's alphabet, lower-cased. */
const RANDOM_ID = /rId[a-z0-9_-]{21}(?=")/g;
/** Numbered ids cannot meet docx's own (rId1, rId2, …) or a random one. */
const FIXED_ID_PREFIX = 'rIdFixed';
/** Drawing ids, unique across the document's parts. */
const DRAWING_ID = /(<wp:docPr id=")(\d+)(")/g;
/** The parts are UTF-8 XML. */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The docx with embedded zips dated `isoDate`, random and drawing ids numbered; unchanged when it has none of them. */
export function withDeterministicParts(docx: Buffer, isoDate: string): Buffer {
  // fflate is loaded here only: the one-pass path (pack.ts) never unzips, and a command need not load it.
  const { unzipSync } = createRequire(import.meta.url)('fflate') as typeof import('fflate');
  const files = unzipSync(docx);
  return fixDeterministicParts(files, isoDate) ? zipFiles(Object.entries(files).map(([path, data]) => ({ path, data })), isoDate) : docx;
}

/**
 * The same fixes on a package's files before they are zipped (pack.ts zips
 * them once): embedded zips dated, random and drawing ids numbered, in place.
 * An XML part may be given as its text (pack.ts: as the library wrote it),
 * and a fixed one is put back as text then. False when the files have none of
 * them and nothing changed.
 */
export function fixDeterministicParts(files: Record<string, Uint8Array | string>, isoDate: string): boolean {
  const names = Object.keys(files);
  const embedded = names.filter((name) => EMBEDDED_ZIP.test(name));
  const xml = names.filter((name) => XML_PART.test(name)).sort();
  const textOf = (data: Uint8Array | string) => (typeof data === 'string' ? data : decoder.decode(data));
  const texts = new Map(xml.map((name) => [name, textOf(files[name]!)]));
  const ids = randomIds([...texts.values()]);
  const drawings = [...texts.values()].some((text) => text.includes('<wp:docPr '));
  if (embedded.length === 0 && ids.size === 0 && !drawings) return false;
  for (const name of embedded) {
    const data = files[name]!;
    files[name] = withFixedZipDates(typeof data === 'string' ? encoder.encode(data) : data, isoDate);
  }
  let drawing = 0;
  for (const [name, text] of texts) {
    const fixed = text.replace(RANDOM_ID, (id) => ids.get(id)!).replace(DRAWING_ID, (_, open: string, _id: string, close: string) => `${open}${(drawing += 1)}${close}`);
    if (fixed !== text) files[name] = typeof files[name] === 'string' ? fixed : encoder.encode(fixed);
  }
  return true;
}

/** Each random id and its numbered replacement, numbered in order of first appearance. */
function randomIds(texts: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const text of texts) for (const [id] of text.matchAll(RANDOM_ID)) if (!ids.has(id)) ids.set(id, `${FIXED_ID_PREFIX}${ids.size + 1}`);
  return ids;
}
