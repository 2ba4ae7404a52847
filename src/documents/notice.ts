// Pipeline: the notice that issues the plan (印发通知, GB/T 9704 下行文), with the
// plan body and the task table attached, at the top of the plan's output folder.

import { composeNotice } from '../compose/notice.js';
import { safeFileName } from '../layout/safe-name.js';
import { WORD_LANDSCAPE_TABLE_FITS } from '../layout/table-widths.js';
import type { OfficialDocument } from '../model/document/official-document.js';
import type { Plan } from '../model/plan-schema.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import type { TemplateSet } from '../templates/load.js';
import type { DocumentOutput } from './pipeline.js';

/** The notice's document model; its task table is composed for the landscape type area (小四, else 五号 or 小五), as the standalone table is. */
export function noticeModel(plan: Plan, templates: TemplateSet): OfficialDocument {
  return composeNotice(plan, templates, { taskTable: { fits: WORD_LANDSCAPE_TABLE_FITS } });
}

/** The notice as a Word document. Throws TemplateError for a template that does not fit the grammar. */
export async function noticeDocx(plan: Plan, templates: TemplateSet): Promise<Buffer> {
  return renderOfficialDocument(noticeModel(plan, templates));
}

/** `notice`: `<发文字号>-<title>.docx`. Precondition: a plan without errors. */
export async function buildNotice(plan: Plan, templates: TemplateSet): Promise<DocumentOutput> {
  const { notice } = plan;
  return { files: [{ name: safeFileName(`${notice.docNumber}-${notice.title}`, 'docx'), data: await noticeDocx(plan, templates) }], warnings: [] };
}
