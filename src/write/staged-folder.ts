// A folder that appears whole or not at all, with files beside it (the
// packet's zip) that change with it: the folder is built in a hidden staging
// folder beside its destination, the files beside are written to temporary
// files, everything is flushed to the disk, and then all are moved in
// together through a journal (journal.ts). A failure at any step leaves the
// previous folder and files as they were and removes what was half-built; a
// kill at any step is finished or undone by the next run in the folder.

import { lstat, mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureFolder, writeTemp, type FileToWrite } from './atomic.js';
import { faultPoint } from './faults.js';
import { CannotWrite, cannotWrite, wrongKind } from './fs-errors.js';
import { installTogether, newToken, syncFolder } from './journal.js';
import { makeFolders } from './make-folders.js';

export { failAfter, InjectedFailure } from './faults.js';

/** Flush every file and folder under `dir` to the disk. */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(full);
    else if (entry.isFile()) {
      const handle = await open(full, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }
  await syncFolder(dir);
}

/** A file's place in the staging folder, named in messages by its place in the destination. */
export class Staging {
  constructor(
    readonly dir: string,
    readonly destination: string,
  ) {}

  /** Write a file at `relative` (forward slashes) in the staging folder. */
  async write(relative: string, data: Uint8Array | string): Promise<void> {
    const file = path.join(this.dir, ...relative.split('/'));
    try {
      await faultPoint(`stage ${relative}`, 'write', file);
      await makeFolders(path.dirname(file));
      await writeFile(file, data);
    } catch (error) {
      throw await cannotWrite(path.join(this.destination, ...relative.split('/')), error);
    }
  }
}

/** Messages name the destination, not the hidden staging folder. */
function inDestination(error: unknown, staging: string, destination: string): unknown {
  if (error instanceof CannotWrite && (error.target === staging || error.target.startsWith(staging + path.sep))) {
    return new CannotWrite(destination + error.target.slice(staging.length), error.cause, error.culprit);
  }
  return error;
}

export interface StagedFolderOptions<T> {
  /** Files to write beside the folder and replace together with it (the packet's zip), from the build's result. */
  readonly beside?: (value: T) => readonly FileToWrite[];
  /** Files removed together with the swap (a zip that would no longer match the folder). */
  readonly remove?: readonly string[];
  /** The folder that holds the journal, whose lock the caller holds; by default the destination's parent (it must hold the files beside too). */
  readonly root?: string;
}

/**
 * Run `build` in a staging folder (`dir`; `staging.write` names a failing
 * file by its place in the destination), then replace `destination` with
 * what it built, and the files `options.beside` asks for, all together.
 */
export async function buildFolderAtomically<T>(
  destination: string,
  build: (dir: string, staging: Staging) => Promise<T>,
  options: StagedFolderOptions<T> = {},
): Promise<T> {
  const parent = path.dirname(destination);
  await ensureFolder(parent, destination);
  const existing = await lstat(destination).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw wrongKind(destination, true);
  const staging = path.join(parent, `.${path.basename(destination)}.building-${newToken()}`);
  try {
    await faultPoint('stage', 'mkdir', staging);
    await mkdir(staging);
  } catch (error) {
    throw await cannotWrite(destination, error);
  }
  const temps: string[] = [];
  let value: T;
  let beside: readonly FileToWrite[];
  try {
    value = await build(staging, new Staging(staging, destination));
    beside = options.beside?.(value) ?? [];
    for (const file of beside) {
      if ((await lstat(file.path).catch(() => undefined))?.isDirectory()) throw wrongKind(file.path, false);
      temps.push(await writeTemp(file.path, file.data));
    }
    await syncTree(staging).catch(async (error: unknown) => {
      throw await cannotWrite(destination, error);
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    for (const temp of temps) await rm(temp, { force: true });
    throw inDestination(error, staging, destination);
  }
  await installTogether(
    options.root ?? parent,
    [{ from: staging, to: destination }, ...beside.map((file, i) => ({ from: temps[i]!, to: file.path }))],
    options.remove,
  );
  return value;
}
