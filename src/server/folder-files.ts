// A plan folder on disk as files (for --demo, which imports the bundled
// plan, and for tests). Symbolic links are left out, as the evidence lister
// leaves them out.

import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FolderFile } from '../documents/plan-archive.js';

/** Every plain file under `dir`, by forward-slash path relative to it, hidden files and folders left out, sorted. */
export async function readFolderFiles(dir: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  async function walk(folder: string, prefix: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(full, relative);
      else if (entry.isFile() && (await lstat(full)).isFile()) files.push({ path: relative, data: new Uint8Array(await readFile(full)) });
    }
  }
  await walk(dir, '');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
