// The packet's zip: entries sorted by path, one fixed date, deflated once by
// the project's zip writer (formats/zip-writer.ts: zlib, UTF-8 name flag for
// Chinese names).
import { zipFiles, type ZipFile } from '../formats/zip-writer.js';

export type ZipEntry = ZipFile;

/** The zip of `entries` sorted by path (code-unit order), every entry dated `isoDate` (YYYY-MM-DD). */
export function zipEntries(entries: readonly ZipEntry[], isoDate: string): Buffer {
  return zipFiles(
    [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    isoDate,
  );
}
