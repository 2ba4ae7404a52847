// Moving new files and folders into place together, so that a failure — or a
// kill, or a power cut — at any step leaves either all the previous versions
// or all the new ones, never a mix and never nothing.
//
// The new versions are written completely beside their destinations first
// (a temporary file, a staging folder). Then a journal naming every rename is
// written, and the renames run in order: each existing destination is moved
// aside (retired), then its new version moved in. The last rename is the
// commit point. After it the journal is deleted and the retired versions with
// it; before it, an error undoes the renames made so far, newest first.
//
// A run killed in between leaves the journal, and recoverJournals (called by
// the next run in the folder, under its lock) finishes the job from what is on
// disk: when the last rename was made, the new versions stay; otherwise every
// rename made is undone. Each undo is itself a rename that checks the disk
// first, so recovery can be interrupted and run again.

import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { faultPoint } from './faults.js';
import { CannotWrite, cannotWrite, SwapNotUndone, wrongKind } from './fs-errors.js';

/** A new version (`from`, complete) to move to `to`, replacing what is there. */
export interface Install {
  readonly from: string;
  readonly to: string;
}

interface JournalFile {
  readonly version: 1;
  /** Renames in order, relative to the journal's folder; the last one is the commit point. */
  readonly renames: ReadonlyArray<readonly [string, string]>;
  /** The new versions: removed when the renames are undone. */
  readonly newcomers: readonly string[];
  /** The previous versions moved aside: removed once the last rename is made. */
  readonly retired: readonly string[];
}

const JOURNAL = /^\.zhenggai-journal-[0-9a-f]{8}\.json$/;

export function newToken(): string {
  return randomBytes(4).toString('hex');
}

async function kindOf(p: string): Promise<'file' | 'directory' | 'other' | undefined> {
  const info = await lstat(p).catch(() => undefined);
  if (!info) return undefined;
  return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
}

async function exists(p: string): Promise<boolean> {
  return (await kindOf(p)) !== undefined;
}

/** fsync a folder so the renames in it survive a power cut; not every system can (Windows), which is no error. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/** Write `data` to a new file and flush it to the disk before it is closed. */
export async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function retiredName(to: string, token: string): string {
  return path.join(path.dirname(to), `.${path.basename(to)}.old-${token}`);
}

const relative = (root: string, p: string) => path.relative(root, p).split(path.sep).join('/');
const absolute = (root: string, p: string) => path.join(root, ...p.split('/'));

/** Undo the renames made so far (any the disk shows as made), newest first. */
async function undo(root: string, renames: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [from, to] of [...renames].reverse()) {
    const a = absolute(root, from);
    const b = absolute(root, to);
    if (!(await exists(a)) && (await exists(b))) {
      await faultPoint(`undo ${path.basename(a)}`, 'rename', b);
      await rename(b, a);
    }
  }
}

async function removeAll(root: string, paths: readonly string[]): Promise<void> {
  for (const p of paths) await rm(absolute(root, p), { recursive: true, force: true });
}

/**
 * Move every `from` to its `to` as one change (see the top of this file),
 * with the journal in `root`, a folder holding every path involved. Each `to`
 * must be missing or of the same kind as its `from` (a file for a file, a
 * folder for a folder); otherwise no destination is touched. The `from`s are
 * consumed: moved in, or removed on failure. A failure is thrown as
 * CannotWrite naming the destination, after the previous versions are back
 * (SwapNotUndone when even that failed: the next run restores them).
 * `removals` are files (ignored when not files) removed by the same change.
 */
export async function installTogether(root: string, installs: readonly Install[], removals: readonly string[] = []): Promise<void> {
  if (installs.length === 0) return;
  const renames: Array<readonly [string, string]> = [];
  const retired: string[] = [];
  const token = newToken();
  // Files that must go with the change (a zip a run without --zip makes stale): moved aside first, deleted once it is made.
  for (const removal of removals) {
    if ((await kindOf(removal)) !== 'file') continue;
    const aside = retiredName(removal, token);
    renames.push([removal, aside]);
    retired.push(aside);
  }
  for (const [i, install] of installs.entries()) {
    const want = await kindOf(install.from);
    const have = await kindOf(install.to);
    // A file replaces a file or a link (as a rename does); a folder replaces only a folder.
    if (have !== undefined && have !== want && !(want === 'file' && have === 'other')) {
      for (const other of installs) await rm(other.from, { recursive: true, force: true });
      throw wrongKind(install.to, want === 'directory');
    }
    const last = i === installs.length - 1;
    // A file is replaced by one atomic rename; only the last install may skip keeping the old one, as nothing is undone after it.
    if (have === 'directory' || (have !== undefined && !last)) {
      const aside = retiredName(install.to, token);
      renames.push([install.to, aside]);
      retired.push(aside);
    }
    renames.push([install.from, install.to]);
  }
  if (renames.length === 1) {
    const [from, to] = renames[0]!;
    try {
      await faultPoint(`install ${path.basename(to)}`, 'rename', from);
      await rename(from, to);
    } catch (error) {
      await rm(from, { recursive: true, force: true });
      throw await cannotWrite(to, error);
    }
    await syncFolder(path.dirname(to));
    return;
  }

  const journal: JournalFile = {
    version: 1,
    renames: renames.map(([a, b]) => [relative(root, a), relative(root, b)] as const),
    newcomers: installs.map((i) => relative(root, i.from)),
    retired: retired.map((r) => relative(root, r)),
  };
  const journalFile = path.join(root, `.zhenggai-journal-${token}.json`);
  const journalTemp = `${journalFile}.${newToken()}.tmp`;
  try {
    await faultPoint('journal', 'open', journalTemp);
    await writeDurably(journalTemp, `${JSON.stringify(journal, null, 2)}\n`);
    await rename(journalTemp, journalFile);
    await syncFolder(root);
  } catch (error) {
    await rm(journalTemp, { force: true });
    await removeAll(root, journal.newcomers);
    throw await cannotWrite(root, error);
  }

  let failedAt: string | undefined;
  try {
    for (const [from, to] of renames) {
      const destination = retired.includes(to) ? from : to;
      failedAt = destination;
      await faultPoint(`${retired.includes(to) ? 'retire' : 'install'} ${path.basename(destination)}`, 'rename', from);
      await rename(from, to);
    }
  } catch (error) {
    const failure = (await cannotWrite(failedAt!, error)) as CannotWrite;
    try {
      await undo(root, journal.renames);
      await rm(journalFile, { force: true });
    } catch (undoError) {
      throw new SwapNotUndone(failure, undoError);
    }
    await removeAll(root, journal.newcomers);
    throw failure;
  }
  await finish(root, journalFile, journal.retired);
}

/** After the commit point: the journal goes, then the retired versions (what is left of them is swept by a later run). */
async function finish(root: string, journalFile: string, retired: readonly string[]): Promise<void> {
  for (const dir of new Set([root, ...retired.map((r) => path.dirname(absolute(root, r)))])) await syncFolder(dir);
  try {
    await faultPoint('commit', 'unlink', journalFile);
    await rm(journalFile, { force: true });
    for (const r of retired) {
      await faultPoint(`cleanup ${path.basename(r)}`, 'rm', absolute(root, r));
      await rm(absolute(root, r), { recursive: true, force: true });
    }
  } catch {
    // Everything is in place; what is left over is swept by the next run.
  }
}

/** What recoverJournals did with one interrupted change. */
export interface Recovery {
  readonly journal: string;
  readonly outcome: 'kept-new' | 'restored-previous';
  /** The destinations concerned, relative to the folder. */
  readonly destinations: readonly string[];
}

/**
 * Finish or undo every change interrupted in `root` (its journals), from
 * what is on disk. Call it only while holding the folder's lock.
 */
export async function recoverJournals(root: string): Promise<Recovery[]> {
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => JOURNAL.test(n)).sort();
  const done: Recovery[] = [];
  for (const name of names) {
    const journalFile = path.join(root, name);
    let journal: JournalFile;
    try {
      journal = JSON.parse(await readFile(journalFile, 'utf8')) as JournalFile;
    } catch {
      // Written whole by a rename, so unreadable means damaged: nothing can be done with it.
      await rm(journalFile, { force: true });
      continue;
    }
    const destinations = journal.renames.filter(([, to]) => !journal.retired.includes(to)).map(([, to]) => to);
    const [lastFrom, lastTo] = journal.renames.at(-1)!;
    const committed = !(await exists(absolute(root, lastFrom))) && (await exists(absolute(root, lastTo)));
    if (committed) {
      await finish(root, journalFile, journal.retired);
      done.push({ journal: name, outcome: 'kept-new', destinations });
    } else {
      await undo(root, journal.renames);
      await syncFolder(root);
      await faultPoint('commit', 'unlink', journalFile);
      await rm(journalFile, { force: true });
      await removeAll(root, journal.newcomers);
      done.push({ journal: name, outcome: 'restored-previous', destinations });
    }
  }
  return done;
}
