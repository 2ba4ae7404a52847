// Fixed timestamps inside a zip written by a library. Zips the project writes
// itself are dated when written (zip-writer.ts, dosDateTime below); the one
// left is the workbook docx embeds in a native chart (fflate, stamped with the
// clock), so the same input would give different bytes a second later.
// docs/domain.md#deterministic-output asks for byte-identical output; this
// rewrites the DOS date/time of every entry, in the local headers and the
// central directory, to one given date. Nothing else changes: the stamps are
// outside the compressed data and its CRC.

import { ZIP_CENTRAL_SIGNATURE, ZIP_EOCD_SIGNATURE, ZIP_LOCAL_SIGNATURE } from './zip-format.js';

const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** MS-DOS date and time words (zip APPNOTE 4.4.6) for a calendar date at midnight. */
export function dosDateTime(isoDate: string): { date: number; time: number } {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!(y >= 1980 && y <= 2107)) throw new RangeError(`zip dates cannot hold the year ${y}`);
  return { date: ((y - 1980) << 9) | (m << 5) | d, time: 0 };
}

/** A copy of the zip with every entry dated `isoDate` 00:00:00. */
export function withFixedZipDates(zip: Uint8Array, isoDate: string): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(isoDate);
  const eocd = findEndOfCentralDirectory(out);
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i += 1) {
    if (out.readUInt32LE(at) !== ZIP_CENTRAL_SIGNATURE) throw new Error('zip: bad central directory entry');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== ZIP_LOCAL_SIGNATURE) throw new Error('zip: bad local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_MIN_SIZE - MAX_COMMENT);
  for (let at = buf.length - EOCD_MIN_SIZE; at >= stop; at -= 1) {
    if (buf.readUInt32LE(at) === ZIP_EOCD_SIGNATURE) return at;
  }
  throw new Error('zip: no end of central directory');
}
