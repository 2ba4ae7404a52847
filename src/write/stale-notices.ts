// Supervision notices of an earlier run that this run no longer writes. A
// problem resolved since (or a period's data corrected) leaves its unit's
// notice from the last run in <period>/督办/ beside the new ones, where a
// clerk printing the folder would send a notice nobody owes any more; and a
// notice written again without --pdf leaves the PDF of its earlier text.

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const stemOf = (name: string) => name.replace(/\.(docx|pdf)$/i, '');

/**
 * Removes from `folder` (an output folder's <period>/督办/) every file that
 * `isNotice` says is a notice as an earlier run named it (its Word file or
 * its PDF) and that is out of date: its stem is not the stem of one of
 * `written` (the paths this run wrote there), or it is the PDF of one just
 * rewritten when this run made none (`pdf` false). Everything else — a
 * scanned receipt, a clerk's note, a subfolder — is left alone. Returns the
 * removed paths in name order; a missing folder removes nothing. The caller
 * holds the output folder's lock (documents/files.ts writingInto). Throws
 * what the file system throws (write/fs-errors.ts words it).
 */
export async function removeStaleNotices(folder: string, written: readonly string[], pdf: boolean, isNotice: (fileName: string) => boolean): Promise<string[]> {
  const current = new Set(written.filter((p) => path.dirname(p) === folder).map((p) => stemOf(path.basename(p))));
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const outdated = (name: string) => !current.has(stemOf(name)) || (!pdf && /\.pdf$/i.test(name));
  const stale = entries
    .filter((e) => e.isFile() && isNotice(e.name) && outdated(e.name))
    .map((e) => path.join(folder, e.name))
    .sort();
  for (const file of stale) await rm(file, { force: true });
  return stale;
}
