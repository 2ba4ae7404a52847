// Supervision notices of an earlier run that this run no longer writes. A
// problem resolved since (or a period's data corrected) leaves its unit's
// notice from the last run in <period>/督办/ beside the new ones, where a
// clerk printing the folder would send a notice nobody owes any more.

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The files a notice is written as: its Word file and, with --pdf, the PDF beside it. */
const NOTICE_FILE = /\.(docx|pdf)$/i;

const stemOf = (name: string) => name.replace(NOTICE_FILE, '');

/**
 * Removes from `folder` (an output folder's <period>/督办/, which only
 * `supervise` writes) every .docx and .pdf whose stem is not the stem of one
 * of `written` (the paths this run wrote there), and returns the removed
 * paths in name order. Other files are left alone. A missing folder removes
 * nothing. The caller holds the output folder's lock (documents/files.ts
 * writingInto). Throws what the file system throws (write/fs-errors.ts
 * words it).
 */
export async function removeStaleNotices(folder: string, written: readonly string[]): Promise<string[]> {
  const current = new Set(written.filter((p) => path.dirname(p) === folder).map((p) => stemOf(path.basename(p))));
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const stale = entries
    .filter((e) => e.isFile() && NOTICE_FILE.test(e.name) && !current.has(stemOf(e.name)))
    .map((e) => path.join(folder, e.name))
    .sort();
  for (const file of stale) await rm(file, { force: true });
  return stale;
}
