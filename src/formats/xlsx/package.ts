// The parts of an Office package (a zip) read one at a time: the central
// directory, each part inflated, its text handed on whole (small parts) or in
// pieces (worksheets, shared strings), relationships, and part names resolved
// against each other. The bytes are assumed to have passed the package checks
// of load/xlsx-limits.ts (sizes, ratios, directory consistency) first; what
// does not parse here is reported as a damaged file.
import { inflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.js';
import { parseXml } from './xml.js';
import { ZIP_CENTRAL_SIGNATURE, ZIP_DEFLATED, ZIP_EOCD_SIGNATURE, ZIP_LOCAL_SIGNATURE, ZIP_STORED } from '../zip-format.js';

export { PackageError };

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Text is handed to the XML parser in pieces of this many bytes. */
const CHUNK_BYTES = 1024 * 1024;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name (no leading slash), or the URL of an external target. */
  readonly target: string;
  readonly external: boolean;
}

export class OfficePackage {
  private readonly entries = new Map<string, Entry>();
  private readonly data: Buffer;

  constructor(bytes: Uint8Array) {
    this.data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of centralDirectory(this.data)) this.entries.set(entry.name, entry);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** Uncompressed size as the directory declares it (checked against the data by the package checks). */
  size(part: string): number {
    return this.entry(part).uncompressedSize;
  }

  /** The part's bytes, inflated whole (zlib; at most the size the directory declares, which the package checks held to their limits). */
  bytes(part: string): Uint8Array {
    const entry = this.entry(part);
    const raw = this.raw(entry);
    if (entry.method === ZIP_STORED) return raw;
    try {
      return inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      throw new PackageError(`部件 ${part} 无法解压`);
    }
  }

  /** The part as text (UTF-8, or UTF-16 with a byte-order mark). */
  text(part: string): string {
    return decodeWhole(this.bytes(part), part);
  }

  /**
   * The part's text in pieces, in order, for parts that may be large: the
   * XML parser never sees one string of the whole part. `onText` may throw
   * to stop early.
   */
  streamText(part: string, onText: (text: string) => void): void {
    const bytes = this.bytes(part);
    const decoder = new ChunkDecoder(part);
    for (let at = 0; at < bytes.length || at === 0; at += CHUNK_BYTES) {
      const final = at + CHUNK_BYTES >= bytes.length;
      const text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), final);
      if (text !== '') onText(text);
      if (final) break;
    }
  }

  /** The relationships of a part (from its _rels/<name>.rels), by id; none when it has no such part. */
  relationships(part: string): Map<string, Relationship> {
    const relsPart = relsPartOf(part);
    const result = new Map<string, Relationship>();
    if (!this.has(relsPart)) return result;
    for (const rel of parseXml(this.text(relsPart)).all('Relationship')) {
      const id = rel.attr('Id');
      const target = rel.attr('Target');
      if (id === undefined || target === undefined) continue;
      const external = rel.attr('TargetMode') === 'External';
      result.set(id, { id, type: rel.attr('Type') ?? '', target: external ? target : resolvePart(part, target), external });
    }
    return result;
  }

  private entry(part: string): Entry {
    const entry = this.entries.get(part);
    if (!entry) throw new PackageError(`缺少部件 ${part}`);
    return entry;
  }

  private raw(entry: Entry): Uint8Array {
    const local = entry.localHeaderOffset;
    if (local + 30 > this.data.length || this.data.readUInt32LE(local) !== ZIP_LOCAL_SIGNATURE) throw new PackageError(`部件 ${entry.name} 的位置不对`);
    const start = local + 30 + this.data.readUInt16LE(local + 26) + this.data.readUInt16LE(local + 28);
    if (start + entry.compressedSize > this.data.length) throw new PackageError(`部件 ${entry.name} 越界`);
    if (entry.method !== ZIP_STORED && entry.method !== ZIP_DEFLATED) throw new PackageError(`部件 ${entry.name} 的压缩方式（${entry.method}）不受支持`);
    return this.data.subarray(start, start + entry.compressedSize);
  }
}

function centralDirectory(data: Buffer): Entry[] {
  const floor = Math.max(0, data.length - 22 - 0xffff);
  let eocd = data.length - 22;
  while (eocd >= floor && data.readUInt32LE(eocd) !== ZIP_EOCD_SIGNATURE) eocd -= 1;
  if (eocd < floor) throw new PackageError('找不到 zip 目录');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== ZIP_CENTRAL_SIGNATURE) throw new PackageError('zip 目录已损坏');
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({
      name: data.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels; the package's own: _rels/.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target resolved against the part that names it (../media/image1.png from xl/drawings/ → xl/media/image1.png). */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  return normalise(base + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of decodeURIComponentSafe(path).split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** UTF-8 (the usual) or UTF-16 by its byte-order mark; bytes that are not valid text make the part damaged. */
class ChunkDecoder {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array = new Uint8Array(0);

  constructor(private readonly part: string) {}

  decode(bytes: Uint8Array, final: boolean): string {
    try {
      if (!this.decoder) {
        // Two bytes decide the encoding; keep them until there are two.
        const joined = concat(this.head, bytes);
        if (joined.length < 2 && !final) {
          this.head = joined;
          return '';
        }
        this.decoder = new TextDecoder(encodingOf(joined), { fatal: true });
        return this.decoder.decode(joined, { stream: !final });
      }
      return this.decoder.decode(bytes, { stream: !final });
    } catch {
      throw new PackageError(`部件 ${this.part} 不是有效的文本`);
    }
  }
}

function decodeWhole(bytes: Uint8Array, part: string): string {
  try {
    return new TextDecoder(encodingOf(bytes), { fatal: true }).decode(bytes);
  } catch {
    throw new PackageError(`部件 ${part} 不是有效的文本`);
  }
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
