// rollup.json validated (load/rollup-input.ts reads a lower level's file with
// it) and described (schema/rollup.schema.json, `zhenggai schema`): the one
// statement of the format a city's own tools may read (docs/domain.md#roll-up).

import { z } from 'zod';
import { STATUSES } from './progress-schema.js';
import { ROLLUP_FORMAT, ROLLUP_VERSION } from './rollup.js';
import { FIELD_LABELS } from './vocabulary.js';

const count = (what: string) => z.number().int().nonnegative().describe(what);

/** Counts over a group of problems (RollupFigures). */
const figures = {
  total: count('问题总数'),
  completed: count('已完成的问题数（含已完成并长期坚持、已销号）'),
  closed: count('其中已销号的问题数'),
  inProgress: count('推进中的问题数'),
  notStarted: count('未启动的问题数'),
  overdue: count('逾期的问题数'),
  due: count('到期的问题数：执行中的时限在截止日期当天或之前'),
  dueCompleted: count('到期且已完成的问题数'),
  longTerm: count('需长期坚持的问题数'),
  reopened: count('本期回头看发现反弹的问题数'),
  byStatus: z
    .object(Object.fromEntries(STATUSES.map((s) => [s, count(`状态为“${s}”的问题数`)])) as Record<(typeof STATUSES)[number], z.ZodNumber>)
    .describe('各状态的问题数'),
  completionRate: z.string().describe('完成率（已完成 ÷ 问题总数），照印，如“66.7%”；无问题时为“—”'),
  dueCompletionRate: z.string().describe('到期任务完成率（到期且已完成 ÷ 到期），照印，如“92.9%”；无到期问题时为“—”'),
};

const problem = z
  .object({
    path: z.array(z.string().min(1)).min(1).describe('问题所经的单位，由外到内：区县汇总中为 [乡镇]，市汇总中为 [区县, 乡镇]'),
    number: z.string().min(1).describe('序号，照乡镇文件的写法（如“7”，各类别分别编号的方案如“二-3”）'),
    summary: z.string().describe(FIELD_LABELS.summary),
    category: z.string().nullable().describe('问题类别的名称；方案不分类别时为 null'),
    deadline: z.string().describe('执行中的整改时限，照原文（经批准调整的，为调整后的时限）'),
    leadUnits: z.array(z.string()).describe(FIELD_LABELS.leadUnits),
    status: z.enum(STATUSES).describe('本期状态'),
    completed: z.boolean().describe('已完成（含已完成并长期坚持、已销号）'),
    closed: z.boolean().describe('已销号'),
    overdue: z.boolean().describe('逾期'),
    due: z.boolean().describe('到期：执行中的时限在截止日期当天或之前'),
    longTerm: z.boolean().describe('需长期坚持'),
    colour: z.enum(['green', 'red', 'yellow', 'blue']).nullable().describe('预警颜色；无预警为 null'),
    round: z.number().int().positive().describe('整改轮次（回头看发现反弹后重新整改为第 2 轮，依此类推）'),
    reopened: z.boolean().describe('本期回头看发现反弹'),
    completedOn: z.string().nullable().describe('完成日期 YYYY-MM-DD；未完成为 null'),
    closedOn: z.string().nullable().describe('销号日期 YYYY-MM-DD；未销号为 null'),
  })
  .describe('一个乡镇的一个问题，按其本期情况展开');

/** rollup.json (model/rollup.ts RollupFile): what a county hands to the city. */
export const rollupFileSchema = z
  .object({
    format: z.literal(ROLLUP_FORMAT).describe('文件格式名，固定为“zhenggai-rollup”'),
    version: z.literal(ROLLUP_VERSION).describe('格式版本'),
    issuer: z.string().min(1).describe('汇总单位（署名）：上一级汇总时以此称呼本级'),
    title: z.string().describe('汇总报告的标题'),
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .describe('期次 YYYY-MM'),
    asOf: z.string().describe('各单位截止日期中最晚的一个 YYYY-MM-DD'),
    expected: z.array(z.string()).nullable().describe('应报送单位名单（--towns）；未给名单时为 null'),
    missing: z.array(z.string()).describe('名单中本期未报送的单位'),
    totals: z.object(figures).describe('全部问题的合计'),
    units: z
      .array(
        z.object({
          name: z.string().describe('单位名称（乡镇的发文机关署名，或下一级汇总的汇总单位）'),
          source: z.string().describe('材料的来源，照命令行的写法'),
          sha256: z.string().describe('材料的 SHA-256（报送材料包为其 manifest.json 的）'),
          asOf: z.string().describe('该单位的截止日期 YYYY-MM-DD'),
          ...figures,
        }),
      )
      .describe('各单位及其统计'),
    byCategory: z.array(z.object({ category: z.string().describe('问题类别的名称'), ...figures })).describe('各类别的统计'),
    problems: z.array(problem).describe('全部问题'),
  })
  .describe('zhenggai 汇总文件（rollup.json）：区县汇总各乡镇的报送材料包，市汇总各区县的 rollup.json，格式相同');
