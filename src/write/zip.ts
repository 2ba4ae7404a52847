// Deterministic zip: sorted entries, one fixed timestamp, UTF-8 name flag
// (fflate sets general-purpose bit 11 for non-ASCII names, so Windows
// Explorer shows Chinese names instead of mojibake).
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Forward-slash path inside the archive. */
  path: string;
  data: Uint8Array;
}

/**
 * DOS timestamps have no zone: fflate reads the Date's local fields, so build
 * the Date from local fields too and every machine writes the same bytes.
 */
function dosTime(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0);
}

export function zipEntries(entries: readonly ZipEntry[], isoDate: string): Uint8Array {
  const mtime = dosTime(isoDate);
  const files: Zippable = {};
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    files[entry.path] = [entry.data, { mtime, level: 6 }];
  }
  return zipSync(files, { mtime });
}
