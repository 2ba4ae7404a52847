// The one zip writer for every zip the project writes (the packet zip, Word
// and Excel packages), deflating with Node's built-in zlib: the C library
// measured about 4 × faster than the JavaScript deflates the libraries bring
// (fflate, docx's bundled copy, exceljs's pako; issue 14), it is maintained
// with Node itself, and a given zlib gives the same bytes for the same input.
//
// Output depends on the input only: entries in the order given, every entry
// dated one calendar day (DOS time has no zone, so no local clock enters),
// no extra fields, no comments. Names that are not ASCII get the UTF-8 flag
// (general-purpose bit 11), so Windows Explorer shows Chinese names instead
// of mojibake. An entry that deflate does not shrink (a photo) is stored.

import { crc32, deflateRawSync } from 'node:zlib';
import { dosDateTime } from './zip-dates.js';
import { ZIP_CENTRAL_SIGNATURE, ZIP_DEFLATED, ZIP_EOCD_SIGNATURE, ZIP_LOCAL_SIGNATURE, ZIP_STORED } from './zip-format.js';

/**
 * One file of a zip: its forward-slash path inside the archive and its bytes,
 * whole or as chunks in order (a large part encoded as it was written,
 * render/docx/raw-rows.ts).
 */
export interface ZipFile {
  readonly path: string;
  readonly data: Uint8Array | readonly Uint8Array[];
}

/** The file's bytes as one array (chunks are joined: zlib's one-shot deflate takes one buffer). */
function wholeData(data: ZipFile['data']): Uint8Array {
  if (data instanceof Uint8Array) return data;
  return data.length === 1 ? data[0]! : Buffer.concat(data);
}

const VERSION = 20; // 2.0: deflate, folders
const UTF8_NAME = 0x0800;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** zlib's default: what fflate and JSZip used here too. */
const DEFAULT_LEVEL = 6;

/**
 * The zip of `files`, in their order, each dated `isoDate` (YYYY-MM-DD)
 * 00:00:00. Throws RangeError for what needs zip64 (over 65,535 entries or
 * 4 GiB) and for a date outside 1980–2107.
 */
export function zipFiles(files: Iterable<ZipFile>, isoDate: string, level: number = DEFAULT_LEVEL): Buffer {
  const { date, time } = dosDateTime(isoDate);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.path, 'utf8');
    const data = wholeData(file.data);
    const deflated = deflateRawSync(data, { level });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const flags = /^[\x20-\x7e]*$/.test(file.path) ? 0 : UTF8_NAME;
    if (data.length > MAX_32 || offset + 30 + name.length + body.length > MAX_32) throw new RangeError(`zip: ${file.path} would need zip64 (over 4 GiB)`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(ZIP_LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? ZIP_STORED : ZIP_DEFLATED, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(ZIP_CENTRAL_SIGNATURE, 0);
    entry.writeUInt16LE(VERSION, 4);
    local.copy(entry, 6, 4, 30); // version needed … name length, as in the local header
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, body);
    offset += 30 + name.length + body.length;
  }
  const count = central.length / 2;
  if (count > MAX_16) throw new RangeError(`zip: ${count} entries would need zip64 (over 65,535)`);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(ZIP_EOCD_SIGNATURE, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
