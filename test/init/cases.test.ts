// The failing inputs of issue 13 (test/fixtures/cases/, each with its README):
// Word tables whose 序号 is Word's automatic numbering or full-width digits,
// and one whose headers use other common wordings. All four files hold the
// same four problems; what init must read from them is written out here from
// the tables as Word shows them, not from the code.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';

const CASES = 'test/fixtures/cases';

const PROBLEMS = [
  { number: 1, category: '交叉核查', summary: '某村脱贫户家庭收入核算不准确，漏登务工收入。', measures: ['开展收入复核。', '强化业务培训。'], deadline: '10月底前完成', leadUnits: ['经发办'], cooperatingUnits: ['各村（社区）'] },
  { number: 2, category: '交叉核查', summary: '监测对象纳入不及时。', measures: ['全面开展排查。', '规范纳入程序。'], deadline: '11月底前完成', leadUnits: ['社保所'], cooperatingUnits: [] },
  { number: 3, category: '第三方评估', summary: '村卫生室药品过期。', measures: ['配齐基本药物。', '加强督导检查。'], deadline: '12月底前完成', leadUnits: ['卫生院'], cooperatingUnits: ['各村（社区）'] },
  { number: 4, category: '第三方评估', summary: '项目公示公告不到位。', measures: ['严格公示制度。', '开展回头看。'], deadline: '12月底前完成', leadUnits: ['经发办'], cooperatingUnits: [] },
];

async function init(file: string) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-case-')), 'plan');
  const result = await runCli(['init', dir, '--from-table', file]);
  return { result, plan: result.exit === 0 ? JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) : undefined, todo: result.exit === 0 ? readFileSync(path.join(dir, '未映射内容.txt'), 'utf8') : '' };
}

describe('init-word-autonumber-serial: the 序号 as Word shows it', () => {
  it.each([
    ['i0-control.docx', 'typed 1–4 (the control)'],
    ['i1-autonumber-serial.docx', 'the List Number style: Word shows 1. 2. 3. 4., the cells hold no digits'],
    ['i11-fullwidth-serial.docx', 'typed as full-width １ ２ ３ ４'],
  ])('%s (%s) gives four problems numbered 1–4', async (file) => {
    const { result, plan } = await init(path.join(CASES, 'init-word-autonumber-serial', file));
    expect(result.err).toBe('');
    expect(result.exit).toBe(0);
    expect(plan.problems).toEqual(PROBLEMS);
    expect(plan.categories).toEqual([
      { id: '交叉核查', heading: '', label: '交叉核查' },
      { id: '第三方评估', heading: '', label: '第三方评估' },
    ]);
    expect(plan.units).toEqual([{ name: '经发办' }, { name: '各村（社区）' }, { name: '社保所' }, { name: '卫生院' }]);
    expect(plan.plan.attachmentTitle).toBe('某镇反馈问题整改任务分解和责任分工表');
  });
});

describe('init-header-synonyms: 反馈问题, 整改举措, 整改完成时限', () => {
  it('reads every column into its field and tells the clerk how each header was read', async () => {
    const { result, plan, todo } = await init(path.join(CASES, 'init-header-synonyms', 'i5-header-synonyms.docx'));
    expect(result.exit).toBe(0);
    expect(plan.problems).toEqual(PROBLEMS);
    expect(plan.tableColumns).toEqual([
      { field: 'category', header: '问题类别' },
      { field: 'number', header: '序号' },
      { field: 'summary', header: '反馈问题' },
      { field: 'measures', header: '整改举措' },
      { field: 'deadline', header: '整改完成时限' },
      { field: 'leadUnits', header: '责任单位' },
      { field: 'cooperatingUnits', header: '配合单位' },
    ]);
    expect(todo).toContain('二、未对应到方案字段的列（内容未写入 plan.json）\n（无）');
    expect(todo).toContain('- 列“反馈问题”读作“问题简述”');
    expect(todo).toContain('- 列“整改举措”读作“整改措施”');
    expect(todo).toContain('- 列“整改完成时限”读作“整改时限”');
  });
});
