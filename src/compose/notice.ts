// The notice that issues the plan (印发……整改工作方案的通知), as a document
// model. Its order follows the seed: 版头, title, 主送机关, the notice's own
// paragraphs, 署名 and date, 附注; then the plan under its own title, ending
// with the 附件说明; then the task table as the attachment, landscape.
//
// What the paragraphs say comes from templates/notice.hbs and plan.hbs; this
// module only decides which parts there are and what data each template sees.

import type { IsoDate } from '../model/dates.js';
import { UserError } from '../diagnostics/user-error.js';
import type { Plan, Problem } from '../model/plan-schema.js';
import { renderTemplate } from '../templates/render.js';
import type { TemplateSet } from '../templates/load.js';
import type { Attachment, Enclosure, OfficialDocument } from '../model/document/official-document.js';
import { composeTaskTable, type ComposeTaskTableOptions } from './task-table.js';
import { balanceTitle } from './title-lines.js';

/**
 * Characters of a title line when the data gives no lines of its own: 二号
 * (22 pt) across the 156 mm type area is 156 ÷ (22 × 25.4 ÷ 72) = 20.1
 * characters (GB/T 9704 §7.3.1, §5.2.1). The renderer may pass its own figure.
 */
export const TITLE_MAX_EM = 20;

/** Label of the single attachment (附件, not 附件1, when there is only one: GB/T 9704 §7.3.7). */
export const TASK_TABLE_LABEL = '附件';

export interface ComposeNoticeOptions {
  readonly titleMaxEm?: number;
  readonly taskTable?: ComposeTaskTableOptions;
}

// --- what the templates see (documented in templates/README.md) ------------

export interface NoticeTemplateContext {
  readonly title: string;
  readonly recipients: string;
  readonly body: readonly string[];
  readonly signatory: string;
  readonly date: IsoDate;
  readonly annotation: string | null;
  readonly planTitle: string;
  readonly attachmentTitle: string;
}

/** A problem as templates see it. Optional fields are present as null, so a typo is still an error. */
export interface ProblemTemplateContext {
  readonly number: number;
  readonly summary: string;
  readonly measures: readonly string[];
  readonly deadline: string;
  readonly leadUnits: readonly string[];
  readonly cooperatingUnits: readonly string[];
  readonly target: string | null;
  readonly responsibleLeader: string | null;
  readonly responsiblePerson: string | null;
  readonly completionStandard: string | null;
  readonly remarks: string | null;
}

export interface CategoryTemplateContext {
  readonly heading: string;
  readonly label: string;
  readonly problems: readonly ProblemTemplateContext[];
}

export interface PlanTemplateContext {
  readonly title: string;
  readonly preamble: readonly string[];
  readonly goal: { readonly heading: string; readonly paragraphs: readonly string[] };
  readonly problemsHeading: string;
  /** Only the categories printed: those with problems, and those the plan keeps when empty. */
  readonly categories: readonly CategoryTemplateContext[];
  readonly requirements: {
    readonly heading: string;
    readonly items: readonly { readonly heading: string; readonly text: string }[];
  };
  readonly attachmentTitle: string;
  readonly problemCount: number;
  readonly noticeDate: IsoDate;
}

export function noticeTemplateContext(plan: Plan): NoticeTemplateContext {
  const { notice } = plan;
  return {
    title: notice.title,
    recipients: notice.recipients,
    body: [...notice.body],
    signatory: notice.signatory,
    date: notice.date,
    annotation: notice.annotation ?? null,
    planTitle: plan.plan.title,
    attachmentTitle: plan.plan.attachmentTitle,
  };
}

export function problemContext(problem: Problem): ProblemTemplateContext {
  return {
    number: problem.number,
    summary: problem.summary,
    measures: [...problem.measures],
    deadline: problem.deadline,
    leadUnits: [...problem.leadUnits],
    cooperatingUnits: [...problem.cooperatingUnits],
    target: problem.target ?? null,
    responsibleLeader: problem.responsibleLeader ?? null,
    responsiblePerson: problem.responsiblePerson ?? null,
    completionStandard: problem.completionStandard ?? null,
    remarks: problem.remarks ?? null,
  };
}

/**
 * Problems grouped under their categories, in the plan's category order and
 * the data's problem order. A category without problems is left out unless
 * the plan keeps it (docs/domain.md#categories); the renderer numbers what is left.
 */
export function printedCategories(plan: Plan): CategoryTemplateContext[] {
  const known = new Set(plan.categories.map((c) => c.id));
  const stray = plan.problems.find((p) => !known.has(p.category));
  if (stray) throw new UserError(`问题 ${stray.number} 的类别“${stray.category}”不在 categories 中，无法排入方案正文`);
  return plan.categories
    .map((category) => ({
      heading: category.heading,
      label: category.label,
      keep: category.keepWhenEmpty,
      problems: plan.problems.filter((p) => p.category === category.id).map(problemContext),
    }))
    .filter((c) => c.problems.length > 0 || c.keep)
    .map(({ heading, label, problems }) => ({ heading, label, problems }));
}

export function planTemplateContext(plan: Plan): PlanTemplateContext {
  const body = plan.plan;
  return {
    title: body.title,
    preamble: [...body.preamble],
    goal: { heading: body.goal.heading, paragraphs: [...body.goal.paragraphs] },
    problemsHeading: body.problemsHeading,
    categories: printedCategories(plan),
    requirements: {
      heading: body.requirements.heading,
      items: body.requirements.items.map((item) => ({ heading: item.heading, text: item.text })),
    },
    attachmentTitle: body.attachmentTitle,
    problemCount: plan.problems.length,
    noticeDate: plan.notice.date,
  };
}

// --- the document -------------------------------------------------------------

function titleLines(title: string, given: readonly string[] | undefined, maxEm: number): string[] {
  return given ? [...given] : balanceTitle(title, maxEm);
}

function planEnclosure(plan: Plan, templates: TemplateSet, maxEm: number): Enclosure {
  return {
    title: { lines: titleLines(plan.plan.title, plan.plan.titleLines, maxEm) },
    body: renderTemplate(templates.plan.source, templates.plan.fileName, planTemplateContext(plan)),
    // The seed prints 附件： after the plan's last section, not after the notice.
    attachmentsNote: [plan.plan.attachmentTitle],
    newPage: true,
  };
}

function taskTableAttachment(plan: Plan, maxEm: number, options: ComposeTaskTableOptions | undefined): Attachment {
  const lines = titleLines(plan.plan.attachmentTitle, plan.plan.attachmentTitleLines, maxEm);
  const table = composeTaskTable(plan, { ...options, label: TASK_TABLE_LABEL });
  return {
    label: TASK_TABLE_LABEL,
    title: { lines },
    // The table model carries the same lines, so a renderer reading either agrees.
    content: { kind: 'taskTable', table: { ...table, titleLines: lines } },
    orientation: 'landscape',
  };
}

/** The 印发 notice with the plan and its task table. Pure: templates come in as text. */
export function composeNotice(plan: Plan, templates: TemplateSet, options: ComposeNoticeOptions = {}): OfficialDocument {
  const { notice } = plan;
  const maxEm = options.titleMaxEm ?? TITLE_MAX_EM;
  return {
    header: { kind: 'down', issuerMark: notice.issuerMark, docNumber: notice.docNumber },
    title: { lines: titleLines(notice.title, notice.titleLines, maxEm) },
    recipients: notice.recipients,
    body: renderTemplate(templates.notice.source, templates.notice.fileName, noticeTemplateContext(plan)),
    signature: { signatory: notice.signatory, date: notice.date, sealed: notice.sealed },
    ...(notice.annotation === undefined ? {} : { annotation: notice.annotation }),
    enclosures: [planEnclosure(plan, templates, maxEm)],
    attachments: [taskTableAttachment(plan, maxEm, options.taskTable)],
    ...(notice.colophon === undefined ? {} : { colophon: notice.colophon }),
  };
}
