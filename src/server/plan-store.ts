// Plans in the database: a plan folder in (plan.json and progress texts as
// they were written, every other file in the data folder under a generated
// name), the same folder out, and the PlanData the document pipelines take.
// Nothing is parsed into columns that the texts do not keep, so a field the
// formats gain later passes through untouched (docs/server.md#storage).

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/user-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FolderFile } from '../documents/plan-archive.js';
import { checkPlanTexts, sortFolderFiles, type CheckedTexts, type PlanTexts } from '../documents/plan-texts.js';
import type { EvidenceReader } from '../documents/pipeline.js';
import type { Database } from './database.js';

/** A plan as its texts and the names of its stored files. */
export interface StoredPlan {
  id: number;
  name: string;
  title: string;
  docNumber: string;
  texts: PlanTexts;
}

/** Refused import: the message and the diagnostics `check` would print. */
export class ImportRefused extends UserError {}

/** A plan folder's name: what `out/<name>/` and the exported folder are called. Letters, digits, CJK, - _ . only. */
const PLAN_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,79}$/u;

/** Why `name` cannot name a plan, or undefined. */
export function planNameProblem(name: string): string | undefined {
  if (!PLAN_NAME.test(name)) return `方案名称“${name}”只能由文字、数字和 - _ . 组成（不超过 80 个字符，不以符号开头）`;
  return undefined;
}

/** Where the data folder keeps stored files. */
export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/** plan.json's title and 发文字号 for the plan list, read leniently (a plan from a table may lack them). */
function planColumns(planText: string): { title: string; docNumber: string } {
  try {
    const value = JSON.parse(planText) as { plan?: { title?: unknown }; notice?: { docNumber?: unknown } };
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return { title: text(value.plan?.title), docNumber: text(value.notice?.docNumber) };
  } catch {
    return { title: '', docNumber: '' };
  }
}

/** The lead units of each problem, read from the checked data (for unit accounts' object checks). */
function problemUnits(checked: CheckedTexts): { number: number; unit: string }[] {
  const rows: { number: number; unit: string }[] = [];
  for (const problem of checked.data?.plan.problems ?? []) {
    for (const unit of new Set(problem.leadUnits)) rows.push({ number: problem.number, unit });
  }
  return rows;
}

/** The as-of date a progress text states (for the period list), or '' when unreadable. */
function asOfOf(text: string): string {
  try {
    const value = JSON.parse(text) as { asOf?: unknown };
    return typeof value.asOf === 'string' ? value.asOf : '';
  } catch {
    return '';
  }
}

/** Options of importPlan. */
export interface ImportPlanOptions {
  name: string;
  files: readonly FolderFile[];
  accountId: number;
  /** Keep a plan whose check finds errors (a plan from a task table, to be completed); a folder with errors is refused. */
  allowErrors: boolean;
}

/**
 * Store a plan folder's files as plan `name`: refused (ImportRefused with
 * the diagnostics) when the name is taken or malformed, when plan.json is
 * missing or not UTF-8, or (unless allowErrors) when `check` finds an error
 * (with allowErrors, even a plan.json the schema refuses is kept as text).
 * Other files go to the data folder first, then everything is recorded in
 * one transaction; on failure the written files are removed. Returns the new plan's id.
 */
export async function importPlan(db: Database, dataDir: string, options: ImportPlanOptions): Promise<{ id: number; diagnostics: Diagnostic[] }> {
  const nameProblem = planNameProblem(options.name);
  if (nameProblem) throw new ImportRefused(nameProblem);
  if (await db.selectFrom('plans').select('id').where('name', '=', options.name).executeTakeFirst()) {
    throw new ImportRefused(`已有名为“${options.name}”的方案；请换一个名称，或先导出、删除原方案`);
  }
  const sorted = sortFolderFiles(options.name, options.files);
  if (!sorted.texts) throw new ImportRefused('无法导入：没有可读的 plan.json', sorted.diagnostics);
  const checked = checkPlanTexts(sorted.texts);
  const diagnostics = [...sorted.diagnostics, ...checked.diagnostics];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  // A plan from a task table keeps its blanks (init's plan.json lists what to fill in): stored with its errors, shown on the check page.
  if ((errors.length > 0 && !options.allowErrors) || sorted.diagnostics.length > 0) {
    throw new ImportRefused(`无法导入：方案有 ${errors.length} 个错误（与 zhenggai check 所列相同），未保存任何内容`, errors);
  }
  const stored = await storeFiles(dataDir, sorted.others);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const { id } = await tx
        .insertInto('plans')
        .values({ name: options.name, ...planColumns(sorted.texts!.planText), planText: sorted.texts!.planText, importedAt: now, importedBy: options.accountId })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of sorted.texts!.progress) await tx.insertInto('periods').values({ planId: id, period: p.period, asOf: asOfOf(p.text), progressText: p.text }).execute();
      for (const row of problemUnits(checked)) await tx.insertInto('problemUnits').values({ planId: id, ...row }).execute();
      for (const file of stored) await tx.insertInto('planFiles').values({ planId: id, ...file }).execute();
      return id;
    });
    return { id, diagnostics };
  } catch (error) {
    await Promise.all(stored.map((f) => rm(path.join(filesDir(dataDir), f.storedName), { force: true })));
    throw error;
  }
}

/** Write `files` to the data folder under generated names (files/<uuid>), each created new; on failure the ones written are removed. */
export async function storeFiles(dataDir: string, files: readonly FolderFile[]): Promise<{ path: string; storedName: string; size: number; sha256: string }[]> {
  await mkdir(filesDir(dataDir), { recursive: true });
  const stored: { path: string; storedName: string; size: number; sha256: string }[] = [];
  try {
    for (const file of files) {
      const storedName = randomUUID();
      await writeFile(path.join(filesDir(dataDir), storedName), file.data, { flag: 'wx' });
      stored.push({ path: file.path, storedName, size: file.data.byteLength, sha256: createHash('sha256').update(file.data).digest('hex') });
    }
  } catch (error) {
    await Promise.all(stored.map((f) => rm(path.join(filesDir(dataDir), f.storedName), { force: true })));
    throw error;
  }
  return stored;
}

/** The plan with id `planId` as texts, or undefined when there is none. */
export async function loadPlan(db: Database, planId: number): Promise<StoredPlan | undefined> {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return undefined;
  const periods = await db.selectFrom('periods').select(['period', 'progressText']).where('planId', '=', planId).orderBy('period').execute();
  const evidence = await db.selectFrom('planFiles').select('path').where('planId', '=', planId).where('path', 'like', 'evidence/%').execute();
  return {
    id: plan.id,
    name: plan.name,
    title: plan.title,
    docNumber: plan.docNumber,
    texts: {
      name: plan.name,
      planText: plan.planText,
      progress: periods.map((p) => ({ period: p.period, text: p.progressText })),
      evidenceFiles: new Set(evidence.map((e) => e.path.slice('evidence/'.length))),
    },
  };
}

/**
 * Evidence of plan `planId` read from the data folder by its path under
 * evidence/; a path the plan has no file for is a UserError, as the folder
 * reader refuses a path outside evidence/.
 */
export function evidenceReader(db: Database, dataDir: string, planId: number): EvidenceReader {
  return {
    async read(relativePath) {
      const row = await db.selectFrom('planFiles').select('storedName').where('planId', '=', planId).where('path', '=', `evidence/${relativePath}`).executeTakeFirst();
      if (!row) throw new UserError(`佐证材料不能读取：evidence/${relativePath}（方案中没有这个文件）`);
      return readFile(path.join(filesDir(dataDir), row.storedName));
    },
  };
}

/**
 * The plan folder of plan `planId` as files: plan.json, progress/<period>.json
 * (their texts as stored) and every other file as imported, sorted by path.
 */
export async function exportPlan(db: Database, dataDir: string, planId: number): Promise<FolderFile[]> {
  const plan = await loadPlan(db, planId);
  if (!plan) throw new UserError('没有这个方案');
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
  const files: FolderFile[] = [{ path: 'plan.json', data: utf8(plan.texts.planText) }];
  for (const p of plan.texts.progress) files.push({ path: `progress/${p.period}.json`, data: utf8(p.text) });
  const stored = await db.selectFrom('planFiles').select(['path', 'storedName']).where('planId', '=', planId).execute();
  for (const file of stored) files.push({ path: file.path, data: new Uint8Array(await readFile(path.join(filesDir(dataDir), file.storedName))) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Replace one period's progress text (after the caller has checked it), keeping the as-of column in step. */
export async function saveProgressText(db: Database, planId: number, period: string, text: string): Promise<void> {
  await db.updateTable('periods').set({ progressText: text, asOf: asOfOf(text) }).where('planId', '=', planId).where('period', '=', period).execute();
}

/**
 * Replace one period's progress text only if it is still `expected` (what
 * the caller read and checked): false when it changed meanwhile (an answer
 * accepted between reading and saving), so nothing is written over it.
 */
export async function replaceProgressText(db: Database, planId: number, period: string, expected: string, text: string): Promise<boolean> {
  const result = await db.updateTable('periods').set({ progressText: text, asOf: asOfOf(text) }).where('planId', '=', planId).where('period', '=', period).where('progressText', '=', expected).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** `checkPlanTexts` on a stored plan: its data for the pipelines and its diagnostics. */
export function checkStoredPlan(plan: StoredPlan): CheckedTexts {
  return checkPlanTexts(plan.texts);
}
