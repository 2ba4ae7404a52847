import path from 'node:path';
import { renderNoticeDocx } from '../../render/docx/notice.js';
import { loadTemplates } from '../../templates/load.js';
import { planOutputDir } from '../../write/output-paths.js';
import { safeFileName } from '../../layout/safe-name.js';
import { convertOutputsToPdf, loadCheckedFolder, requireSofficeIf, writeOutputs, type Print } from './shared.js';

export interface NoticeOptions {
  planDir: string;
  out: string;
  pdf: boolean;
  templates?: string;
}

/** `zhenggai notice`: the notice that issues the plan, with the plan and its task table attached. */
export async function noticeCommand(options: NoticeOptions, out: Print, err: Print): Promise<number> {
  await requireSofficeIf(options.pdf);
  const templates = await loadTemplates(options.templates);
  const folder = await loadCheckedFolder(options.planDir, err);
  const { notice } = folder.plan;
  const file = path.join(planOutputDir(options.out, folder.name), safeFileName(`${notice.docNumber}-${notice.title}`, 'docx'));
  await writeOutputs([{ path: file, data: await renderNoticeDocx(folder.plan, templates) }], out);
  if (options.pdf) await convertOutputsToPdf([file], out);
  return 0;
}
