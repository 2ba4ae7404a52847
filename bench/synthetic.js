// Synthetic plans and progress for the benchmark: any number of problems, text
// from one short line to several hundred characters (skewed short, as real
// tables are), five categories, a dozen units. A plain-JS cousin of
// test/helpers/synthetic-plan.ts (that one is TypeScript and the benchmark runs
// on dist/). Deterministic: the same n always gives the same plan.

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
];

const DEADLINES = ['立行立改', '7月底前完成', '10月底前完成并长期坚持', '12月10日前完成', '2024年6月底前', '长期坚持', '立行立改、长期坚持'];

/** Park–Miller LCG: seedable, identical on every platform. */
function rng(seed) {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

function sentence(random, phrases, targetChars, tag) {
  let text = tag;
  while (text.length < targetChars) text += pick(random, phrases) + (random() < 0.7 ? '，' : '；');
  return `${text.slice(0, -1)}。`;
}

function length(random, index) {
  if (index % 17 === 5) return 320 + Math.floor(random() * 180);
  if (index % 7 === 3) return 90 + Math.floor(random() * 80);
  return 12 + Math.floor(random() * 50);
}

function shortLength(random, index) {
  return index % 7 === 3 ? 60 + Math.floor(random() * 60) : 12 + Math.floor(random() * 40);
}

/** plan.json content (before zod's defaults) with n problems. */
export function syntheticPlanInput(n, seed = 20230907) {
  const random = rng(seed);
  const perCategory = Math.ceil(n / CATEGORIES.length);
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
      category: CATEGORIES[Math.min(Math.floor(i / perCategory), CATEGORIES.length - 1)].id,
      summary: sentence(random, SUMMARY_PHRASES, length(random, i + 2), `问题${number}：`),
      measures,
      deadline: pick(random, DEADLINES),
      leadUnits: lead,
      cooperatingUnits: cooperating,
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
      attachmentTitle: '东河镇问题整改任务分解和责任分工表',
    },
    categories: CATEGORIES,
    units: UNITS.map((name) => ({ name })),
    problems,
  };
}

const PROGRESS_TEXTS = ['已召开专题会议，制定整改台账，逐项推进。', '已完成入户核查，正在整理佐证资料。', '相关制度已印发，长效机制运行良好。', '项目已开工，完成投资约六成。'];

/**
 * progress/<period>.json content for a plan of n problems: a realistic mix of
 * statuses (a third completed, some closed, some in progress on or behind
 * schedule, a few not started with a reason, one with an extension).
 */
export function syntheticProgressInput(n, period = '2023-10', asOf = '2023-10-31') {
  const problems = Array.from({ length: n }, (_, i) => {
    const number = i + 1;
    const progress = PROGRESS_TEXTS[i % PROGRESS_TEXTS.length];
    switch (i % 6) {
      case 0:
        return { number, status: '已完成', completedOn: '2023-09-20', progress };
      case 1:
        return { number, status: '已完成并长期坚持', completedOn: '2023-08-30', progress };
      case 2:
        return {
          number,
          status: '已销号',
          completedOn: '2023-09-10',
          progress,
          closure: { date: '2023-10-12', approver: '县整改办', opinion: '经现场核查，整改到位，同意销号。' },
        };
      case 3:
        return { number, status: '推进中', onSchedule: true, progress };
      case 4:
        return {
          number,
          status: '推进中',
          onSchedule: false,
          progress,
          reason: '资金尚未到位，施工进度滞后。',
          extension: { deadline: '12月底前完成', reason: '受汛期影响', approvedOn: '2023-09-15' },
        };
      default:
        return { number, status: '未启动', reason: '等待上级政策明确。' };
    }
  });
  return {
    period,
    asOf,
    report: {
      docNumber: '东河府文〔2023〕40号',
      signer: '李明',
      recipients: '某某县整改办',
      issuer: '东河镇人民政府',
      issuerMark: '东河镇人民政府',
      date: asOf,
      workDone: ['召开专题会议研究部署整改工作。'],
      difficulties: ['部分项目资金缺口较大。'],
      nextSteps: ['继续推进未完成事项。'],
    },
    problems,
  };
}
