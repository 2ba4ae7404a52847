// The progress/<YYYY-MM>.json contract: one file per reporting period.
import { z } from 'zod';
import { isoDate, nonEmptyText, periodId, textList } from './common-schema.js';
import { CLOSURE_LABELS, FIELD_LABELS, REVIEW_LABELS } from './vocabulary.js';

export const STATUSES = ['未启动', '推进中', '已完成', '已完成并长期坚持', '已销号'] as const;
export const statusSchema = z.enum(STATUSES).describe(`${FIELD_LABELS.status}（“逾期”由工具推算，不填写）`);

export const extensionSchema = z
  .object({
    deadline: nonEmptyText.describe(`${FIELD_LABELS.extension}，如“12月底前完成”`),
    reason: nonEmptyText.describe(FIELD_LABELS.extensionReason),
    approvedOn: isoDate.describe('批准日期'),
  })
  .strict()
  .describe('经批准的时限调整');

export const closureSchema = z
  .object({
    date: isoDate.describe(CLOSURE_LABELS.date),
    approver: nonEmptyText.describe(CLOSURE_LABELS.approver),
    opinion: nonEmptyText.describe(CLOSURE_LABELS.opinion),
  })
  .strict()
  .describe('销号信息');

/** What a 回头看 found (docs/domain.md#回头看): 巩固, the rectification holds; 反弹, the problem has come back and is rectified again. */
export const REVIEW_FINDINGS = ['巩固', '反弹'] as const;

export const reviewSchema = z
  .object({
    date: isoDate.describe(REVIEW_LABELS.date),
    checkedBy: nonEmptyText.describe(`${REVIEW_LABELS.checkedBy}，如“镇纪委”“党政办”；写单位或岗位，不写个人姓名`),
    finding: z.enum(REVIEW_FINDINGS).describe(`${REVIEW_LABELS.finding}：巩固（整改成果保持）或反弹（问题重新出现：本期重新整改，须写 extension 作为新的整改时限）`),
    note: nonEmptyText.optional().describe(REVIEW_LABELS.note),
    evidence: z.array(nonEmptyText).default([]).describe(`${REVIEW_LABELS.review}${REVIEW_LABELS.evidence}（相对 evidence/ 的路径）`),
  })
  .strict()
  .describe('回头看记录');

export const problemProgressSchema = z
  .object({
    number: z.number().int().positive().describe('问题编号（与 plan.json 一致）'),
    category: nonEmptyText
      .optional()
      .describe('各类别分别编号的方案：问题所属类别的 id（import 写入）。方案修改使类别序号变动时，据此发现编号已指向别的问题，而不是把进展记到别的问题上'),
    status: statusSchema,
    onSchedule: z.boolean().optional().describe('推进中时：是否达到序时进度'),
    progress: nonEmptyText.optional().describe(FIELD_LABELS.progress),
    completedOn: isoDate.optional().describe('完成日期'),
    evidence: z.array(nonEmptyText).default([]).describe(`本期新增${FIELD_LABELS.evidence}（相对 evidence/ 的路径）`),
    reason: nonEmptyText.optional().describe(FIELD_LABELS.reason),
    extension: extensionSchema.optional(),
    note: nonEmptyText.optional().describe(`${FIELD_LABELS.note}（状态回退时必须说明原因）`),
    closure: closureSchema.optional(),
    reviews: z.array(reviewSchema).optional().describe('本期对已完成问题的回头看记录（可选）'),
  })
  .strict();

/** One supervision notice's number, recorded on the first `supervise` run (docs/domain.md#督办). */
export const supervisionNumberSchema = z
  .object({
    unit: nonEmptyText.describe('牵头单位（与 plan.json units 的名称一致）'),
    number: z.number().int().positive().describe('督办文号的序号：督办〔年份〕N号 的 N，按年连续编号'),
  })
  .strict();

export const supervisionSchema = z
  .object({
    date: isoDate.describe('督办文书的成文日期（首次生成时记下，此后沿用）'),
    numbers: z.array(supervisionNumberSchema).describe('各单位督办文书的编号；重新生成时沿用，不重新编号'),
  })
  .strict()
  .describe('本期督办文书（提醒函、督办单、催办通知）的日期和编号，由 zhenggai supervise 首次生成时写入');

export const reportMetaSchema = z
  .object({
    docNumber: nonEmptyText.describe('报告发文字号'),
    signer: nonEmptyText.describe('签发人'),
    recipients: nonEmptyText.describe('主送机关'),
    issuer: nonEmptyText.describe('署名（发文机关）'),
    issuerMark: nonEmptyText.describe('发文机关标志'),
    date: isoDate.describe('成文日期'),
    title: nonEmptyText.optional().describe('报告标题（缺省由模板生成）'),
    sealed: z.boolean().default(true).describe('是否加盖印章'),
    workDone: textList.describe('一、整改工作开展情况（原文段落）'),
    difficulties: textList.describe('三、存在的困难和问题'),
    nextSteps: textList.describe('四、下一步工作打算'),
  })
  .strict()
  .describe('进展报告的文头与正文');

export const progressSchema = z
  .object({
    $schema: z.string().optional(),
    sample: z.boolean().default(false).describe('示例数据标记'),
    period: periodId,
    asOf: isoDate.describe('统计截止日期'),
    // Optional so that `zhenggai import` can create a period's file from the
    // units' forms before the office writes the report; the report command
    // refuses a period without it (no invented prose reaches a document).
    report: reportMetaSchema.optional().describe('进展报告的文头与正文（导入单位表格时可暂缺，生成进展报告前须填写）'),
    supervision: supervisionSchema.optional(),
    problems: z.array(problemProgressSchema).describe('各问题本期进展'),
  })
  .strict()
  .describe('zhenggai 月度进展（progress/<YYYY-MM>.json）');

/**
 * progress/<YYYY-MM>.json as the office writes it, for editors (`zhenggai
 * schema`): a plan numbered per category names its problems by the shown
 * number (“二-3”), which load/plan-folder.ts resolves to the internal key
 * before `progressSchema` reads the file (model/numbering.ts).
 */
export const progressFileSchema = progressSchema.extend({
  problems: z
    .array(
      problemProgressSchema.extend({
        number: z
          .union([z.number().int().positive(), nonEmptyText])
          .describe('问题编号：全方案统一编号的方案写整数（与 plan.json 一致）；各类别分别编号的方案（numbering.scope 为 category）写编号写法，如“二-3”'),
      }),
    )
    .describe('各问题本期进展'),
}).describe('zhenggai 月度进展（progress/<YYYY-MM>.json）');

export type Status = (typeof STATUSES)[number];
export type ProgressInput = z.input<typeof progressSchema>;
export type Progress = z.output<typeof progressSchema>;
export type ProblemProgress = Progress['problems'][number];
export type ReportMeta = z.output<typeof reportMetaSchema>;
export type Extension = z.output<typeof extensionSchema>;
export type Closure = z.output<typeof closureSchema>;
export type Review = z.output<typeof reviewSchema>;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];
export type Supervision = z.output<typeof supervisionSchema>;
