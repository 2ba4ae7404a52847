import path from 'node:path';
import { renderTaskTableDocx } from '../../render/docx/task-table.js';
import { renderTaskTableXlsx } from '../../render/xlsx/task-table.js';
import { planOutputDir } from '../../write/output-paths.js';
import { safeFileName } from '../../layout/safe-name.js';
import { convertOutputsToPdf, loadCheckedFolder, requireSofficeIf, writeOutputs, type OutputFile, type Print } from './shared.js';

export type TableType = 'xlsx' | 'docx' | 'both';

export interface TableOptions {
  planDir: string;
  type: TableType;
  out: string;
  pdf: boolean;
}

/** `zhenggai table`: the 附件 task table, named after the attachment title, in out/<plan>/. */
export async function tableCommand(options: TableOptions, out: Print, err: Print): Promise<number> {
  await requireSofficeIf(options.pdf);
  const folder = await loadCheckedFolder(options.planDir, err);
  const dir = planOutputDir(options.out, folder.name);
  const stem = folder.plan.plan.attachmentTitle;
  const files: OutputFile[] = [];
  if (options.type !== 'xlsx') files.push({ path: path.join(dir, safeFileName(stem, 'docx')), data: await renderTaskTableDocx(folder.plan) });
  if (options.type !== 'docx') {
    const xlsx = await renderTaskTableXlsx(folder.plan);
    for (const w of xlsx.warnings) err(`${stem}.xlsx ${w.sheet}!${w.cell}  warning  ${w.message}`);
    files.push({ path: path.join(dir, safeFileName(stem, 'xlsx')), data: xlsx.buffer });
  }
  await writeOutputs(files, out);
  if (options.pdf) await convertOutputsToPdf(files.map((f) => f.path), out);
  return 0;
}
