// In-memory plan folders for rule tests. Names, units and counts are
// deliberately not the seed's: the rules must be general.
import { assemblePlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import type { PlanInput } from '../../src/model/plan-schema.js';
import type { ProgressInput } from '../../src/model/progress-schema.js';
import { runRules } from '../../src/check/run.js';
import type { Rule } from '../../src/check/rule.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export function basePlan(): PlanInput {
  return {
    notice: {
      issuerMark: '青石县河口乡人民政府文件',
      docNumber: '河口府发〔2024〕5号',
      title: '关于印发《河口乡环保督察反馈问题整改方案》的通知',
      recipients: '各村，乡属各单位',
      body: ['现将方案印发给你们，请认真抓好落实。'],
      signatory: '青石县河口乡人民政府',
      date: '2024-03-15',
      sealed: true,
      annotation: '此件公开发布',
      public: true,
    },
    plan: {
      title: '河口乡环保督察反馈问题整改方案',
      preamble: ['为抓好环保督察反馈问题整改，制定本方案。'],
      goal: { heading: '整改目标', paragraphs: ['针对督察反馈的3个问题，逐项整改到位。'] },
      problemsHeading: '问题及整改措施',
      requirements: { heading: '工作要求', items: [{ heading: '加强领导。', text: '乡长孙德明任组长，统筹推进。' }] },
      attachmentTitle: '环保督察反馈问题整改任务清单',
    },
    categories: [
      { id: 'water', heading: '水环境问题', label: '水环境' },
      { id: 'air', heading: '大气问题', label: '大气' },
    ],
    units: [{ name: '农办' }, { name: '林业站' }, { name: '各村' }],
    problems: [
      { number: 1, category: 'water', summary: '河道垃圾清理不及时。', measures: ['开展清河行动。', '建立巡河制度。'], deadline: '5月底前完成', leadUnits: ['农办'], cooperatingUnits: ['各村'] },
      { number: 2, category: 'water', summary: '污水直排。', measures: ['建设污水管网。'], deadline: '2024年底前', leadUnits: ['林业站', '农办'] },
      { number: 3, category: 'air', summary: '秸秆焚烧。', measures: ['加强巡查。'], deadline: '立行立改、长期坚持', leadUnits: ['各村'] },
    ],
  };
}

export function baseProgress(period = '2024-06', asOf = '2024-06-30'): ProgressInput {
  return {
    period,
    asOf,
    report: {
      docNumber: '河口府文〔2024〕9号',
      signer: '孙德明',
      recipients: '青石县生态环境局',
      issuer: '青石县河口乡人民政府',
      issuerMark: '青石县河口乡人民政府',
      date: asOf,
      workDone: ['召开专题会议两次。'],
      difficulties: ['资金缺口较大。'],
      nextSteps: ['继续推进管网建设。'],
    },
    problems: [
      { number: 1, status: '已完成', completedOn: '2024-05-20', progress: '已清理河道 12 公里。', evidence: ['1/清河记录.txt'] },
      { number: 2, status: '推进中', onSchedule: true, progress: '管网完成 60%。' },
      { number: 3, status: '已完成并长期坚持', completedOn: '2024-03-20', progress: '常态化巡查。' },
    ],
  };
}

export interface FixtureOptions {
  plan?: PlanInput | string;
  progress?: Record<string, ProgressInput | string>;
  evidence?: string[];
}

export function fixtureFolder(options: FixtureOptions = {}): { folder?: PlanFolder; diagnostics: Diagnostic[] } {
  const toText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  return assemblePlanFolder({
    dir: '/plans/hekou-2024',
    plan: { file: 'plan.json', text: toText(options.plan ?? basePlan()) },
    progress: Object.entries(options.progress ?? {}).map(([name, value]) => ({ file: `progress/${name}.json`, text: toText(value) })),
    evidenceFiles: new Set(options.evidence ?? ['1/清河记录.txt']),
  });
}

/** Diagnostics of one rule on a fixture; throws if the fixture itself does not load. */
export function runRule(rule: Rule, options: FixtureOptions = {}): Diagnostic[] {
  const { folder, diagnostics } = fixtureFolder(options);
  if (!folder) throw new Error(`fixture did not load: ${JSON.stringify(diagnostics)}`);
  return runRules(folder, [rule]);
}

export function withProgress(edit: (p: ProgressInput) => void, period = '2024-06'): Record<string, ProgressInput> {
  const progress = baseProgress(period, `${period}-30`);
  edit(progress);
  return { [period]: progress };
}

export function withPlan(edit: (p: PlanInput) => void): PlanInput {
  const plan = basePlan();
  edit(plan);
  return plan;
}
