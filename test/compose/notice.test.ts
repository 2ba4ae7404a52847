import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeNotice } from '../../src/compose/notice.js';
import { printedCategories } from '../../src/compose/plan-context.js';
import { numberHeadings, type Block, type OfficialDocument } from '../../src/model/document/official-document.js';
import { textWidthEm } from '../../src/layout/text-width.js';
import { measuresText } from '../../src/model/measures.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import { planSchema, type Plan, type PlanInput } from '../../src/model/plan-schema.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { syntheticPlanInput } from '../helpers/synthetic-plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

async function bundledPlan(): Promise<Plan> {
  return planSchema.parse(JSON.parse(await readFile(path.join(ROOT, 'data/guanyang-2022/plan.json'), 'utf8')));
}

const paragraphs = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

/** Headings and run-ins with the numbers the renderer will print. */
function numbered(blocks: readonly Block[], kind: 'heading' | 'runIn', level: number): string[] {
  const numbers = numberHeadings(blocks);
  return blocks.flatMap((b, i) => {
    if (b.kind === 'heading' && kind === 'heading' && b.level === level) return [`${numbers[i]}${b.text}`];
    if (b.kind === 'runIn' && kind === 'runIn' && b.level === level) return [`${numbers[i]}${b.heading}`];
    return [];
  });
}

function allText(doc: OfficialDocument): string {
  return JSON.stringify(doc);
}

describe('composeNotice on the bundled plan (官阳府发〔2023〕27号)', () => {
  let plan: Plan;
  let doc: OfficialDocument;
  let planBody: readonly Block[];
  beforeAll(async () => {
    plan = await bundledPlan();
    doc = composeNotice(plan, templates);
    planBody = doc.enclosures[0]!.body;
  });

  test('版头 of a 下行文, title in balanced lines, 主送机关', () => {
    expect(doc.header).toEqual({ kind: 'down', issuerMark: '巫山县官阳镇人民政府文件', docNumber: '官阳府发〔2023〕27号' });
    expect(doc.title.lines.join('')).toBe(plan.notice.title);
    expect(doc.title.lines.length).toBeGreaterThan(1);
    for (const line of doc.title.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(20);
    expect(doc.title.lines.at(-1)).not.toBe('的通知');
    expect(doc.recipients).toBe('各村（社区），各相关站所室、镇属各单位');
  });

  test('the notice’s body, 署名, date and 附注 as the seed has them; no 版记', () => {
    expect(doc.body).toEqual([
      { kind: 'paragraph', text: '现将《官阳镇2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改工作方案》印发给你们，请认真执行。' },
    ]);
    expect(doc.signature).toEqual({ signatory: '巫山县官阳镇人民政府', date: '2023-09-07', sealed: false });
    expect(doc.annotation).toBe('此件公开发布');
    expect(doc.attachmentsNote).toBeUndefined();
    expect(doc).not.toHaveProperty('colophon');
  });

  test('the plan follows as its own part under the data’s title lines, ending with 附件：', () => {
    expect(doc.enclosures).toHaveLength(1);
    const enclosure = doc.enclosures[0]!;
    expect(enclosure.title.lines).toEqual(['官阳镇2022年巩固拓展脱贫攻坚成果市级', '考核评估反馈问题整改工作方案']);
    expect(enclosure.attachmentsNote).toEqual(['2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改任务分解和责任分工表']);
    expect(enclosure.newPage).toBe(true);
  });

  test('preamble and goal are printed verbatim (the goal’s 23 included: the checker, not the renderer, reports it)', () => {
    expect(planBody[0]).toEqual({ kind: 'paragraph', text: plan.plan.preamble[0] });
    expect(planBody[1]).toEqual({ kind: 'heading', level: 1, text: '整改目标' });
    expect(planBody[2]).toEqual({ kind: 'paragraph', text: plan.plan.goal.paragraphs[0] });
    expect((planBody[2] as { text: string }).text).toContain('23个具体问题');
  });

  test('three level-1 parts, numbered 一、二、三、', () => {
    expect(numbered(planBody, 'heading', 1)).toEqual(['一、整改目标', '二、市级考核评估反馈我县具体问题及整改措施', '三、整改要求']);
  });

  test('four categories, the empty 东西部协作 one left out, numbered (一)…(四) (the seed skipped to (五))', () => {
    expect(numbered(planBody, 'heading', 2)).toEqual([
      '（一）交叉检查发现问题',
      '（二）第三方评估发现问题',
      '（三）衔接资金绩效评价发现问题',
      '（四）巩固脱贫成果认可度调查发现问题',
    ]);
    expect(allText(doc)).not.toContain('东西部协作考核评价发现问题');
  });

  test('every problem in order with its plan-wide number, then its measures, lead units and deadline', () => {
    const texts = paragraphs(planBody);
    const problemLines = texts.filter((t) => /^\d+．/.test(t));
    expect(problemLines).toEqual(plan.problems.map((p) => `${p.number}．${p.summary}`));
    for (const problem of plan.problems) {
      const at = texts.indexOf(`${problem.number}．${problem.summary}`);
      expect(texts[at + 1]).toBe(
        `整改措施：${measuresText(problem.measures)}（牵头单位：${problem.leadUnits.join('、')}；整改时限：${problem.deadline}）`,
      );
    }
  });

  test('measures read 一是…二是… as in the seed; a single measure is plain', () => {
    const texts = paragraphs(planBody);
    expect(texts).toContain(
      '整改措施：一是强化政策培训。召开全乡村（社区）和卫生健康系统业务培训会，确保系统干部做到应知应会。' +
        '二是加强宣传引导。转发关于贯彻落实《巩固拓展健康扶贫成果同乡村振兴有效衔接实施方案》的通知，通过乡村干部、医生、护士、医疗服务窗口等宣传“先诊疗后付费”政策调整后的对象人员。' +
        '三是在医疗机构综合服务窗口张贴“先诊疗后付费”告知书，并向每位入院患者发放“先诊疗后付费”告知单，确保群众知晓政策。' +
        '（牵头单位：经发办；整改时限：7月底前完成并长期坚持）',
    );
    expect(texts).toContain('整改措施：加强项目前期比选及过程监督，保证项目推进质量。（牵头单位：经发办；整改时限：10月底前完成）');
    expect(texts.some((t) => t.endsWith('（牵头单位：规建办、经发办；整改时限：12月底前完成并长期坚持）'))).toBe(true);
  });

  test('problem numbers are text, not level-3 headings', () => {
    expect(planBody.some((b) => (b.kind === 'heading' || b.kind === 'runIn') && b.level > 2)).toBe(false);
  });

  test('整改要求: four run-in paragraphs at level 2, the officials’ sentence verbatim', () => {
    expect(numbered(planBody, 'runIn', 2)).toEqual(['（一）强化组织领导。', '（二）切实压实责任。', '（三）严肃工作纪律。', '（四）加强信息报送。']);
    const runIns = planBody.filter((b) => b.kind === 'runIn');
    expect(runIns.map((b) => b.text)).toEqual(plan.plan.requirements.items.map((i) => i.text));
    expect(runIns[0]!.text).toContain('镇长杨裕富任组长，镇党委副书记汪石任副组长，各有关单位负责人为成员。');
    expect(planBody.at(-1)?.kind).toBe('runIn');
  });

  test('the attachment: 附件, the task table, landscape, under the data’s title lines', () => {
    expect(doc.attachments).toHaveLength(1);
    const attachment = doc.attachments[0]!;
    expect(attachment.label).toBe('附件');
    expect(attachment.orientation).toBe('landscape');
    expect(attachment.title.lines).toEqual(['2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题', '整改任务分解和责任分工表']);
    if (attachment.content.kind !== 'taskTable') throw new Error('expected the task table');
    expect(attachment.content.table.rows.map((r) => r.problemNumber)).toEqual(plan.problems.map((p) => p.number));
    expect(attachment.content.table.titleLines).toEqual(attachment.title.lines);
    expect(attachment.content.table.label).toBe('附件');
  });

  test('no value marks leak into the model', () => {
    expect(allText(doc)).not.toMatch(/[\uFDD0-\uFDEF]/);
  });

  test('pure: the same input gives the same model', () => {
    expect(composeNotice(plan, templates)).toEqual(doc);
  });
});

// --- a plan that is not the seed's --------------------------------------------

function otherPlanInput(): PlanInput {
  const input = syntheticPlanInput(9, { categories: 3, seed: 7 });
  return {
    ...input,
    notice: {
      ...input.notice,
      title: '南山乡人民政府关于印发《南山乡2024年河道管护问题整改工作方案》的通知',
      sealed: true,
      annotation: undefined,
      colophon: { cc: ['县河长办'], printer: '南山乡党政办公室', printDate: '2024-03-02' },
    },
    plan: {
      ...input.plan,
      title: '南山乡2024年河道管护巡查及审计反馈问题整改工作方案',
      goal: { heading: '工作目标', paragraphs: ['目标段一。', '目标段二。'] },
      problemsHeading: '问题清单及整改措施',
      requirements: {
        heading: '保障措施',
        items: [
          { heading: '加强领导。', text: '乡长李四平任组长。' },
          { heading: '严格督办。', text: '每月通报。' },
        ],
      },
    },
    categories: [
      ...input.categories!.slice(0, 1),
      { id: 'kept', heading: '群众举报问题', label: '群众举报', keepWhenEmpty: true },
      { id: 'dropped', heading: '媒体曝光问题', label: '媒体曝光' },
      ...input.categories!.slice(1),
    ],
  };
}

describe('composeNotice on another plan (nothing is seed-specific)', () => {
  let plan: Plan;
  let doc: OfficialDocument;
  beforeAll(() => {
    plan = planSchema.parse(otherPlanInput());
    doc = composeNotice(plan, templates);
  });

  test('its own header, signature with seal, 版记, no 附注', () => {
    expect(doc.header).toEqual({ kind: 'down', issuerMark: plan.notice.issuerMark, docNumber: plan.notice.docNumber });
    expect(doc.signature).toEqual({ signatory: plan.notice.signatory, date: plan.notice.date, sealed: true });
    expect(doc.colophon).toEqual({ cc: ['县河长办'], printer: '南山乡党政办公室', printDate: '2024-03-02' });
    expect(doc).not.toHaveProperty('annotation');
  });

  test('titles without lines in the data are balanced', () => {
    expect(doc.title.lines.join('')).toBe(plan.notice.title);
    expect(doc.title.lines.length).toBeGreaterThan(1);
    const planTitle = doc.enclosures[0]!.title.lines;
    expect(planTitle.join('')).toBe(plan.plan.title);
    for (const line of [...doc.title.lines, ...planTitle]) expect(textWidthEm(line)).toBeLessThanOrEqual(20);
  });

  test('categories with problems and the kept empty one, in the plan’s order; the other empty one left out', () => {
    const body = doc.enclosures[0]!.body;
    expect(numbered(body, 'heading', 2)).toEqual([
      `（一）${plan.categories[0]!.heading}`,
      '（二）群众举报问题',
      `（三）${plan.categories[3]!.heading}`,
      `（四）${plan.categories[4]!.heading}`,
    ]);
    expect(allText(doc)).not.toContain('媒体曝光问题');
  });

  test('problems in order with their numbers; its own headings and requirements', () => {
    const body = doc.enclosures[0]!.body;
    expect(paragraphs(body).filter((t) => /^\d+．/.test(t))).toEqual(plan.problems.map((p) => `${p.number}．${p.summary}`));
    expect(numbered(body, 'heading', 1)).toEqual(['一、工作目标', '二、问题清单及整改措施', '三、保障措施']);
    expect(numbered(body, 'runIn', 2)).toEqual(['（一）加强领导。', '（二）严格督办。']);
  });

  test('nothing from the seed appears', () => {
    for (const seedWord of ['官阳', '巫山', '经发办', '杨裕富', '此件公开发布']) expect(allText(doc)).not.toContain(seedWord);
  });

  test('a problem whose category is unknown is refused, not dropped', () => {
    const input = otherPlanInput();
    input.problems[0] = { ...input.problems[0]!, category: 'nowhere' };
    expect(() => printedCategories(planSchema.parse(input))).toThrow(UserError);
  });
});

describe('composeNotice with an office’s own templates', () => {
  const own = (plan: string, notice = '{{#each body}}\n{{this}}\n{{/each}}'): TemplateSet => ({
    notice: { name: 'notice', fileName: 'my/notice.hbs', source: notice, overridden: true },
    plan: { name: 'plan', fileName: 'my/plan.hbs', source: plan, overridden: true },
  });

  test('a reworded plan template changes the wording, and optional fields can be tested', () => {
    const plan = planSchema.parse(otherPlanInput());
    const source = [
      '{{#each categories}}',
      '# {{heading}}（{{count problems}}个）',
      '{{#each problems}}',
      '### {{summary}}',
      '配合单位：{{#if cooperatingUnits.length}}{{units cooperatingUnits}}{{else}}无{{/if}}',
      '{{#if target}}目标：{{target}}{{/if}}',
      '{{/each}}',
      '{{/each}}',
    ].join('\n');
    const body = composeNotice(plan, own(source)).enclosures[0]!.body;
    expect(body[0]).toEqual({ kind: 'heading', level: 1, text: `${plan.categories[0]!.heading}（3个）` });
    expect(body.filter((b) => b.kind === 'heading' && b.level === 3)).toHaveLength(plan.problems.length);
    expect(paragraphs(body).every((t) => t.startsWith('配合单位：'))).toBe(true);
  });

  test('a fault in an office’s template names that file', () => {
    const plan = planSchema.parse(otherPlanInput());
    expect(() => composeNotice(plan, own('# {{goal.heading}}\n{{problemsHeadng}}'))).toThrow(TemplateError);
    expect(() => composeNotice(plan, own('# {{goal.heading}}\n{{problemsHeadng}}'))).toThrow('my/plan.hbs:2: 未知字段“problemsHeadng”');
  });
});

describe('the plan body: a summary that starts with a digit, a last measure without its full stop', () => {
  test('2．2个村… and the measures ending with 。 before the bracketed lead unit', async () => {
    const input = syntheticPlanInput(3);
    input.problems[1]!.summary = '2个村未按要求建新拆旧';
    input.problems[1]!.measures = ['全面排查；', '按期拆除'];
    const plan = planSchema.parse(input);
    const body = composeNotice(plan, await loadTemplates()).enclosures[0]!.body;
    const texts = paragraphs(body);
    const at = texts.indexOf('2．2个村未按要求建新拆旧。');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(texts[at + 1]).toMatch(/^整改措施：一是全面排查；二是按期拆除。（牵头单位：/);
  });
});
