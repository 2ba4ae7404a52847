// What interrupted runs leave behind, removed by the next run: in an output
// folder (only while holding its lock, so no live run still owns them)
// half-built staging folders, versions moved aside, temporary files of atomic
// writes, stale lock files; in the system temp folder, the PDF staging
// folders and LibreOffice profiles of processes that no longer run.

import { readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** `.<name>.building-<8 hex>`: a staging folder (staged-folder.ts). */
const BUILDING = /^\.(.+)\.building-[0-9a-f]{8}$/;
/** `.<name>.old-<8 hex>`: a previous version moved aside (journal.ts). */
const RETIRED = /^\.(.+)\.old-[0-9a-f]{8}$/;
/** `.<name>.<8 hex>.tmp`: an atomic write's temporary file (atomic.ts), `.zhenggai.lock.stale-<8 hex>`: a lock being taken over. */
const TEMPORARY = /^\..+\.[0-9a-f]{8}\.tmp$|^\.zhenggai\.lock\.stale-[0-9a-f]{8}$/;
/** `zhenggai-pdf-<pid>-…`, `zhenggai-lo-<pid>-…` in the temp folder (pdf-beside.ts, pdf.ts). */
const TEMP_DIR = /^zhenggai-(?:pdf|lo)-(\d+)-[0-9A-Za-z]+$/;

/** What a sweep did, by path. */
export interface Swept {
  readonly removed: string[];
  /** Folders put back where a run killed between two renames (by a version without the journal) left none. */
  readonly restored: string[];
}

async function names(dir: string): Promise<Array<{ name: string; isDirectory: boolean }>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
}

async function sweepOne(dir: string, swept: Swept): Promise<void> {
  const entries = await names(dir);
  const present = new Set(entries.map((e) => e.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const retired = RETIRED.exec(entry.name);
    if (retired && entry.isDirectory && !present.has(retired[1]!)) {
      await rename(full, path.join(dir, retired[1]!));
      present.add(retired[1]!);
      swept.restored.push(path.join(dir, retired[1]!));
    } else if (retired || BUILDING.test(entry.name) || TEMPORARY.test(entry.name)) {
      await rm(full, { recursive: true, force: true });
      swept.removed.push(full);
    }
  }
}

/**
 * Sweep `root` and the folders `subfolders` names in it ('all': every
 * folder). Call only while holding the folder's lock and after its journals
 * were recovered (journal.ts), so nothing swept belongs to a live run.
 */
export async function sweepLeftovers(root: string, subfolders: 'all' | readonly string[]): Promise<Swept> {
  const swept: Swept = { removed: [], restored: [] };
  await sweepOne(root, swept);
  const below = subfolders === 'all' ? (await names(root)).filter((e) => e.isDirectory && !e.name.startsWith('.')).map((e) => e.name) : subfolders;
  for (const sub of below) await sweepOne(path.join(root, sub), swept);
  return swept;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the PDF staging folders and LibreOffice profiles in `tempDir` whose process is gone; returns their paths. */
export async function sweepTempFolders(tempDir: string = os.tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await names(tempDir)) {
    const owner = TEMP_DIR.exec(entry.name);
    if (!owner || !entry.isDirectory || running(Number(owner[1]))) continue;
    await rm(path.join(tempDir, entry.name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(path.join(tempDir, entry.name));
  }
  return removed;
}
