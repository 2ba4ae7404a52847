// Pictures taken out of the forms become evidence files: each gets a name of
// its own in its problem's folder under evidence/ — <unit>-<period>-<n>.<ext>,
// n counting up past every name already there (never overwriting) — and is
// listed after the file names typed in the cell; a picture an earlier import
// of the same form already saved keeps its name. Naming is pure; writing
// happens only once the whole import is known to succeed, and a failure
// after it removes what was written.
import { isProblemEvidenceFolder, problemEvidenceFolderName } from '../../model/evidence-name.js';
import { constants } from 'node:fs';
import { copyFile, link, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { safeFileStem } from '../../layout/safe-name.js';
import type { ImportedEntry } from './validate-form.js';
import type { FormPicture } from './form-pictures.js';
import { makeFolders } from '../../write/make-folders.js';

export interface PlacedPicture {
  /** Path under evidence/, forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly from: FormPicture;
  /** The same picture is already there under this name (the form imported again): nothing to write. */
  readonly existing: boolean;
}

/** The folder of a problem: one already named by its number (07 or 7), else the number with two digits. */
export function problemFolder(shownNumber: string, files: ReadonlySet<string>): string {
  const existing = [...new Set([...files].filter((f) => f.includes('/')).map((f) => f.split('/')[0]!))].filter((d) => isProblemEvidenceFolder(d, shownNumber)).sort();
  return existing[0] ?? problemEvidenceFolderName(shownNumber);
}

function stemOf(unit: string, period: string): string {
  return `${safeFileStem(unit, 120)}-${period}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pictures an earlier import of the same unit's form for this period saved (<folder>/<unit>-<period>-<n>.<ext>): compared by content, so a form imported again (--force) does not save its photos twice. */
export function earlierPictureFiles(entries: readonly ImportedEntry[], period: string, evidenceFiles: ReadonlySet<string>): string[] {
  const patterns = entries
    .filter((e) => e.pictures.length > 0)
    .map((e) => new RegExp(`^${escapeRegExp(problemFolder(e.shownNumber, evidenceFiles))}/${escapeRegExp(stemOf(e.unit, period))}-\\d+\\.[a-z]+$`, 'i'));
  return [...evidenceFiles].filter((f) => patterns.some((p) => p.test(f)));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/**
 * Names for every picture, and the entries with those names added to their
 * evidence. A picture identical to one saved before under this unit's and
 * period's name (`earlier`, from earlierPictureFiles) keeps that name.
 */
export function placePictures(
  entries: readonly ImportedEntry[],
  period: string,
  evidenceFiles: ReadonlySet<string>,
  earlier: ReadonlyMap<string, Uint8Array> = new Map(),
): { entries: ImportedEntry[]; pictures: PlacedPicture[] } {
  const taken = new Set([...evidenceFiles].map((f) => f.toLowerCase()));
  const pictures: PlacedPicture[] = [];
  const placed = entries.map((entry) => {
    if (entry.pictures.length === 0) return entry;
    const folder = problemFolder(entry.shownNumber, evidenceFiles);
    const stem = stemOf(entry.unit, period);
    const paths: string[] = [];
    let n = 1;
    for (const picture of entry.pictures) {
      const same = [...earlier].find(([name, bytes]) => name.startsWith(`${folder}/`) && sameBytes(bytes, picture.bytes))?.[0] ?? pictures.find((p) => p.path.startsWith(`${folder}/`) && sameBytes(p.bytes, picture.bytes))?.path;
      if (same !== undefined) {
        if (!paths.includes(same)) paths.push(same);
        pictures.push({ path: same, bytes: picture.bytes, from: picture, existing: true });
        continue;
      }
      let name = `${folder}/${stem}-${n}.${picture.type}`;
      while (taken.has(name.toLowerCase())) name = `${folder}/${stem}-${++n}.${picture.type}`;
      taken.add(name.toLowerCase());
      n += 1;
      paths.push(name);
      pictures.push({ path: name, bytes: picture.bytes, from: picture, existing: false });
    }
    const typed = (entry.entry.evidence as string[] | undefined) ?? [];
    const evidence = [...typed, ...paths.filter((p) => !typed.includes(p))];
    return { ...entry, entry: { ...entry.entry, evidence } };
  });
  return { entries: placed, pictures };
}

/**
 * Writes the pictures into evidence/, each created new (a file of that name
 * appearing meanwhile stops the import rather than being overwritten), each
 * whole before it has its name. Returns the files written; on failure,
 * removes them and throws.
 */
export async function writePictures(evidenceDir: string, pictures: readonly PlacedPicture[]): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const picture of pictures.filter((p) => !p.existing)) {
      const target = path.join(evidenceDir, ...picture.path.split('/'));
      await makeFolders(path.dirname(target));
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, picture.bytes, { flag: 'wx' });
        try {
          await link(temp, target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
          // A file system without hard links (a FAT-formatted USB stick): copy, still never over an existing file.
          await copyFile(temp, target, constants.COPYFILE_EXCL).catch(async (copyError: NodeJS.ErrnoException) => {
            if (copyError.code !== 'EEXIST') await rm(target, { force: true });
            throw copyError;
          });
        }
        written.push(target);
      } finally {
        await rm(temp, { force: true });
      }
    }
    return written;
  } catch (error) {
    await removeWritten(written);
    throw error;
  }
}

export async function removeWritten(files: readonly string[]): Promise<void> {
  for (const file of files) await rm(file, { force: true });
}
