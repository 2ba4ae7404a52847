// The 印发 notice for a plan, as Word: compose the document model from the
// plan and the templates, then render it. The task table is composed for the
// landscape type area, so its columns match the standalone table's.

import { composeNotice, type ComposeNoticeOptions } from '../../compose/notice.js';
import type { Plan } from '../../model/plan-schema.js';
import type { TemplateSet } from '../../templates/load.js';
import { landscapeTableTextWidthEm } from '../../layout/table-widths.js';
import { renderOfficialDocument } from './official-document.js';

export function noticeOptions(): ComposeNoticeOptions {
  return { taskTable: { textWidthEm: landscapeTableTextWidthEm } };
}

export async function renderNoticeDocx(plan: Plan, templates: TemplateSet): Promise<Buffer> {
  return renderOfficialDocument(composeNotice(plan, templates, noticeOptions()));
}
