// Every document generator, run on one plan folder, with the input texts each
// one must print. Generators that other work is still adding (notice, report,
// ledger, unit forms) are looked up when the test runs: a module that does not
// exist yet is skipped, one that exists is used — so the same tests cover them
// once they land.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlanFolder } from '../../../src/load/plan-folder.js';
import type { Plan } from '../../../src/model/plan-schema.js';
import type { Progress } from '../../../src/model/progress-schema.js';
import { derivePeriod, type PeriodView } from '../../../src/derive/period.js';
import { taskTableDocx, taskTableXlsx } from '../../../src/documents/task-table.js';
import { composeClosureForms, composeClosureFormsDocument } from '../../../src/compose/closure-forms.js';
import { loadTemplates } from '../../../src/templates/load.js';
import { CONTENTS_LIST_HEADERS } from '../../../src/model/vocabulary.js';
import { renderClosureFormsDocx } from '../../../src/render/docx/closure-forms.js';
import { renderContentsListDocx } from '../../../src/render/docx/contents-list.js';
import { composeTaskTable } from '../../../src/compose/task-table.js';
import { DEFAULT_TASK_TABLE_COLUMNS } from '../../../src/model/vocabulary.js';

export interface Output {
  readonly name: string;
  readonly kind: 'docx' | 'xlsx';
  readonly bytes: Uint8Array;
  /** Input texts a reader must find, unchanged. */
  readonly texts: readonly string[];
  /**
   * Known faults this output is not yet checked for, each with a failing
   * regression test (test.fails) in test/property/regressions.test.ts.
   */
  readonly knownIssues?: readonly KnownIssue[];
}

/**
 * 'raw-newline-in-run': a value's newline written inside <w:t>, which Word
 * shows as a space — render/docx/form-table.ts cellParagraphs (closure
 * forms, contents list) and the title lines of render/docx/task-table.ts.
 */
export type KnownIssue = 'raw-newline-in-run' | 'exceljs-astral-split';

/**
 * 'exceljs-astral-split': exceljs 4.4.0's StringBuf.addText, which builds
 * sharedStrings.xml, turns a character outside the BMP (CJK Extension B,
 * emoji) into two U+FFFD when the pair straddles a point where its buffer
 * grows — only in workbooks whose shared strings pass 16 KB. Every xlsx.
 */
const XLSX_ISSUES: readonly KnownIssue[] = ['exceljs-astral-split'];

const SRC = new URL('../../../src/', import.meta.url);

/** Whether a module of src/ exists yet (path without extension). */
export function moduleExists(path: string): boolean {
  return existsSync(fileURLToPath(new URL(`${path}.ts`, SRC)));
}

/** A module of src/ by its path without extension, or undefined while it does not exist. */
async function optionalModule<T>(path: string): Promise<T | undefined> {
  if (!moduleExists(path)) return undefined;
  return (await import(/* @vite-ignore */ new URL(`${path}.js`, SRC).href)) as T;
}

/**
 * The part of a sentence of the data that every document prints unchanged:
 * where it ends a printed sentence, a trailing pause mark (，、；：) or white
 * space may be replaced by the closing 。 (model/prose.ts endSentence), so
 * the text is looked for without them.
 */
export function sentenceStem(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s，,、；;：:]/u.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** What the task table prints: title, headers, and each problem's fields in the plan's columns (or the default seven). */
export function taskTableTexts(plan: Plan): string[] {
  const model = composeTaskTable(plan);
  return [...model.titleLines, ...model.headerCells.map((h) => h.text), ...problemFieldTexts(plan)];
}

/** Each problem's texts in the plan's table columns (or the default seven). */
export function problemFieldTexts(plan: Plan): string[] {
  const fields = (plan.tableColumns ?? DEFAULT_TASK_TABLE_COLUMNS).map((c) => c.field);
  const texts: string[] = [];
  const labels = new Map(plan.categories.map((c) => [c.id, c.label]));
  for (const p of plan.problems) {
    for (const field of fields) {
      switch (field) {
        case 'category':
          texts.push(labels.get(p.category)!);
          break;
        case 'number':
          texts.push(String(p.number));
          break;
        case 'measures':
          texts.push(...p.measures.map(sentenceStem));
          break;
        case 'leadUnits':
          texts.push(...p.leadUnits);
          break;
        case 'cooperatingUnits':
          texts.push(...p.cooperatingUnits);
          break;
        default: {
          const value = p[field];
          if (value !== undefined) texts.push(value);
        }
      }
    }
  }
  return texts;
}

export function periodView(folder: PlanFolder): { view: PeriodView; progress: Progress } {
  const progress = folder.progress.at(-1)!.data;
  const result = derivePeriod(folder.plan, progress);
  if (!result.ok) throw new Error(result.message);
  return { view: result.view, progress };
}

function closureTexts(folder: PlanFolder, view: PeriodView): string[] {
  const forms = composeClosureForms(folder.plan, view, folder.progress.map((p) => p.data));
  const headings = new Map(folder.plan.categories.map((c) => [c.id, c.heading]));
  return forms.flatMap((form) => {
    const problem = folder.plan.problems.find((p) => p.number === form.number)!;
    const row = view.rows.find((r) => r.problem.number === form.number)!;
    return [
      headings.get(problem.category)!,
      problem.summary,
      ...problem.measures.map(sentenceStem),
      ...problem.leadUnits,
      ...(row.progress.progress ? [sentenceStem(row.progress.progress)] : []),
      ...form.evidence.map((e) => e.path),
      ...(form.closure ? [form.closure.approver, sentenceStem(form.closure.opinion)] : []),
    ];
  });
}

type Renderer = (folder: PlanFolder) => Promise<Output | Output[] | undefined>;

const taskTableDocxOutput: Renderer = async (folder) => ({
  name: 'task table docx',
  kind: 'docx',
  bytes: await taskTableDocx(folder.plan),
  texts: taskTableTexts(folder.plan),
  knownIssues: ['raw-newline-in-run'], // the title lines (taskTableChildren); cells split newlines into breaks
});

const taskTableXlsxOutput: Renderer = async (folder) => ({
  name: 'task table xlsx',
  kind: 'xlsx',
  bytes: (await taskTableXlsx(folder.plan)).buffer,
  texts: taskTableTexts(folder.plan),
  knownIssues: XLSX_ISSUES,
});

const closureForms: Renderer = async (folder) => {
  const { view } = periodView(folder);
  const forms = composeClosureForms(folder.plan, view, folder.progress.map((p) => p.data));
  if (forms.length === 0) return undefined;
  const model = composeClosureFormsDocument(forms, await loadTemplates(), view.asOf);
  return { name: 'closure forms docx', kind: 'docx', bytes: await renderClosureFormsDocx(model), texts: closureTexts(folder, view), knownIssues: ['raw-newline-in-run'] };
};

const contentsList: Renderer = async (folder) => {
  const titles = [folder.plan.plan.title, ...folder.plan.problems.map((p) => p.summary)];
  const list = { title: folder.plan.notice.title, subtitle: folder.plan.notice.signatory, headers: CONTENTS_LIST_HEADERS, date: folder.plan.notice.date, rows: titles.map((title, i) => ({ index: i + 1, title, fileCount: 1, ...(i % 2 ? { pageCount: i } : {}) })) };
  return { name: 'contents list docx', kind: 'docx', bytes: await renderContentsListDocx(list), texts: [list.title, list.subtitle, ...titles], knownIssues: ['raw-newline-in-run'] };
};

interface TemplatesModule {
  loadTemplates(dir?: string): Promise<Record<string, { source: string; fileName: string }>>;
}

const notice: Renderer = async (folder) => {
  const mod = await optionalModule<{ noticeDocx(plan: Plan, templates: unknown): Promise<Buffer> }>('documents/notice');
  if (!mod) return undefined;
  const templates = await (await import('../../../src/templates/load.js') as TemplatesModule).loadTemplates();
  const { plan } = folder;
  const nonEmpty = new Set(plan.problems.map((p) => p.category));
  const texts = [
    plan.notice.issuerMark,
    plan.notice.docNumber,
    plan.notice.title,
    plan.notice.recipients,
    ...plan.notice.body,
    plan.notice.signatory,
    ...(plan.notice.annotation ? [plan.notice.annotation] : []),
    plan.plan.title,
    ...plan.plan.preamble,
    ...plan.plan.goal.paragraphs,
    ...plan.plan.requirements.items.flatMap((i) => [i.heading, i.text]),
    ...plan.categories.filter((c) => nonEmpty.has(c.id)).map((c) => c.heading),
    ...plan.problems.flatMap((p) => [sentenceStem(p.summary), ...p.measures.map(sentenceStem)]),
    ...taskTableTexts(plan),
  ];
  return { name: 'notice docx', kind: 'docx', bytes: await mod.noticeDocx(plan, templates), texts };
};

const report: Renderer = async (folder) => {
  const render = await optionalModule<{ reportDocx(plan: Plan, view: PeriodView, progress: Progress, templates: unknown): Promise<{ buffer: Buffer }> }>('documents/report');
  if (!render?.reportDocx) return undefined;
  const { view, progress } = periodView(folder);
  const meta = progress.report!;
  const templates = await ((await import('../../../src/templates/load.js')) as TemplatesModule).loadTemplates();
  const texts = [meta.docNumber, meta.signer, meta.recipients, meta.issuer, meta.issuerMark, ...(meta.title ? [meta.title] : []), ...meta.workDone, ...meta.difficulties, ...meta.nextSteps];
  // The attached progress table, its default columns: 序号, 问题简述, 牵头单位, 整改时限 (the plan's phrase,
  // an extension beside it), 整改状态, 整改进展 (with the reason).
  for (const p of folder.plan.problems) texts.push(String(p.number), p.summary, ...p.leadUnits, p.deadline);
  for (const row of view.rows) {
    if (row.progress.progress) texts.push(sentenceStem(row.progress.progress));
    if (row.progress.reason && !row.state.completed) texts.push(sentenceStem(row.progress.reason));
  }
  return { name: 'report docx', kind: 'docx', bytes: (await render.reportDocx(folder.plan, view, progress, templates)).buffer, texts };
};

const ledger: Renderer = async (folder) => {
  const mod = await optionalModule<{ ledgerXlsx(plan: Plan, view: PeriodView, history: readonly Progress[], templates: unknown): Promise<{ buffer: Buffer }> }>('documents/ledger');
  if (!mod?.ledgerXlsx) return undefined;
  const { view } = periodView(folder);
  const texts = problemFieldTexts(folder.plan);
  for (const row of view.rows) if (row.progress.progress) texts.push(row.progress.progress);
  return { name: 'ledger xlsx', kind: 'xlsx', bytes: (await mod.ledgerXlsx(folder.plan, view, folder.progress.map((p) => p.data), await loadTemplates())).buffer, texts, knownIssues: XLSX_ISSUES };
};

const unitForms: Renderer = async (folder) => {
  const compose = await optionalModule<{ composeUnitForms(input: object): Array<{ unit: string; rows: ReadonlyArray<{ plan: unknown }> }> }>('compose/forms');
  const render = await optionalModule<{ renderUnitFormXlsx(model: unknown): Promise<{ buffer: Buffer }> }>('render/xlsx/forms');
  if (!compose?.composeUnitForms || !render?.renderUnitFormXlsx) return undefined;
  const models = compose.composeUnitForms({ plan: folder.plan, planName: folder.name, period: '2023-11', previous: folder.progress.at(-1)?.data, templates: await loadTemplates() });
  const outputs: Output[] = [];
  for (const model of models.slice(0, 2)) {
    const reported = folder.plan.problems.filter((p) => p.leadUnits[0] === model.unit);
    const texts = [model.unit, ...reported.flatMap((p) => [p.summary, ...p.measures.map(sentenceStem)])];
    outputs.push({ name: `unit form xlsx (${model.unit})`, kind: 'xlsx', bytes: (await render.renderUnitFormXlsx(model)).buffer, texts, knownIssues: XLSX_ISSUES });
  }
  return outputs;
};

export const RENDERERS: ReadonlyArray<readonly [string, Renderer]> = [
  ['task table docx', taskTableDocxOutput],
  ['task table xlsx', taskTableXlsxOutput],
  ['closure forms docx', closureForms],
  ['contents list docx', contentsList],
  ['notice docx', notice],
  ['report docx', report],
  ['ledger xlsx', ledger],
  ['unit forms xlsx', unitForms],
];

export async function allOutputs(folder: PlanFolder, only?: ReadonlySet<string>): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const [name, render] of RENDERERS) {
    if (only && !only.has(name)) continue;
    const result = await render(folder);
    if (result) outputs.push(...(Array.isArray(result) ? result : [result]));
  }
  return outputs;
}
