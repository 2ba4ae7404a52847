// Evidence uploaded with a unit's answer (issue 16): photos from a phone's
// camera, PDFs, Word and Excel files. The type is decided by the bytes
// (file-type), never by the name or the browser's word; a file whose name
// says one type and whose bytes another is kept as what its bytes are, under
// its name's stem with the true extension (照片.pdf holding a PNG becomes
// 照片.png), and anything not on the list — an HTML page or a script named
// .jpg, an executable — is refused. Files are stored under generated names
// in the data folder (plan-store.ts storeFiles) and reach the plan's
// evidence/ only when the office accepts the answer.

import { fileTypeFromBuffer } from 'file-type';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { problemFolder } from '../documents/import/evidence-pictures.js';
import { safeFileNameKeepingExtension, safeFileStem } from '../layout/safe-name.js';
import type { AnswerFileTable, Database } from './database.js';
import type { Upload } from './forms.js';
import { filesDir, storeFiles } from './plan-store.js';
import type { Selectable } from 'kysely';

/** Limits of evidence uploads (docs/server.md): per file, per answer (all its files together), and files per answer. */
export const EVIDENCE_LIMITS = { fileBytes: 10 * 1024 * 1024, answerBytes: 30 * 1024 * 1024, files: 10 } as const;

/** The types accepted, by the extension file-type reports, with the media type they are served as (always as attachments). */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file input's `accept`: what the phone's picker offers (a hint only; the server decides by content). */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/heic,.heic,.jpg,.jpeg,.png,application/pdf,.pdf,.docx,.xlsx';

export type AnswerFile = Selectable<AnswerFileTable>;

/** Which answer files belong to: plan, period, problem number. */
export interface AnswerKey {
  planId: number;
  period: string;
  number: number;
}

/** An upload that passed: its safe name (stem as uploaded, extension of its true type), type and bytes. */
export interface CheckedUpload {
  name: string;
  type: string;
  data: Buffer;
}

const MIB = 1024 * 1024;

/**
 * Check the uploads of one save against the answer's files already stored:
 * the messages (Chinese, for the evidence field) of every refused file, and
 * the files that passed. A name with a folder in it (a crafted request:
 * browsers send the last name only) is refused, as are empty files.
 */
export async function checkUploads(uploads: readonly Upload[], existing: readonly AnswerFile[]): Promise<{ passed: CheckedUpload[]; refusals: string[] }> {
  const passed: CheckedUpload[] = [];
  const refusals: string[] = [];
  for (const upload of uploads) {
    const shown = upload.filename;
    if (/[/\\]/.test(shown) || shown.split(/[/\\]/).includes('..')) {
      refusals.push(`“${shown}”：文件名中不能含有文件夹路径（/ 或 \\），请只上传文件本身`);
      continue;
    }
    if (upload.data.byteLength === 0) {
      refusals.push(`“${shown}”：文件是空的`);
      continue;
    }
    if (upload.data.byteLength > EVIDENCE_LIMITS.fileBytes) {
      refusals.push(`“${shown}”：文件大小 ${(upload.data.byteLength / MIB).toFixed(1)} MB，超过每个文件 ${EVIDENCE_LIMITS.fileBytes / MIB} MB 的上限`);
      continue;
    }
    const found = await fileTypeFromBuffer(upload.data);
    if (!found || !(found.ext in EVIDENCE_TYPES)) {
      refusals.push(`“${shown}”：按文件内容${found ? `是 ${found.ext} 文件` : '不是可识别的图片或文档'}，只接受照片（JPEG、PNG、HEIC）、PDF、Word（.docx）和 Excel（.xlsx）文件`);
      continue;
    }
    const stem = shown.replace(/\.[^.]*$/, '');
    passed.push({ name: safeFileNameKeepingExtension(`${safeFileStem(stem === '' ? shown : stem, 120)}.${found.ext}`), type: found.ext, data: upload.data });
  }
  const count = existing.length + passed.length;
  const before = existing.reduce((n, f) => n + f.size, 0);
  const added = passed.reduce((n, f) => n + f.data.byteLength, 0);
  if (passed.length > 0 && count > EVIDENCE_LIMITS.files) refusals.push(`每个问题本期最多 ${EVIDENCE_LIMITS.files} 个佐证文件，已有 ${existing.length} 个，本次 ${passed.length} 个`);
  else if (passed.length > 0 && before + added > EVIDENCE_LIMITS.answerBytes) refusals.push(`每个问题本期的佐证文件合计不能超过 ${EVIDENCE_LIMITS.answerBytes / MIB} MB（已有 ${(before / MIB).toFixed(1)} MB，本次 ${(added / MIB).toFixed(1)} MB）`);
  return { passed, refusals };
}

/** The answer's uploaded files, in the order uploaded. */
export async function answerFiles(db: Database, key: AnswerKey): Promise<AnswerFile[]> {
  return db.selectFrom('answerFiles').selectAll().where('planId', '=', key.planId).where('period', '=', key.period).where('number', '=', key.number).orderBy('id').execute();
}

/** Store checked uploads in the data folder under generated names and record them for the answer; the files are removed when recording fails. */
export async function storeUploads(db: Database, dataDir: string, key: AnswerKey, files: readonly CheckedUpload[], accountId: number): Promise<void> {
  if (files.length === 0) return;
  const stored = await storeFiles(dataDir, files.map((f) => ({ path: f.name, data: new Uint8Array(f.data) })));
  const now = new Date().toISOString();
  try {
    await db
      .insertInto('answerFiles')
      .values(stored.map((s, i) => ({ ...key, name: s.path, type: files[i]!.type, storedName: s.storedName, size: s.size, sha256: s.sha256, uploadedAt: now, uploadedBy: accountId, evidencePath: null })))
      .execute();
  } catch (error) {
    await Promise.all(stored.map((s) => rm(path.join(filesDir(dataDir), s.storedName), { force: true })));
    throw error;
  }
}

/**
 * Paths under evidence/ for an accepted answer's files not yet placed:
 * the problem's folder as `import` picks it for form pictures
 * (problemFolder: one named by its number, else the number with two
 * digits), the file's name as uploaded (made safe), with -2, -3 … before
 * the extension when the folder already has that name (never overwriting).
 */
export function placeAnswerFiles(files: readonly AnswerFile[], shownNumber: string, evidenceFiles: ReadonlySet<string>): { file: AnswerFile; path: string }[] {
  const taken = new Set([...evidenceFiles].map((f) => f.toLowerCase()));
  const folder = problemFolder(shownNumber, evidenceFiles);
  return files
    .filter((f) => f.evidencePath === null)
    .map((file) => {
      const dot = file.name.lastIndexOf('.');
      const stem = file.name.slice(0, dot);
      const ext = file.name.slice(dot);
      let name = `${folder}/${file.name}`;
      for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${folder}/${stem}-${n}${ext}`;
      taken.add(name.toLowerCase());
      return { file, path: name };
    });
}

/** Remove a file not yet in the plan's evidence/ (its answer not accepted): its row, then its bytes. Undefined when this answer has no such file (or it is placed already). */
export async function removeUpload(db: Database, dataDir: string, key: AnswerKey, id: number): Promise<AnswerFile | undefined> {
  const file = (await answerFiles(db, key)).find((f) => f.id === id && f.evidencePath === null);
  if (!file) return undefined;
  await db.deleteFrom('answerFiles').where('id', '=', file.id).where('evidencePath', 'is', null).execute();
  await rm(path.join(filesDir(dataDir), file.storedName), { force: true });
  return file;
}
