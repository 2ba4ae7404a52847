// A made-up plan for render tests: any number of problems, text from one
// short line to several hundred characters, several categories, and units
// that are not the seed's. Deterministic (seeded), so failures reproduce.

import { planSchema, type Plan, type PlanInput, type TableColumn } from '../../src/model/plan-schema.js';
import { progressSchema, type Progress } from '../../src/model/progress-schema.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';

export interface SyntheticPlanOptions {
  /** Seed for the text generator. */
  readonly seed?: number;
  /** Number of categories the problems are spread over (consecutive runs). */
  readonly categories?: number;
  /** Table columns; the default seven when omitted. */
  readonly tableColumns?: TableColumn[];
  /** Fill 整改目标 / 责任领导 / 责任人 on every problem. */
  readonly extraFields?: boolean;
  /** Split the attachment title over lines. */
  readonly titleLines?: string[];
}

const PHRASES = [
  '建立健全工作台账',
  '对照问题清单逐项核查',
  '组织开展专项排查整治行动',
  '落实属地管理责任和行业监管责任',
  '完善长效管理机制',
  '加强督促检查和跟踪问效',
  '召开专题会议研究部署',
  '开展政策宣传和入户走访',
  '规范资金使用和项目管理',
  '对发现的问题实行销号管理',
  '压实村（社区）两委工作责任',
  '按季度开展回头看',
  '2023年底前完成全覆盖复核',
  '整理完善佐证资料归档备查',
  '明确专人负责信息录入和更新',
  '邀请第三方机构开展评估',
];

const SUMMARY_PHRASES = [
  '部分档案资料不完整',
  '台账信息与实际情况不一致',
  '个别项目进度滞后于计划',
  '资金拨付不及时',
  '群众对政策知晓率不高',
  '日常巡查记录缺失',
  '问题整改后存在反弹',
  '数据录入存在错漏',
  '监测帮扶机制落实不到位',
  '设施设备后续管护不到位',
];

const UNITS = [
  '东河街道办事处',
  '市场监管所',
  '自然资源所',
  '农业服务中心',
  '财政所',
  '卫生院',
  '派出所',
  '交通运输站',
  '文化服务中心',
  '社会事务办',
  '应急管理办',
  '规划建设环保办',
];

const CATEGORIES = [
  { id: 'xuncha', heading: '巡察反馈问题', label: '巡察反馈' },
  { id: 'shenji', heading: '审计发现问题', label: '审计发现' },
  { id: 'duchal', heading: '环保督察交办问题', label: '环保督察' },
  { id: 'xinfang', heading: '群众来信反映问题', label: '群众来信' },
  { id: 'zicha', heading: '自查发现问题', label: '自查' },
];

const DEADLINES = ['立行立改', '7月底前完成', '10月底前完成并长期坚持', '12月10日前完成', '2024年6月底前', '长期坚持', '立行立改、长期坚持'];

/** Park–Miller LCG: small, seedable, identical on every platform. */
function rng(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Text of roughly `targetChars` characters, ending with 。, unique through its tag. */
function sentence(random: () => number, phrases: readonly string[], targetChars: number, tag: string): string {
  let text = tag;
  while (text.length < targetChars) text += pick(random, phrases) + (random() < 0.7 ? '，' : '；');
  return `${text.slice(0, -1)}。`;
}

/** Lengths from one short line to several hundred characters, skewed short as real tables are. */
function length(random: () => number, index: number): number {
  if (index % 17 === 5) return 320 + Math.floor(random() * 180);
  if (index % 7 === 3) return 90 + Math.floor(random() * 80);
  return 12 + Math.floor(random() * 50);
}

/** Later measures of a problem: a line or two, now and then a paragraph. */
function shortLength(random: () => number, index: number): number {
  return index % 7 === 3 ? 60 + Math.floor(random() * 60) : 12 + Math.floor(random() * 40);
}

export function syntheticPlanInput(n: number, options: SyntheticPlanOptions = {}): PlanInput {
  const random = rng(options.seed ?? 20230907);
  const categories = CATEGORIES.slice(0, Math.max(1, Math.min(options.categories ?? 4, CATEGORIES.length)));
  const perCategory = Math.ceil(n / categories.length);
  const problems = Array.from({ length: n }, (_, i) => {
    const number = i + 1;
    const measureCount = i % 5 === 0 ? 1 : 1 + Math.floor(random() * 4);
    const measures = Array.from({ length: measureCount }, (_, m) =>
      sentence(random, PHRASES, m === 0 ? length(random, i) : shortLength(random, i + m), `措施${number}-${m + 1}`),
    );
    const lead = [pick(random, UNITS)];
    if (i % 9 === 4) lead.push(pick(random, UNITS.filter((u) => u !== lead[0])));
    const cooperating = i % 4 === 2 ? [] : UNITS.filter((u) => !lead.includes(u)).slice(i % 5, (i % 5) + 1 + (i % 3));
    return {
      number,
      category: categories[Math.min(Math.floor(i / perCategory), categories.length - 1)]!.id,
      summary: sentence(random, SUMMARY_PHRASES, length(random, i + 2), `问题${number}：`),
      measures,
      deadline: pick(random, DEADLINES),
      leadUnits: lead,
      cooperatingUnits: cooperating,
      ...(options.extraFields
        ? {
            target: sentence(random, PHRASES, 20 + (i % 3) * 15, `目标${number}：`),
            responsibleLeader: i % 2 === 0 ? '分管副镇长' : '党委副书记',
            responsiblePerson: i % 3 === 0 ? '站所负责人' : '办公室主任',
          }
        : {}),
    };
  });
  return {
    notice: {
      issuerMark: '某某县东河镇人民政府文件',
      docNumber: '东河府发〔2023〕12号',
      title: '东河镇人民政府关于印发问题整改工作方案的通知',
      recipients: '各村（社区），镇属各单位',
      body: ['现将方案印发给你们，请认真贯彻执行。'],
      signatory: '东河镇人民政府',
      date: '2023-06-15',
      public: true,
    },
    plan: {
      title: '东河镇问题整改工作方案',
      preamble: ['为抓好问题整改，制定本方案。'],
      goal: { heading: '整改目标', paragraphs: [`全面完成${n}个问题整改。`] },
      problemsHeading: '问题及整改措施',
      requirements: { heading: '整改要求', items: [{ heading: '强化组织领导。', text: '成立工作专班。' }] },
      attachmentTitle: (options.titleLines ?? ['东河镇问题整改任务分解和责任分工表']).join(''),
      ...(options.titleLines ? { attachmentTitleLines: options.titleLines } : {}),
    },
    categories,
    units: UNITS.map((name) => ({ name })),
    problems,
    ...(options.tableColumns ? { tableColumns: options.tableColumns } : {}),
  };
}

export function syntheticPlan(n: number, options: SyntheticPlanOptions = {}): Plan {
  return planSchema.parse(syntheticPlanInput(n, options));
}

/** The other-looking plan of docs/domain.md#other-plans: 整改目标, 责任领导, 责任人 and no 配合单位. */
export const OTHER_COLUMNS: TableColumn[] = [
  { field: 'number', header: '序号' },
  { field: 'category', header: '方面' },
  { field: 'summary', header: '存在问题' },
  { field: 'target', header: '整改目标' },
  { field: 'measures', header: '整改措施' },
  { field: 'responsibleLeader', header: '责任领导', group: '责任分工' },
  { field: 'responsiblePerson', header: '责任人', group: '责任分工' },
  { field: 'leadUnits', header: '责任单位', group: '责任分工' },
  { field: 'deadline', header: '完成时限' },
];

/** A made-up period: statuses cycle so every kind occurs; some problems overdue by 2024. Problems by their internal key, as progressSchema reads them once load/plan-folder.ts has resolved a shown number. */
export function syntheticPeriod(p: Plan): { view: PeriodView; progress: Progress } {
  const statuses = ['推进中', '已完成', '未启动', '已销号', '推进中', '已完成并长期坚持'] as const;
  const progress = progressSchema.parse({
    period: '2024-01',
    asOf: '2024-01-31',
    problems: p.problems.map((q, i) => {
      const status = statuses[i % statuses.length]!;
      return {
        number: q.number,
        status,
        ...(status === '推进中' ? { onSchedule: i % 2 === 0 } : {}),
        progress: `进展${q.number}`,
        ...(['已完成', '已销号', '已完成并长期坚持'].includes(status) ? { completedOn: '2023-12-01' } : { reason: `原因${q.number}` }),
        ...(status === '已销号' ? { closure: { date: '2023-12-20', approver: '王五', opinion: '同意。' } } : {}),
        evidence: i % 3 === 0 ? [`${q.number}/材料.pdf`] : [],
      };
    }),
  });
  const result = derivePeriod(p, progress);
  if (!result.ok) throw new Error(result.message);
  return { view: result.view, progress };
}

/** The plan numbered per category (docs/domain.md#problem-numbers): 1..n within each category, shown as 二-3. */
export function categoryNumberedPlan(n: number, options: SyntheticPlanOptions = {}): Plan {
  const input = syntheticPlanInput(n, options);
  const counts = new Map<string, number>();
  const problems = input.problems.map((p) => {
    const number = (counts.get(p.category!) ?? 0) + 1;
    counts.set(p.category!, number);
    return { ...p, number };
  });
  return planSchema.parse({ ...input, problems, numbering: { scope: 'category', shownAs: '{category}-{number}' } });
}
