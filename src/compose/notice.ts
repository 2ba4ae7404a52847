// The notice that issues the plan (印发……整改工作方案的通知), as a document
// model. Its order follows the seed: 版头, title, 主送机关, the notice's own
// paragraphs, 署名 and date, 附注; then the plan under its own title, ending
// with the 附件说明; then the task table as the attachment, landscape.
//
// What the paragraphs say comes from templates/notice.hbs and plan.hbs; this
// module only decides which parts there are and what data each template sees.

import type { IsoDate } from '../model/dates.js';
import type { Plan } from '../model/plan-schema.js';
import { planSubject } from '../model/plan-subject.js';
import { renderTemplate } from '../templates/render.js';
import type { TemplateSet } from '../templates/load.js';
import type { Attachment, Enclosure, OfficialDocument } from '../model/document/official-document.js';
import { composeTaskTable, unitNames, type ComposeTaskTableOptions } from './task-table.js';
import { balanceTitle } from './title-lines.js';
import { TITLE_MAX_EM, TASK_TABLE_LABEL } from '../layout/gbt9704.js';
import { type CategoryTemplateContext, type ProblemTemplateContext, printedCategories, problemContext } from './plan-context.js';

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
  /** The plan's subject (plan.subject), else derived from the task table's title. */
  readonly subject: string;
  readonly attachmentTitle: string;
}

export interface PlanTemplateContext {
  readonly title: string;
  /** The plan's subject (plan.subject), else derived from the task table's title. */
  readonly subject: string;
  readonly preamble: readonly string[];
  readonly goal: { readonly heading: string; readonly paragraphs: readonly string[] };
  readonly problemsHeading: string;
  /** Only the categories printed: those with problems, and those the plan keeps when empty; none for a plan without categories. */
  readonly categories: readonly CategoryTemplateContext[];
  /** Every problem in data order: what a plan without categories lists under the problems heading. */
  readonly problems: readonly ProblemTemplateContext[];
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
    subject: planSubject(plan).text,
    attachmentTitle: plan.plan.attachmentTitle,
  };
}

export function planTemplateContext(plan: Plan): PlanTemplateContext {
  const body = plan.plan;
  return {
    title: body.title,
    subject: planSubject(plan).text,
    preamble: [...body.preamble],
    goal: { heading: body.goal.heading, paragraphs: [...body.goal.paragraphs] },
    problemsHeading: body.problemsHeading,
    categories: printedCategories(plan),
    problems: plan.problems.map((p) => problemContext(p)),
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

function titleLines(title: string, given: readonly string[] | undefined, maxEm: number, keep: readonly string[]): string[] {
  return given ? [...given] : balanceTitle(title, maxEm, keep);
}

function planEnclosure(plan: Plan, templates: TemplateSet, maxEm: number): Enclosure {
  return {
    title: { lines: titleLines(plan.plan.title, plan.plan.titleLines, maxEm, unitNames(plan)) },
    body: renderTemplate(templates.plan.source, templates.plan.fileName, planTemplateContext(plan)),
    // The seed prints 附件： after the plan's last section, not after the notice.
    attachmentsNote: [plan.plan.attachmentTitle],
    newPage: true,
  };
}

function taskTableAttachment(plan: Plan, maxEm: number, options: ComposeTaskTableOptions | undefined): Attachment {
  const lines = titleLines(plan.plan.attachmentTitle, plan.plan.attachmentTitleLines, maxEm, unitNames(plan));
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
    title: { lines: titleLines(notice.title, notice.titleLines, maxEm, unitNames(plan)) },
    recipients: notice.recipients,
    body: renderTemplate(templates.notice.source, templates.notice.fileName, noticeTemplateContext(plan)),
    signature: { signatory: notice.signatory, date: notice.date, sealed: notice.sealed },
    ...(notice.annotation === undefined ? {} : { annotation: notice.annotation }),
    enclosures: [planEnclosure(plan, templates, maxEm)],
    attachments: [taskTableAttachment(plan, maxEm, options.taskTable)],
    ...(notice.colophon === undefined ? {} : { colophon: notice.colophon }),
  };
}
