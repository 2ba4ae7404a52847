// Opening a folder for writing: create it, take its lock (lock.ts), finish or
// undo any change an interrupted run left half-made (journal.ts), and sweep
// what interrupted runs left behind (sweep.ts). Every command that writes
// goes through this, so these hold for all of them.

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
  release(): Promise<void>;
}

export interface OpenOptions extends LockOptions {
  /** Folders in the root where files are written and leftovers may be ('all', or names). */
  readonly subfolders: 'all' | readonly string[];
}

export async function openOutputFolder(root: string, options: OpenOptions): Promise<OpenedFolder> {
  await ensureFolder(root);
  const lock = await lockFolder(root, options);
  try {
    const recovered = await recoverJournals(root);
    const swept = await sweepLeftovers(root, options.subfolders);
    await sweepTempFolders().catch(() => []);
    return { root, lock, recovered, swept, release: () => lock.release() };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
