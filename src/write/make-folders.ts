// Folders made one level at a time. Node's recursive mkdir loops forever —
// at full CPU, never returning — when a folder cannot be made under a parent
// that exists but refuses it with ENOENT (/proc, some network and FUSE
// mounts): `--out /proc/zg` hung zhenggai with no message. Making each
// missing level with a plain mkdir gets that ENOENT back as an error, which
// the write layer reports like any other (write/fs-errors.ts).
import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Create `dir` and any missing parents, as `mkdir -p` does. Returns the first
 * folder it created (undefined when `dir` already existed), like
 * fs.mkdir(dir, { recursive: true }). Throws the fs error of the level that
 * failed (ENOENT, EACCES, EROFS, ENOTDIR, EEXIST for a file in the way).
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (await exists(at)) break;
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  let first: string | undefined;
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
      first ??= folder;
    } catch (error) {
      // Made meanwhile by another run: fine if it is a folder.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await lstat(folder)).isDirectory()) throw error;
    }
  }
  return first;
}

async function exists(at: string): Promise<boolean> {
  try {
    await lstat(at);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
