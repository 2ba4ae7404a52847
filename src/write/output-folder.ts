// Opening a folder for writing: create it, take its lock (lock.ts), finish or
// undo any change an interrupted run left half-made (journal.ts), and sweep
// what interrupted runs left behind (sweep.ts). Every command that writes
// goes through this, so these hold for all of them.

import { rmdir } from 'node:fs/promises';
import path from 'node:path';
import { lockFolder, type FolderLock, type LockOptions } from './lock.js';
import { ensureFolder } from './atomic.js';
import { recoverJournals, type Recovery } from './journal.js';
import { sweepLeftovers, sweepTempFolders, type Swept } from './sweep.js';

export interface OpenedFolder {
  readonly root: string;
  readonly lock: FolderLock;
  /** Changes interrupted by an earlier run, finished or undone now. */
  readonly recovered: readonly Recovery[];
  readonly swept: Swept;
  /** Give up the lock; after a failure, also remove the folders this opening created if they are still empty. */
  release(failed: boolean): Promise<void>;
}

export interface OpenOptions extends LockOptions {
  /** Folders in the root where files are written and leftovers may be ('all', or names). */
  readonly subfolders: 'all' | readonly string[];
}

export async function openOutputFolder(root: string, options: OpenOptions): Promise<OpenedFolder> {
  const created = await ensureFolder(root);
  /** A failed run leaves no empty folders behind it. */
  const removeCreated = async () => {
    if (created === undefined) return;
    for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false))) return;
      if (dir === path.resolve(created) || path.dirname(dir) === dir) return;
    }
  };
  let lock: FolderLock;
  try {
    lock = await lockFolder(root, options);
  } catch (error) {
    await removeCreated();
    throw error;
  }
  try {
    const recovered = await recoverJournals(root);
    const swept = await sweepLeftovers(root, options.subfolders);
    await sweepTempFolders().catch(() => []);
    return {
      root,
      lock,
      recovered,
      swept,
      async release(failed) {
        await lock.release();
        if (failed) await removeCreated();
      },
    };
  } catch (error) {
    await lock.release();
    await removeCreated();
    throw error;
  }
}
