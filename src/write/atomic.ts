// Writes that never leave a half-written document where the clerk expects a
// whole one: write beside the target, then rename (atomic on one filesystem).
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function siblingTemp(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = siblingTemp(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Write several files: all are rendered by the caller first, so a failure here is only an I/O failure. */
export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: Uint8Array | string }>): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}
