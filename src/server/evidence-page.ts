// The evidence part of an answer's page: the files uploaded so far (each a
// download link for those allowed to see the answer) and, while the unit may
// edit, two file inputs — one that opens the phone's camera (`capture`), one
// that picks files — with the refusals of the last upload at the field.

import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EVIDENCE_ACCEPT, EVIDENCE_LIMITS, EVIDENCE_TYPES, type AnswerFile } from './evidence.js';
import { html, type Html } from './html.js';
import { filesDir } from './plan-store.js';

const MIB = 1024 * 1024;

/** The answer's files as a list of download links under `url` (the answer's page URL); with `csrf` (the unit may edit), each not yet accepted has a 删除 button. */
export function evidenceList(files: readonly AnswerFile[], url: string, csrf?: Html): Html {
  if (files.length === 0) return html`<p class="hint">（尚未上传佐证材料）</p>`;
  const remove = (f: AnswerFile) => (csrf && f.evidencePath === null ? html` <form class="inline" method="post" action="${url}/evidence/${f.id}/delete">${csrf}<button type="submit">删除</button></form>` : '');
  return html`<ul>${files.map((f) => html`<li><a href="${url}/evidence/${f.id}">${f.name}</a>（${(f.size / 1024).toFixed(0)} KB${f.evidencePath ? html`，已入佐证材料 evidence/${f.evidencePath}` : ''}）${remove(f)}</li>`)}</ul>`;
}

/** The file inputs of the answer form, with `refusals` (the last upload's) shown at the field. */
export function evidenceInputs(refusals: readonly string[]): Html {
  return html`<fieldset id="f-evidence"><legend>佐证材料（照片、PDF、Word、Excel）</legend>
<p class="hint">每个文件不超过 ${EVIDENCE_LIMITS.fileBytes / MIB} MB；每个问题本期最多 ${EVIDENCE_LIMITS.files} 个文件、合计 ${EVIDENCE_LIMITS.answerBytes / MIB} MB。保存草稿或提交时上传。</p>
<label for="f-evidence-camera">拍照上传<input type="file" name="evidence" id="f-evidence-camera" accept="image/*" capture="environment"></label>
<label for="f-evidence-files">选择文件<input type="file" name="evidence" id="f-evidence-files" accept="${EVIDENCE_ACCEPT}" multiple></label>
${refusals.map((r) => html`<p class="field-error" role="alert">✗ ${r}</p>`)}
</fieldset>`;
}

/** Send a stored answer file as an attachment under its name, typed by its checked content, never sniffed by the browser. */
export async function sendEvidence(reply: FastifyReply, dataDir: string, file: AnswerFile): Promise<FastifyReply> {
  const data = await readFile(path.join(filesDir(dataDir), file.storedName));
  return reply
    .type(EVIDENCE_TYPES[file.type] ?? 'application/octet-stream')
    .header('content-disposition', `attachment; filename="evidence.${file.type}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(data);
}
