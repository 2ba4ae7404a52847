// init --from-table of a table without categories: a flat plan (no
// `categories`, no problem with a `category`, no category column) that passes
// `check` once the notice's metadata is filled in — from the flat fixture's own
// Word and Excel task tables, and from a hand-made Word table whose category
// column is left blank. A table whose first rows have no category while later
// ones do is a mixed plan: `check` names the problem (category-missing).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPlanFolder } from '../../src/documents/check.js';
import { taskTableDocx, taskTableXlsx } from '../../src/documents/task-table.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { runCli } from '../cli/run.js';

const FIXTURE = 'test/fixtures/plans/flat';
const fixture = JSON.parse(readFileSync(`${FIXTURE}/plan.json`, 'utf8'));
const flatPlan = planSchema.parse(fixture);

async function init(table: Uint8Array, name: string): Promise<{ dir: string; json: Record<string, any>; todo: string; out: string }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-init-flat-'));
  const file = path.join(tmp, name);
  writeFileSync(file, table);
  const dir = path.join(tmp, 'plan');
  const result = await runCli(['init', dir, '--from-table', file]);
  expect(result.err).toBe('');
  expect(result.exit).toBe(0);
  return { dir, json: JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')), todo: readFileSync(path.join(dir, '未映射内容.txt'), 'utf8'), out: result.out };
}

/** What a table cannot hold, as the office would fill it in (the attachment title too, when the table has none above it). */
function fillMetadata(dir: string, json: Record<string, any>, from: Record<string, any>): void {
  json.notice = from.notice;
  json.plan = { ...from.plan, attachmentTitle: json.plan.attachmentTitle || from.plan.attachmentTitle, ...(json.plan.attachmentTitleLines ? { attachmentTitleLines: json.plan.attachmentTitleLines } : {}) };
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(json, null, 2));
}

const PROBLEM_FIELDS = ['number', 'summary', 'measures', 'deadline', 'leadUnits', 'cooperatingUnits'] as const;
const problemView = (problems: Array<Record<string, unknown>>) => problems.map((p) => Object.fromEntries(PROBLEM_FIELDS.map((f) => [f, p[f]])));

describe('init --from-table of a table without categories', () => {
  for (const kind of ['docx', 'xlsx'] as const) {
    it(`gives a flat plan from the flat fixture's ${kind} task table, which passes check once its metadata is filled in`, async () => {
      const table = kind === 'docx' ? await taskTableDocx(flatPlan) : (await taskTableXlsx(flatPlan)).buffer;
      const { dir, json, todo, out } = await init(table, `table.${kind}`);
      expect(json).not.toHaveProperty('categories');
      for (const problem of json.problems) expect(problem).not.toHaveProperty('category');
      expect((json.tableColumns ?? []).map((c: { field: string }) => c.field)).not.toContain('category');
      expect(problemView(json.problems)).toEqual(problemView(fixture.problems.map((p: Record<string, unknown>) => ({ cooperatingUnits: [], ...p }))));
      expect(out).toContain('5 个问题、不分类、6 个单位');
      expect(todo).toContain('识别出 5 个问题、不分类、6 个单位。');
      expect(todo).toContain('表格没有类别，方案按不分类的问题清单生成');
      expect(todo).not.toMatch(/categories\[|类别以表格中的简称/);
      fillMetadata(dir, json, fixture);
      expect((await checkPlanFolder(dir)).filter((d) => d.severity === 'error')).toEqual([]);
      const notice = await runCli(['notice', dir, '--out', path.join(dir, '..', 'out')]);
      expect(notice.exit).toBe(0);
    });
  }

  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (text: string) => `<w:tc><w:tcPr/>${p(text)}</w:tc>`;
  const tr = (cells: string[]) => `<w:tr>${cells.map(tc).join('')}</w:tr>`;
  function docx(rows: string[][]): Uint8Array {
    const body = `${p('巡察反馈问题整改清单')}<w:tbl>${rows.map(tr).join('')}</w:tbl>`;
    const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
    return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document) });
  }
  const HEADER = ['问题类别', '序号', '存在问题', '整改措施', '责任单位', '完成时限'];

  it('gives a flat plan without a category column from a table whose category column is left blank', async () => {
    const { dir, json } = await init(
      docx([HEADER, ['', '1', '台账不全。', '补齐台账。', '农办', '6月底前完成'], ['', '2', '公示不及时。', '按月公示。', '党政办', '立行立改']]),
      'blank-category.docx',
    );
    expect(json).not.toHaveProperty('categories');
    expect(json.problems.map((p: Record<string, unknown>) => 'category' in p)).toEqual([false, false]);
    expect(json.tableColumns.map((c: { field: string }) => c.field)).toEqual(['number', 'summary', 'measures', 'leadUnits', 'deadline']);
    fillMetadata(dir, json, fixture);
    expect((await checkPlanFolder(dir)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves a problem the table gives no category out of the categories, for check to name', async () => {
    const { dir, json } = await init(
      docx([HEADER, ['', '1', '台账不全。', '补齐台账。', '农办', '6月底前完成'], ['审计', '2', '票据不规范。', '规范票据管理。', '党政办', '立行立改']]),
      'mixed.docx',
    );
    expect(json.categories.map((c: { label: string }) => c.label)).toEqual(['审计']);
    expect(json.problems.map((p: Record<string, unknown>) => p.category)).toEqual([undefined, '审计']);
    fillMetadata(dir, json, fixture);
    json.categories[0].heading = '审计发现问题';
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(json, null, 2));
    const errors = (await checkPlanFolder(dir)).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.path])).toEqual([['category-missing', ['problems', 0]]]);
    expect(errors[0]!.message).toContain('问题 1 没有写类别（category）');
  });
});
