// Pipeline: the notice that issues the plan (印发通知, GB/T 9704 下行文), with the
// plan body and the task table attached, at the top of the plan's output folder.

import { composeNotice } from '../compose/notice.js';
import { safeFileName } from '../layout/safe-name.js';
import { wordTableFits } from '../derive/task-table-layout.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Block, OfficialDocument } from '../model/document/official-document.js';
import { hasCategories } from '../model/plan-categories.js';
import type { Plan } from '../model/plan-schema.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import type { TemplateSet } from '../templates/load.js';
import type { DocumentOutput } from './pipeline.js';

/** The notice's document model; its task table is composed for the landscape type area (小四, else 五号 or 小五), as the standalone table is. */
export function noticeModel(plan: Plan, templates: TemplateSet): OfficialDocument {
  return composeNotice(plan, templates, { taskTable: { fits: wordTableFits(plan) } });
}

/** The notice as a Word document. Throws TemplateError for a template that does not fit the grammar. */
export async function noticeDocx(plan: Plan, templates: TemplateSet): Promise<Buffer> {
  return renderOfficialDocument(noticeModel(plan, templates));
}

function blockText(block: Block): string {
  if (block.kind === 'paragraph' || block.kind === 'heading') return block.text;
  if (block.kind === 'runIn') return `${block.heading}${block.text}`;
  return '';
}

/**
 * A plan without categories whose plan body names none of its problems: the
 * office's own plan.hbs, copied before the bundled one listed `problems` for
 * such a plan (templates/README.md), prints the problems heading with nothing
 * under it. Said as a warning naming the template, not refused: a template
 * may leave the problems to the attached table on purpose.
 */
export function flatPlanTemplateWarnings(plan: Plan, model: OfficialDocument, templates: Pick<TemplateSet, 'plan'>): Diagnostic[] {
  if (hasCategories(plan)) return [];
  const text = model.enclosures.flatMap((e) => e.body.map(blockText)).join('\n');
  if (plan.problems.some((p) => text.includes(p.summary))) return [];
  return [
    {
      file: templates.plan.fileName,
      ruleId: 'plan-template-flat',
      severity: 'warning',
      message: '方案不分类（没有 categories），但方案正文没有列出任何问题：模板 plan.hbs 只按类别（categories）列问题时，请照自带模板加上 {{else}} 分支，用 problems 列出问题（见 templates/README.md）',
    },
  ];
}

/** `notice`: `<发文字号>-<title>.docx`. Precondition: a plan without errors. */
export async function buildNotice(plan: Plan, templates: TemplateSet): Promise<DocumentOutput> {
  const { notice } = plan;
  const model = noticeModel(plan, templates);
  return { files: [{ name: safeFileName(`${notice.docNumber}-${notice.title}`, 'docx'), data: await renderOfficialDocument(model) }], warnings: flatPlanTemplateWarnings(plan, model, templates) };
}
