// Lists the plan's evidence folder. Symbolic links are reported, never followed:
// a link could point outside the plan and leak files into a packet.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/user-error.js';
import type { EvidenceReader } from '../model/evidence-item.js';

export async function listEvidence(evidenceDir: string): Promise<{ files: Set<string>; diagnostics: Diagnostic[] }> {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        diagnostics.push({ file: path.relative(process.cwd(), full) || full, ruleId: 'evidence-symlink', severity: 'warning', message: '佐证材料中的符号链接不会被读取或打包' });
      } else if (entry.isDirectory()) {
        await walk(full, relative);
      } else if (entry.isFile() && (await lstat(full)).isFile()) {
        files.add(relative);
      }
    }
  }
  // evidence/ itself may be a link too (to a folder outside the plan): then nothing in it is read.
  const top = await lstat(evidenceDir).catch(() => undefined);
  if (top?.isSymbolicLink()) {
    diagnostics.push({ file: path.relative(process.cwd(), evidenceDir) || evidenceDir, ruleId: 'evidence-symlink', severity: 'warning', message: '佐证材料文件夹 evidence/ 是符号链接，其中的文件不会被读取或打包' });
    return { files, diagnostics };
  }
  await walk(evidenceDir, '');
  return { files, diagnostics };
}

/**
 * Evidence read from a folder on disk. A symbolic link or a path that leaves
 * the folder is refused (UserError) even when a layout names it: the checker
 * vouched for the names, this is the last guard before bytes leave the plan.
 */
export function folderEvidenceReader(evidenceDir: string): EvidenceReader {
  const root = path.resolve(evidenceDir);
  return {
    async read(relativePath) {
      const source = path.resolve(root, relativePath);
      const info = await lstat(source).catch(() => undefined);
      if (!source.startsWith(root + path.sep) || !info?.isFile()) {
        throw new UserError(`佐证材料不能读取：${source}（应为 evidence/ 中的普通文件）`);
      }
      return readFile(source);
    },
  };
}
