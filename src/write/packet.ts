// Writing the county packet: every part into a hidden staging folder beside
// the destination, PDFs and the contents list, the manifest, the zip — then
// the folder and the zip are replaced together (staged-folder.ts). Any
// failure leaves the previous packet and zip as they were.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENTS_STEM, type PacketLayout } from '../model/document/packet.js';
import { UserError } from '../diagnostics/user-error.js';
import type { EvidenceReader } from '../model/evidence-item.js';
import { manifestEntry, type ManifestEntry } from './manifest.js';
import { convertBeside, pdfPageCount } from './pdf-beside.js';
import type { ProgressReporter } from './progress.js';
import { failAfter } from './faults.js';
import { wrongKind } from './fs-errors.js';
import { buildFolderAtomically, type Staging } from './staged-folder.js';
import { zipEntries } from './zip.js';

export const MANIFEST_NAME = 'manifest.json';

export interface PacketBuild {
  destination: string;
  /** Where the zip goes, when one is wanted. */
  zipPath?: string;
  /** Where the zip would go, when none is wanted: a zip there is removed with the swap, so it never stands beside a folder it does not match. */
  staleZipPath?: string;
  layout: PacketLayout;
  /** Bytes of the generated parts, by path relative to the packet folder. */
  documents: ReadonlyMap<string, Uint8Array>;
  /** Where the evidence files are read from. */
  evidence: EvidenceReader;
  /** Renders the contents list; page counts by part index when PDFs were made. */
  contents(pageCounts: ReadonlyMap<number, number> | undefined): Promise<Uint8Array>;
  pdf: boolean;
  /** YYYY-MM-DD for the zip entries' timestamps. */
  date: string;
  progress: ProgressReporter;
}

export interface PacketResult {
  files: string[];
  zipPath?: string;
}

async function writeDocuments(staging: Staging, documents: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const [relative, data] of documents) await staging.write(relative, data);
}

/** Copy evidence; the reader refuses anything that is not a plain file inside evidence/ (the checker has vouched for the names). */
async function copyEvidence(staging: Staging, build: PacketBuild): Promise<void> {
  const copies = build.layout.evidence;
  if (copies.length === 0) return;
  build.progress.start('复制佐证材料', copies.length);
  try {
    for (const copy of copies) {
      const data = await build.evidence.read(copy.from).catch((error: unknown) => {
        throw error instanceof UserError ? new UserError(`第 ${copy.shownNumber} 号问题的${error.message}`) : error;
      });
      await staging.write(copy.to, data);
      build.progress.advance();
    }
  } finally {
    build.progress.stop();
  }
}

/**
 * PDFs of every Word and Excel part and of the contents list, in one
 * LibreOffice launch: the contents list, which lists the parts' page counts,
 * is rendered once their PDFs exist and converted by the same launch
 * (convertBeside's `then`). Writes the contents list's docx into the staging folder.
 */
async function makePdfsAndContents(staging: Staging, build: PacketBuild): Promise<void> {
  const office = build.layout.parts.flatMap((part) => part.files.filter((f) => /\.(docx|xlsx)$/.test(f)).map((f) => ({ part: part.index, file: path.join(staging.dir, f) })));
  build.progress.start('转换 PDF (LibreOffice)', 1);
  try {
    await convertBeside(
      office.map((o) => o.file),
      async (pdfs) => {
        const pages = new Map<number, number>();
        for (const [i, pdf] of pdfs.entries()) {
          const part = office[i]!.part;
          pages.set(part, (pages.get(part) ?? 0) + pdfPageCount(await readFile(pdf)));
        }
        failAfter('pdf');
        await staging.write(`${CONTENTS_STEM}.docx`, await build.contents(pages));
        return [path.join(staging.dir, `${CONTENTS_STEM}.docx`)];
      },
    );
    build.progress.advance();
  } finally {
    build.progress.stop();
  }
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else files.push(relative);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function writeManifest(staging: Staging): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const file of await listFiles(staging.dir)) entries.push(manifestEntry(file, await readFile(path.join(staging.dir, file))));
  await staging.write(MANIFEST_NAME, `${JSON.stringify({ files: entries }, null, 2)}\n`);
  return entries;
}

/**
 * Build the packet; the folder and the zip are replaced together. Steps can
 * be made to fail with ZHENGGAI_FAIL_AFTER=<step> (documents, evidence, pdf,
 * contents, manifest, zip) and each write with ZHENGGAI_FAIL_WRITE (faults.ts).
 */
export async function writePacket(build: PacketBuild): Promise<PacketResult> {
  const zipPath = build.zipPath;
  // A folder where the zip goes is refused before the long build (staged-folder.ts checks again before the swap).
  if (zipPath && (await lstat(zipPath).catch(() => undefined))?.isDirectory()) throw wrongKind(zipPath, false);
  const built = await buildFolderAtomically(
    build.destination,
    async (dir, staging) => {
      await writeDocuments(staging, build.documents);
      failAfter('documents');
      await copyEvidence(staging, build);
      failAfter('evidence');
      if (build.pdf) await makePdfsAndContents(staging, build);
      else {
        failAfter('pdf');
        await staging.write(`${CONTENTS_STEM}.docx`, await build.contents(undefined));
      }
      failAfter('contents');
      await writeManifest(staging);
      failAfter('manifest');
      const files = await listFiles(dir);
      if (!zipPath) return { files };
      // Entries sit under the packet folder's own name, so unzipping gives one folder, not a scatter.
      const top = path.basename(build.destination);
      const zip = zipEntries(await Promise.all(files.map(async (f) => ({ path: `${top}/${f}`, data: await readFile(path.join(dir, f)) }))), build.date);
      failAfter('zip');
      return { files, zip };
    },
    { beside: ({ zip }) => (zipPath && zip ? [{ path: zipPath, data: zip }] : []), ...(build.staleZipPath ? { remove: [build.staleZipPath] } : {}) },
  );
  return { files: built.files, ...(zipPath ? { zipPath } : {}) };
}
