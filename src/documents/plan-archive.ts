// A plan folder as one zip file, both ways: the server takes a plan folder
// uploaded as a zip and gives the folder back as a zip. Files inside are
// named with forward slashes relative to the folder (plan.json,
// progress/2023-11.json, evidence/01/x.jpg).

import { unzipSync } from 'fflate';
import { UserError } from '../diagnostics/user-error.js';
import { zipFiles } from '../formats/zip-writer.js';

/** One file of a plan folder: its forward-slash path in the folder and its bytes. */
export interface FolderFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/** Limits on an uploaded archive, so a zip bomb is refused before it is inflated. */
export const ARCHIVE_LIMITS = { files: 20_000, bytes: 2 * 1024 * 1024 * 1024 } as const;

/** The zip of a plan folder's files, every entry dated `isoDate` (byte-reproducible, formats/zip-writer.ts). */
export function planFolderZip(files: readonly FolderFile[], isoDate: string): Buffer {
  return zipFiles(files, isoDate);
}

/**
 * The files of a zipped plan folder, relative to the folder holding
 * plan.json (a zip of the folder itself, `guanyang-2022/plan.json`, and a zip
 * of its contents both work), as planFolderFiles sorts them. UserError
 * (naming `shownName`) for a file that is no zip or one over ARCHIVE_LIMITS.
 */
export function readPlanArchive(bytes: Uint8Array, shownName: string): { folderName?: string; files: FolderFile[] } {
  let count = 0;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (count > ARCHIVE_LIMITS.files || total > ARCHIVE_LIMITS.bytes) throw new RangeError('limits');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${shownName}：压缩包过大（上限 ${ARCHIVE_LIMITS.files} 个文件、解压后 2 GB）(archive too large)`);
    throw new UserError(`${shownName}：不是有效的 zip 压缩包 (not a zip file)`);
  }
  return planFolderFiles(Object.entries(entries).map(([path, data]) => ({ path, data })), shownName);
}

/**
 * A plan folder's files from files named by their paths (in a zip, or sent
 * by a browser's folder upload): paths made relative to the folder holding
 * plan.json (the shallowest one), whose name is returned when it has one;
 * files outside it, hidden files and folders (.zhenggai.lock, .DS_Store) and
 * macOS `__MACOSX/` entries left out; sorted by path. UserError naming
 * `shownName` for a path climbing out (`../`, absolute) and for no plan.json.
 */
export function planFolderFiles(entries: readonly FolderFile[], shownName: string): { folderName?: string; files: FolderFile[] } {
  const named = entries.map((e) => ({ path: e.path.replace(/\\/g, '/'), data: e.data }));
  for (const { path } of named) {
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')) throw new UserError(`${shownName}：路径“${path}”指向文件夹以外 (path leaves the folder)`);
  }
  const visible = named.filter((e) => !e.path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'));
  const planFile = visible.map((e) => e.path).filter((p) => p === 'plan.json' || p.endsWith('/plan.json')).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (planFile === undefined) throw new UserError(`${shownName}：其中没有 plan.json（应为方案文件夹）(no plan.json)`);
  const prefix = planFile.slice(0, planFile.length - 'plan.json'.length);
  const folderName = prefix === '' ? undefined : prefix.split('/').at(-2);
  const files = visible
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ path: f.path.slice(prefix.length), data: f.data }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...(folderName === undefined ? {} : { folderName }), files };
}
