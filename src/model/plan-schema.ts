// The plan.json contract. Descriptions are in Chinese because they reach the
// clerk: in editor autocompletion (via `zhenggai schema`) and in check messages.
import { z } from 'zod';
import { isoDate, nonEmptyText, periodId, textList } from './common-schema.js';
import { FIELD_LABELS, REPORT_PERIOD_FIELDS, TABLE_FIELDS } from './vocabulary.js';
import { DEFAULT_SHOWN_AS, NUMBERING_SCOPES, PLAN_WIDE, SHOWN_AS_CATEGORY, SHOWN_AS_NUMBER, numberProblems } from './numbering.js';

export { TABLE_FIELDS };

export const tableFieldSchema = z.enum(TABLE_FIELDS).describe('表格列对应的问题字段');

export const tableColumnSchema = z
  .object({
    field: tableFieldSchema,
    header: nonEmptyText.describe('列标题，如“整改措施”；可含换行符 \\n 指定折行'),
    group: nonEmptyText.optional().describe('上层合并表头，如“整改问题”；相邻且同名的列合并为一组'),
    width: z.number().positive().max(100).optional().describe('相对列宽（各列之比），缺省时按内容估算'),
  })
  .strict();

const REPORT_FIELDS = [...TABLE_FIELDS, ...REPORT_PERIOD_FIELDS] as const;
const PERIOD_FIELD_SET: ReadonlySet<string> = new Set(REPORT_PERIOD_FIELDS);

export const reportColumnSchema = z
  .object({
    field: z
      .enum(REPORT_FIELDS)
      .describe(
        '栏目：方案字段（category 发现问题方式、number 序号、summary 问题简述、measures 整改措施、deadline 整改时限、leadUnits 牵头单位、cooperatingUnits 配合单位、target、responsibleLeader、responsiblePerson、completionStandard、remarks）或本期字段（status 整改状态、onSchedule 达到序时进度、progress 整改进展、reason 未完成原因、completedOn 完成时间、closedOn 销号日期）',
      ),
    header: nonEmptyText.optional().describe('列标题，缺省为统一的字段名（方案字段用任务分解表的列标题）；可含换行符 \\n 指定折行'),
    group: nonEmptyText.optional().describe('上层合并表头（可选）；相邻且同名的列合并为一组'),
    width: z.number().positive().max(100).optional().describe('相对列宽（各列之比），缺省时按内容估算'),
  })
  .strict();

/** The report's columns: each field once, the plan's fields before the period's. */
export const reportColumnsSchema = z
  .array(reportColumnSchema)
  .min(1)
  .superRefine((columns, ctx) => {
    const seen = new Set<string>();
    let periodFrom: number | undefined;
    columns.forEach((column, i) => {
      if (seen.has(column.field)) ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `栏目“${column.field}”重复` });
      seen.add(column.field);
      const period = PERIOD_FIELD_SET.has(column.field);
      if (period) periodFrom ??= i;
      else if (periodFrom !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `方案字段“${column.field}”应排在本期字段（${columns[periodFrom]!.field}）之前` });
    });
  })
  .describe(
    '进展报告所附整改进展情况表的栏目，按顺序；方案字段在前、本期字段在后。缺省为序号、问题简述、牵头单位、整改时限、整改状态、整改进展（不列整改措施）。不列完成时间、销号日期时，这两个日期写在整改状态格内；不列未完成原因时，写在整改进展格内',
  );

export const colophonSchema = z
  .object({
    cc: z.array(nonEmptyText).optional().describe('抄送机关'),
    printer: nonEmptyText.describe('印发机关'),
    printDate: isoDate.describe('印发日期'),
  })
  .strict()
  .describe('版记（可选）');

export const noticeSchema = z
  .object({
    issuerMark: nonEmptyText.describe('发文机关标志，如“巫山县官阳镇人民政府文件”'),
    docNumber: nonEmptyText.describe('发文字号，如“官阳府发〔2023〕27号”'),
    title: nonEmptyText.describe('通知标题'),
    titleLines: z.array(nonEmptyText).optional().describe('标题分行（可选），各行连起来须等于标题'),
    recipients: nonEmptyText.describe('主送机关（不含末尾冒号）'),
    body: textList.describe('通知正文段落'),
    signatory: nonEmptyText.describe('署名（发文机关）'),
    date: isoDate.describe('成文日期'),
    sealed: z.boolean().default(false).describe('是否加盖印章'),
    annotation: nonEmptyText.optional().describe('附注，不含括号，如“此件公开发布”'),
    public: z.boolean().default(false).describe('是否公开发布（公开时检查个人隐私信息）'),
    colophon: colophonSchema.optional(),
  })
  .strict()
  .describe('印发方案的通知');

export const headedParagraphSchema = z
  .object({
    heading: nonEmptyText.describe('段首小标题（带句号），如“强化组织领导。”'),
    text: nonEmptyText.describe('小标题后的正文'),
  })
  .strict();

export const planBodySchema = z
  .object({
    title: nonEmptyText.describe('方案标题'),
    titleLines: z.array(nonEmptyText).optional().describe('方案标题分行（可选）'),
    subject: nonEmptyText
      .optional()
      .describe(
        '整改事项（各标题的主题），如“2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改”；报告标题“关于{整改事项}进展情况的报告”、进展情况表标题“{整改事项}进展情况表”由模板据此写出。缺省时由附件标题去掉“任务分解和责任分工表”得出，check 给出警告',
      ),
    preamble: textList.describe('方案开头段落'),
    goal: z
      .object({ heading: nonEmptyText.describe('如“整改目标”'), paragraphs: textList })
      .strict()
      .describe('一、整改目标'),
    problemsHeading: nonEmptyText.describe('问题及整改措施部分的标题'),
    requirements: z
      .object({ heading: nonEmptyText.describe('如“整改要求”'), items: z.array(headedParagraphSchema).min(1) })
      .strict()
      .describe('整改要求：段首带小标题的段落'),
    attachmentTitle: nonEmptyText.describe('附件（任务分解表）标题'),
    attachmentTitleLines: z.array(nonEmptyText).optional().describe('附件标题分行（可选）'),
  })
  .strict()
  .describe('整改工作方案正文');

export const categorySchema = z
  .object({
    id: nonEmptyText.describe('类别标识，供问题引用'),
    heading: nonEmptyText.describe('正文中的类别标题，如“交叉检查发现问题”'),
    label: nonEmptyText.describe('表格中的简称，如“交叉核查”'),
    keepWhenEmpty: z.boolean().default(false).describe('没有问题时是否仍在正文中保留'),
  })
  .strict();

export const unitSchema = z
  .object({
    name: nonEmptyText.describe('单位名称（简称），问题中按此引用'),
    fullName: nonEmptyText.optional().describe('全称（可选）'),
  })
  .strict();

export const problemSchema = z
  .object({
    number: z
      .number()
      .int()
      .positive()
      .describe('问题编号：全方案统一编号（1..N）；方案写了 numbering.scope 为 category 时为类别内编号（各类别从 1 编起），照表格原样填写'),
    category: nonEmptyText.optional().describe('所属类别的 id；方案没有类别（不分类的问题清单）时不写'),
    summary: nonEmptyText.describe(FIELD_LABELS.summary),
    measures: textList.describe('整改措施，每条一项；多条时输出“一是…二是…”'),
    deadline: nonEmptyText.describe('整改时限原文，如“10月底前完成”“立行立改、长期坚持”'),
    dueDate: isoDate
      .optional()
      .describe('整改期限日期（可选，YYYY-MM-DD）：填写后以此为准，不再按整改时限原文推算，原文仍照印；zhenggai check --deadlines 可查看各问题时限的读法'),
    longTerm: z
      .boolean()
      .optional()
      .describe('是否需长期坚持（可选）：与 dueDate 一样以此为准、不再读原文；只写 true 不写 dueDate 表示没有具体期限、长期坚持'),
    leadUnits: z.array(nonEmptyText).min(1).describe(FIELD_LABELS.leadUnits),
    cooperatingUnits: z.array(nonEmptyText).default([]).describe(FIELD_LABELS.cooperatingUnits),
    target: nonEmptyText.optional().describe(FIELD_LABELS.target),
    responsibleLeader: nonEmptyText.optional().describe(`${FIELD_LABELS.responsibleLeader}（职务）`),
    responsiblePerson: nonEmptyText.optional().describe(`${FIELD_LABELS.responsiblePerson}（职务）`),
    completionStandard: nonEmptyText.optional().describe(FIELD_LABELS.completionStandard),
    remarks: nonEmptyText.optional().describe(FIELD_LABELS.remarks),
  })
  .strict();

/** How the plan numbers its problems (docs/domain.md#problem-numbers, model/numbering.ts). */
export const numberingSchema = z
  .object({
    scope: z
      .enum(NUMBERING_SCOPES)
      .describe('编号范围：plan 为全方案统一编号 1..N（缺省）；category 为各类别分别从 1 编起（一、1. 2. 3. 二、1. 2. …）'),
    shownAs: nonEmptyText
      .default(DEFAULT_SHOWN_AS)
      .describe(
        `类别不在旁边时（报告、台账、填报表、销号审批表、进展文件等）编号的写法：${SHOWN_AS_CATEGORY} 为类别序号（一、二…，按方案正文中类别的次序），${SHOWN_AS_NUMBER} 为类别内编号；如“{category}-{number}”写作“二-3”，“（{category}）{number}”写作“（二）3”。缺省为“${DEFAULT_SHOWN_AS}”；全方案统一编号（scope 为 plan）时不用，处处照印编号`,
      ),
  })
  .strict()
  .superRefine((numbering, ctx) => {
    if (!numbering.shownAs.includes(SHOWN_AS_NUMBER)) ctx.addIssue({ code: 'custom', path: ['shownAs'], message: `编号写法应含 ${SHOWN_AS_NUMBER}（类别内编号）` });
    if (numbering.scope === 'category' && !numbering.shownAs.includes(SHOWN_AS_CATEGORY)) {
      ctx.addIssue({ code: 'custom', path: ['shownAs'], message: `各类别分别编号时，编号写法应含 ${SHOWN_AS_CATEGORY}（类别序号），否则不同类别的同号问题无法区分` });
    }
    // Any other {…} would be printed as it stands (一-1{foo}); { number } with spaces is not the placeholder either.
    const unknown = numbering.shownAs.split(SHOWN_AS_CATEGORY).join('').split(SHOWN_AS_NUMBER).join('').match(/\{[^}]*\}?/);
    if (unknown) {
      ctx.addIssue({ code: 'custom', path: ['shownAs'], message: `编号写法中的“${unknown[0]}”不是占位符：只能用 ${SHOWN_AS_CATEGORY} 和 ${SHOWN_AS_NUMBER}（不含空格）` });
    }
    // The shown number names folders (evidence/二-3/, the packet's evidence): no character a file system reserves.
    const reserved = numbering.shownAs.match(/[/\\:*?"<>|]/);
    if (reserved) {
      ctx.addIssue({ code: 'custom', path: ['shownAs'], message: `编号写法不能含“${reserved[0]}”：编号也用作佐证材料的文件夹名，/ \\ : * ? " < > | 在 Windows 等系统中不能用于文件名` });
    }
  })
  .describe('问题编号方式（可选）：缺省为全方案统一编号；进展文件中各类别分别编号的方案按编号写法（如“二-3”）引用问题');

/** When completed problems are due a 回头看 (docs/domain.md#回头看). */
export const reviewScheduleSchema = z
  .object({
    from: periodId.optional().describe('从哪一期起开展回头看（YYYY-MM）；缺省为方案印发的月份'),
    longTermMonthly: z.boolean().default(true).describe('需长期坚持的问题完成后是否每月回头看'),
    afterClosureMonths: z
      .array(z.number().int().positive().max(24))
      .default([1, 3])
      .describe('已销号的问题在销号后第几个月回头看，如 [1, 3]：销号后1个月和3个月各一次'),
  })
  .strict()
  .describe('回头看安排（可选）：据此推算每期应回头看的问题，check 提示应做未记的');

/** The type sizes an office may set for its Word tables (GB/T 9704 leaves a table's size open; docs/format.md, column widths). */
export const TABLE_TYPE_SIZES = ['小四', '五号', '小五'] as const;

export const planSchema = z
  .object({
    $schema: z.string().optional(),
    notice: noticeSchema,
    plan: planBodySchema,
    categories: z
      .array(categorySchema)
      .default([])
      .describe('发现问题方式（问题类别），可省略：不分类的问题清单（如巡察、审计反馈）不写或写空列表，各问题也都不写 category；列了类别时每个问题都要有 category'),
    units: z.array(unitSchema).min(1).describe('单位名录'),
    problems: z.array(problemSchema).min(1).describe('问题清单'),
    numbering: numberingSchema.optional(),
    tableColumns: z.array(tableColumnSchema).min(1).optional().describe('任务分解表的列（缺省为样本的七列）'),
    reportColumns: reportColumnsSchema.optional(),
    reviewSchedule: reviewScheduleSchema.optional(),
    tableTypeSize: z
      .enum(TABLE_TYPE_SIZES)
      .optional()
      .describe('Word 表格（任务分解表、通知和报告所附表格）的字号：小四、五号或小五；缺省时按内容自动选择（小四，放不下时五号、小五）'),
  })
  .strict()
  .describe('zhenggai 整改方案（plan.json）')
  // Every parse keys problems the same way (model/numbering.ts): plan-wide
  // numbers as written, or plan order for a plan numbered per category.
  .transform((plan) => ({ ...plan, problems: numberProblems(plan.numbering ?? PLAN_WIDE, plan.categories, plan.problems) }));

export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;
export type Notice = Plan['notice'];
export type PlanBody = Plan['plan'];
export type Category = Plan['categories'][number];
export type Unit = Plan['units'][number];
export type Problem = Plan['problems'][number];
export type TableField = (typeof TABLE_FIELDS)[number];
export type TableColumn = z.output<typeof tableColumnSchema>;
export type ReportColumn = z.output<typeof reportColumnSchema>;
export type Colophon = z.output<typeof colophonSchema>;
export type ReviewSchedule = z.output<typeof reviewScheduleSchema>;
