// Counterexamples the property tests found, kept as plain tests (shrunk by
// fast-check, then trimmed by hand). Each names what it found and where it
// was fixed; test.fails marks a fault that lives in code this suite does not
// own and is still open — when it is fixed the test fails, and `.fails` (and
// the matching KnownIssue in support/outputs.ts) should go.
import { describe, expect, test } from 'vitest';
import { parseJsonSource } from '../../src/load/json-source.js';
import { composeClosureFormsDocument } from '../../src/compose/closure-forms.js';
import { renderClosureFormsDocx } from '../../src/render/docx/closure-forms.js';
import { loadTemplates } from '../../src/templates/load.js';
import { renderContentsListDocx } from '../../src/render/docx/contents-list.js';
import { taskTableDocx } from '../../src/documents/task-table.js';
import { planSchema, type PlanInput } from '../../src/model/plan-schema.js';
import type { ProgressInput } from '../../src/model/progress-schema.js';
import { assemblePlanFolder } from '../../src/load/plan-folder.js';
import { runRules } from '../../src/check/run.js';
import { assertDocumentsSound } from './support/check.js';
import { checkPackage, docxText } from './support/ooxml.js';
import type { ClosureForm } from '../../src/model/document/closure-form.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { writeXlsx, type XlsxCellStyle } from '../../src/formats/xlsx/writer.js';

/** The smallest plan the shrinker ends on: one unit, one category, one problem. */
function minimalPlan(edit: (p: PlanInput) => void = () => {}): PlanInput {
  const plan: PlanInput = {
    notice: { issuerMark: '𠀀', docNumber: '<', title: '一', recipients: '!', body: ['一'], signatory: '一', date: '2023-09-07', sealed: false, public: false },
    plan: {
      title: '一',
      preamble: ['<'],
      goal: { heading: '一', paragraphs: ['<'] },
      problemsHeading: '<',
      requirements: { heading: '𠀀', items: [{ heading: '𠀀', text: '一' }] },
      attachmentTitle: '!',
    },
    categories: [{ id: 'c0', heading: '!', label: '一', keepWhenEmpty: false }],
    units: [{ name: '!' }],
    problems: [{ number: 1, category: 'c0', summary: '一', measures: ['<'], deadline: '立行立改', leadUnits: ['!'], cooperatingUnits: [] }],
  };
  edit(plan);
  return plan;
}

function minimalProgress(edit: (p: ProgressInput) => void = () => {}): ProgressInput {
  const progress: ProgressInput = {
    period: '2023-10',
    asOf: '2023-10-31',
    report: { docNumber: '!', signer: '一', recipients: '!', issuer: '!', issuerMark: '!', workDone: ['一'], difficulties: ['<'], nextSteps: ['!'], date: '2023-11-02', sealed: true },
    problems: [{ number: 1, status: '未启动', evidence: [] }],
  };
  edit(progress);
  return progress;
}

describe('found by the property tests', () => {
  test('a Windows line end (\\r\\n) in a value did not reach the document as written; now read as \\n (src/load/json-source.ts)', async () => {
    // Counterexample: the report title "一\r\n𠀀". An XML reader turns a literal
    // CR into LF, so the CR never reached the document as written.
    const progress = minimalProgress((p) => {
      p.report!.title = '一\r\n𠀀';
    });
    const parsed = parseJsonSource('progress/2023-10.json', JSON.stringify(progress));
    expect((parsed.source!.value as ProgressInput).report!.title).toBe('一\n𠀀');
    expect((parseJsonSource('x.json', '{"a":["x\\ry", {"b":"\\r\\n"}]}').source!.value as { a: unknown }).a).toEqual(['x\ny', { b: '\n' }]);
    await assertDocumentsSound({ plan: minimalPlan((p) => (p.problems[0]!.summary = '甲\r\n乙\r丙')), progress, evidenceFiles: new Set() });
  });

  test('the template engine’s value marks U+FDD0–U+FDEF in data: were silently dropped from the notice and report; now refused by the checker', () => {
    const plan = minimalPlan((p) => {
      p.plan.requirements.items[0]!.heading = 'KU\uFDEF V';
      p.notice.title = '通知\uFDD0';
    });
    const { folder } = assemblePlanFolder({ dir: '/p/x', plan: { file: 'plan.json', text: JSON.stringify(plan) }, progress: [], evidenceFiles: new Set() });
    const errors = runRules(folder!).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.path])).toEqual([
      ['control-characters', ['notice', 'title']],
      ['control-characters', ['plan', 'requirements', 'items', 0, 'heading']],
    ]);
  });

  test('hundreds of long unit names as one problem’s 配合单位: the ledger cut the cell at 32,767 characters; now refused by the checker (excel-cell-limit)', () => {
    const names = Array.from({ length: 300 }, (_, i) => `${i}单位`.padEnd(120, '测'));
    const plan = minimalPlan((p) => {
      p.units = names.map((name) => ({ name }));
      p.problems[0]!.leadUnits = [names[0]!];
      p.problems[0]!.cooperatingUnits = names.slice(1);
    });
    const { folder } = assemblePlanFolder({ dir: '/p/x', plan: { file: 'plan.json', text: JSON.stringify(plan) }, progress: [], evidenceFiles: new Set() });
    const errors = runRules(folder!).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.path])).toEqual([['excel-cell-limit', ['problems', 0, 'cooperatingUnits']]]);
  });
});

describe('fixed: a value’s newline becomes a line break in every docx writer (render/docx/runs.ts)', () => {
  const strict = (bytes: Uint8Array) => docxText(checkPackage(bytes, 'docx'));

  test('closure form: a summary of two lines keeps its line break (render/docx/form-table.ts cellParagraphs)', async () => {
    const form: ClosureForm = {
      kind: 'blank',
      number: 1,
      shownNumber: '1',
      source: '来源',
      summary: '第一行\n第二行',
      measures: '措施',
      done: '',
      completedOn: '2023-10-01',
      leadUnits: '农办',
      evidence: [],
      closure: undefined,
    };
    expect(strict(await renderClosureFormsDocx(composeClosureFormsDocument([form], await loadTemplates(), '2023-10-31')))).toContain('第一行\n第二行');
  });

  test('contents list: a title of two lines keeps its line break (render/docx/form-table.ts cellParagraphs)', async () => {
    const bytes = await renderContentsListDocx({ title: '清单', subtitle: '副题', headers: ['序号', '材料名称', '文件数', '页数'], date: '2023-10-31', rows: [{ index: 1, title: '第一行\n第二行', fileCount: 1 }] });
    expect(strict(bytes)).toContain('第一行\n第二行');
  });

  test('task table: an attachment title holding a newline keeps its line break (render/docx/task-table.ts taskTableChildren)', async () => {
    const plan = planSchema.parse(minimalPlan((p) => (p.plan.attachmentTitle = '任务分解\n责任分工表')));
    expect(strict(await taskTableDocx(plan))).toContain('任务分解\n责任分工表');
  });

  test('(task table cells already split a newline into a break)', async () => {
    const plan = planSchema.parse(minimalPlan((p) => (p.problems[0]!.summary = '第一行\n第二行')));
    expect(strict(await taskTableDocx(plan))).toContain('第一行\n第二行');
  });
});

describe('fixed: exceljs 4.4.0 split a character outside the BMP in large parts (formats/xlsx/exceljs.ts encodes parts first)', () => {
  // Found by test/property/limits.test.ts (a 32,488-character summary in the
  // ledger came back with 𠉍 as two U+FFFD). exceljs passes each XML part to
  // JSZip as a string, which JSZip encodes to UTF-8 in chunks cut by UTF-16
  // length, splitting a surrogate pair at a chunk boundary. The adapter now
  // hands JSZip UTF-8 bytes.
  const style: XlsxCellStyle = { font: { name: '仿宋_GB2312', sizePt: 12 }, horizontal: 'left', vertical: 'top', wrap: true, border: false };
  const page = { orientation: 'portrait', marginsInch: { top: 1, right: 1, bottom: 1, left: 1, header: 0.5, footer: 0.5 } } as const;

  test('a long Extension B text survives whatever comes before it', async () => {
    const text = '𠀀'.repeat(12_000);
    for (const prefix of [0, 1, 2, 3]) {
      const bytes = await writeXlsx({
        creator: 't',
        date: '2023-10-31',
        sheets: [{ name: 's', columnWidths: [40], merges: [], page, rows: [{ heightPt: 15, cells: [{ value: `x${'y'.repeat(prefix)}`, style }] }, { heightPt: 15, cells: [{ value: text, style }] }] }],
      });
      const [sheet] = await readXlsx(bytes);
      expect(sheet!.cell(2, 1).value).toBe(text);
    }
  });
});
