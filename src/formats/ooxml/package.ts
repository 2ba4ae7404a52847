// An Office package (the zip inside an .xlsx or .docx) as its parts and
// relationships. Parts are found the way the package says, through
// _rels/*.rels, not by the names Excel and Word happen to use, and part
// names compare without case, as OPC requires: a producer that writes
// xl/SharedStrings.xml or keeps its document in word/document2.xml is read
// the same. Only XML parts are inflated. The caller has already checked the
// zip against the size limits (load/xlsx-limits.ts).
import { unzipSync } from 'fflate';
import { decodeXml, parseXml, attr, childElements } from '../xml.js';
import { OOXML_ALIASES, PACKAGE_RELATIONSHIPS } from './namespaces.js';

export interface Relationship {
  readonly id: string;
  /** The last segment of the relationship type (officeDocument, worksheet, styles, …): the same in Transitional and Strict. */
  readonly type: string;
  /** The target part's name, resolved and without a leading slash. */
  readonly target: string;
}

export class OoxmlPackage {
  private readonly parts = new Map<string, Uint8Array>();

  constructor(data: Uint8Array) {
    const files = unzipSync(data, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
    for (const [name, bytes] of Object.entries(files)) this.parts.set(key(name), bytes);
  }

  has(name: string): boolean {
    return this.parts.has(key(name));
  }

  /** A part's text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const bytes = this.parts.get(key(name));
    return bytes && decodeXml(bytes);
  }

  /** The relationships of a part (or of the package, for ''). */
  relationships(source: string): Relationship[] {
    const slash = source.lastIndexOf('/');
    const folder = source.slice(0, slash + 1);
    const text = this.text(`${folder}_rels/${source.slice(slash + 1)}.rels`);
    if (text === undefined) return [];
    return childElements(parseXml(text, { aliases: OOXML_ALIASES }), PACKAGE_RELATIONSHIPS, 'Relationship')
      .filter((r) => attr(r, '', 'TargetMode') !== 'External')
      .map((r) => ({
        id: attr(r, '', 'Id') ?? '',
        type: (attr(r, '', 'Type') ?? '').split('/').at(-1) ?? '',
        target: resolve(folder, attr(r, '', 'Target') ?? ''),
      }));
  }

  /** The first part related to `source` by a relationship of this type, if the package has it. */
  related(source: string, type: string): string | undefined {
    return this.relationships(source).find((r) => r.type === type && this.has(r.target))?.target;
  }

  /** The main document: the package's officeDocument relationship, or the usual name when the relationship is missing. */
  mainPart(usual: string): string | undefined {
    return this.related('', 'officeDocument') ?? (this.has(usual) ? usual : undefined);
  }
}

function key(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** A relationship target against its source's folder: absolute (/xl/…) or relative (worksheets/…, ../media/…). */
function resolve(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % is a literal character of the name
  }
  const segments = (decoded.startsWith('/') ? decoded : folder + decoded).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}
