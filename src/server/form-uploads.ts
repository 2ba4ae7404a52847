// Excel forms uploaded by the office (issue 16): a unit that cannot reach the
// server returns the form `zhenggai forms` made (or the 各牵头单位进展填报表
// download) by e-mail, and the office uploads it into the open period. The
// forms are read by import's own pipeline (documents/import-texts.ts: the
// same validation, messages at file sheet!cell, pictures named as import
// names them); each problem's row becomes that problem's answer for the
// period, recorded as a round (填报人 the form's unit, via Excel 表单上传 by
// the office account) and — since the office itself uploaded it — accepted
// and merged as an accepted online answer is (answers.ts mergeAccepted).
//
// When the problem already has an answer this period (docs/server.md):
// none, a draft or a returned answer — the form's row is the later word and
// wins, with its round; submitted (waiting for the office's review) — refused,
// the office decides on it first; accepted, or an entry the period's file
// holds already — refused unless the office ticks 以表格为准替换, when the
// form wins with a new round (the earlier one stays in the history).

import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/user-error.js';
import type { PlacedPicture } from '../documents/import/evidence-pictures.js';
import { answersOfEntry, type ImportedEntry } from '../documents/import/validate-form.js';
import { numberCell } from '../documents/import/validate-forms.js';
import { prepareImportFromTexts } from '../documents/import-texts.js';
import { periodFile } from '../documents/period.js';
import { shownNumberOf } from '../model/numbering.js';
import type { Account } from './accounts.js';
import { ANSWER_WORDS, mergeAccepted, type Answer, type AnswerValues } from './answers.js';
import { beijingTime } from './beijing-time.js';
import type { Database } from './database.js';
import type { Upload } from './forms.js';
import type { PlanInView } from './plan-access.js';
import { evidenceReader, filesDir, storeFiles } from './plan-store.js';

/** The check box that lets a form replace an accepted answer (import's --force). */
export const REPLACE_LABEL = '以表格为准，替换本期已采纳或已有的进展（同 zhenggai import --force）';

/** One problem taken from a form: the answer it had before (none: no answer) and the values it has now. */
export interface RecordedRow {
  number: number;
  shown: string;
  unit: string;
  file: string;
  before: keyof typeof ANSWER_WORDS;
  oldValues: AnswerValues;
  values: AnswerValues;
}

/** What an upload recorded: each problem's row, the pictures (new or found again), and the warnings at the forms' cells. */
export interface FormUploadResult {
  units: string[];
  rows: RecordedRow[];
  pictures: PlacedPicture[];
  warnings: Diagnostic[];
}

/** An upload's name without any folder a crafted request put in it: only for messages, never a path on disk. */
function shownName(filename: string): string {
  return filename.split(/[/\\]/).pop() || 'form.xlsx';
}

/**
 * Read the uploaded forms into `period` of the plan (open for reporting; the
 * caller checks) and record every row as an accepted answer, all or nothing.
 * Throws UserError (400) with the findings at their cells for a bad form or
 * a row whose problem may not be replaced (rule above), decided inside the
 * writing transaction, so an online save or review meanwhile is never written over.
 */
export async function uploadForms(db: Database, dataDir: string, view: PlanInView, period: string, uploads: readonly Upload[], replace: boolean, account: Account): Promise<FormUploadResult> {
  if (uploads.length === 0) throw new UserError('请选择要上传的填报表（.xlsx，由“各牵头单位进展填报表”下载或 zhenggai forms 生成）');
  const scratch = path.join(dataDir, 'tmp', randomUUID());
  let prepared;
  try {
    await mkdir(scratch, { recursive: true });
    const refs = [];
    for (const [i, upload] of uploads.entries()) {
      const file = path.join(scratch, `form-${i + 1}.xlsx`);
      await writeFile(file, upload.data);
      refs.push({ path: file, shown: shownName(upload.filename) });
    }
    const reader = evidenceReader(db, dataDir, view.stored.id);
    // force: which earlier answers a row may replace is decided per problem below, against the online answers too.
    prepared = await prepareImportFromTexts(view.stored.texts, period, refs, { force: true, readEvidence: (p) => reader.read(p) });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (prepared.entries.length === 0) throw new UserError(`表格中没有需要导入的问题（${prepared.units.join('、')} 本期没有报送的问题），未导入`);
  const fresh = prepared.pictures.filter((p) => !p.existing);
  const stored = await storeFiles(dataDir, fresh.map((p) => ({ path: p.path, data: p.bytes })));
  let before: ReadonlyMap<number, Answer>;
  try {
    before = await record(db, view, period, prepared.entries, replace, account, fresh.map((p, i) => ({ picture: p, ...stored[i]! })));
  } catch (error) {
    await Promise.all(stored.map((s) => rm(path.join(filesDir(dataDir), s.storedName), { force: true })));
    throw error;
  }
  const rows = prepared.entries.map((e): RecordedRow => {
    const answer = before.get(e.number);
    return { number: e.number, shown: e.shownNumber, unit: e.unit, file: e.file, before: answer?.state ?? 'none', oldValues: answer ? (JSON.parse(answer.valuesJson) as AnswerValues) : {}, values: answersOfEntry(e.entry) };
  });
  return { units: prepared.units, rows, pictures: prepared.pictures, warnings: prepared.atForms };
}

/** The rows whose problem already has what a form may not replace (the rule at the top), each at its 序号 cell. */
async function refusals(db: Database, view: PlanInView, period: string, entries: readonly ImportedEntry[], answers: ReadonlyMap<number, Answer>, replace: boolean): Promise<Diagnostic[]> {
  const plan = view.checked.data!.plan;
  const inFile = new Set(periodFile(view.checked.data!, period)?.data.problems.map((p) => p.number) ?? []);
  const found: Diagnostic[] = [];
  for (const entry of entries) {
    const answer = answers.get(entry.number);
    const shown = shownNumberOf(plan, entry.number);
    const at = (message: string): Diagnostic => ({ file: entry.file, sheet: entry.sheet, cell: numberCell(entry), ruleId: 'form-answered-online', severity: 'error', message });
    if (answer?.state === 'submitted') {
      found.push(at(`第 ${shown} 号问题已有${answer.unit}在线提交的填报，待整改办审核：请先在“填报与审核”中采纳或退回，再上传表格`));
    } else if (!replace && answer?.state === 'accepted') {
      const round = await db.selectFrom('answerRounds').select(['reviewedBy', 'reviewedAt']).where('answerId', '=', answer.id).orderBy('id', 'desc').executeTakeFirst();
      const by = round?.reviewedAt ? `（${round.reviewedBy ?? ''} ${beijingTime(round.reviewedAt)} 采纳）` : '';
      found.push(at(`第 ${shown} 号问题本期已采纳填报${by}：如需以本表为准，请勾选“${REPLACE_LABEL}”后重新上传`));
    } else if (!replace && answer === undefined && inFile.has(entry.number)) {
      found.push(at(`第 ${shown} 号问题本期进展文件中已有进展：如需以本表为准，请勾选“${REPLACE_LABEL}”后重新上传`));
    }
  }
  return found;
}

/**
 * In one transaction — so no answer can change between the rule's check and
 * the writing: the rows refused by the rule above (UserError, each at its
 * 序号 cell); else each row's answer set to accepted with the form's values,
 * a round completed at once (填报人 the unit via Excel 表单上传, 审核人 the
 * office account), the new pictures listed with the answer, and the entries
 * merged into the period's file (mergeAccepted, which refuses what `check`
 * would). Returns the answers as they were before.
 */
async function record(
  db: Database,
  view: PlanInView,
  period: string,
  entries: readonly ImportedEntry[],
  replace: boolean,
  account: Account,
  pictures: readonly { picture: PlacedPicture; storedName: string; size: number; sha256: string }[],
): Promise<Map<number, Answer>> {
  const now = new Date().toISOString();
  const office = `${account.displayName}（${account.username}）`;
  const problems = view.checked.data!.plan.problems;
  return db.transaction().execute(async (tx) => {
    const answers = new Map((await tx.selectFrom('answers').selectAll().where('planId', '=', view.stored.id).where('period', '=', period).execute()).map((a) => [a.number, a] as const));
    const refused = await refusals(tx, view, period, entries, answers, replace);
    if (refused.length > 0) throw new UserError(`有 ${refused.length} 个问题本期已有进展，未导入任何内容：`, refused);
    for (const entry of entries) {
      const before = answers.get(entry.number);
      const valuesJson = JSON.stringify(answersOfEntry(entry.entry));
      const row = { state: 'accepted', valuesJson, entryJson: JSON.stringify(entry.entry), updatedAt: now, updatedBy: account.id } as const;
      const id = before
        ? (await tx.updateTable('answers').set({ ...row, version: before.version + 1 }).where('id', '=', before.id).execute(), before.id)
        : (await tx.insertInto('answers').values({ planId: view.stored.id, period, number: entry.number, unit: entry.unit, version: 1, ...row }).returning('id').executeTakeFirstOrThrow()).id;
      await tx.insertInto('answerRounds').values({ answerId: id, submittedAt: now, submittedBy: `${entry.unit}（Excel 表单上传：${entry.file}，${office}）`, valuesJson, reviewedAt: now, reviewedBy: office, decision: 'accepted', reason: null }).execute();
    }
    for (const { picture, storedName, size, sha256 } of pictures) {
      const entry = entries.find((e) => e.pictures.includes(picture.from))!;
      await tx.insertInto('answerFiles').values({ planId: view.stored.id, period, number: entry.number, name: picture.path.split('/').pop()!, type: picture.from.type, storedName, size, sha256, uploadedAt: now, uploadedBy: account.id, evidencePath: picture.path }).execute();
    }
    const accepted = entries.map((e) => ({ problem: problems.find((p) => p.number === e.number)!, entry: e.entry }));
    await mergeAccepted(tx, view, period, accepted, pictures.map((p) => ({ path: p.picture.path, storedName: p.storedName, size: p.size, sha256: p.sha256 })));
    return answers;
  });
}
