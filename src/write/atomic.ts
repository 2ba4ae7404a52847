// Writes that never leave a half-written document where the clerk expects a
// whole one: each file is written and flushed beside its target under a
// hidden temporary name, then renamed over it (atomic on one filesystem);
// several files are moved in together through a journal (journal.ts), so a
// command's files are all new or all as they were. Every failure of the disk
// comes out as CannotWrite naming the file.

import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { faultPoint } from './faults.js';
import { writing } from './fs-errors.js';
import { installTogether, newToken, syncFolder, writeDurably } from './journal.js';
import { makeFolders } from './make-folders.js';

/** A file to write: where, and its bytes. */
export interface FileToWrite {
  readonly path: string;
  readonly data: Uint8Array | string;
}

/** The hidden temporary name beside `target`: .<name>.<8 hex>.tmp (swept by the next run if left over). */
export function siblingTemp(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${newToken()}.tmp`);
}

/**
 * Create `dir` and its parents; a failure names `target` (the file that was
 * to go there). Returns the first folder it created, if any.
 */
export async function ensureFolder(dir: string, target: string = dir): Promise<string | undefined> {
  return writing(target, async () => {
    await faultPoint(`mkdir ${path.basename(dir)}`, 'mkdir', dir);
    return makeFolders(dir);
  });
}

/** Write `data` to a new temporary file beside `target` and flush it; returns its name. */
export async function writeTemp(target: string, data: Uint8Array | string): Promise<string> {
  const temp = siblingTemp(target);
  await writing(target, async () => {
    try {
      await faultPoint(`temp ${path.basename(target)}`, 'write', temp);
      await writeDurably(temp, data);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  });
  return temp;
}

/** One file, replaced whole: a temporary file beside it, then one rename. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await ensureFolder(path.dirname(target), target);
  const temp = await writeTemp(target, data);
  await writing(target, async () => {
    try {
      await faultPoint(`install ${path.basename(target)}`, 'rename', temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  });
  await syncFolder(path.dirname(target));
}

/**
 * Several files, all new or all as they were: every one is written to its
 * temporary file first (a full disk shows here, before anything changes),
 * then all are moved in together with the journal in `root`, a folder
 * holding them all. Only one run may do this in `root` at a time (the
 * folder's lock, output-folder.ts).
 */
export async function writeFilesTogether(root: string, files: readonly FileToWrite[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) {
      await ensureFolder(path.dirname(file.path), file.path);
      temps.push(await writeTemp(file.path, file.data));
    }
  } catch (error) {
    for (const temp of temps) await rm(temp, { force: true });
    throw error;
  }
  await installTogether(
    root,
    files.map((file, i) => ({ from: temps[i]!, to: file.path })),
  );
}

