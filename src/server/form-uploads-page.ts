// The Excel forms upload on the period's answers page (office, period open),
// and what an upload did, shown above the lists (form-uploads.ts).

import { formatDiagnostic } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import type { FastifyReply } from 'fastify';
import { ANSWER_WORDS } from './answers.js';
import { csrfField } from './forms.js';
import { REPLACE_LABEL, type FormUploadResult } from './form-uploads.js';
import { html, type Html } from './html.js';
import { FIELD_LABELS } from '../model/vocabulary.js';

/** The file types the form input offers (a hint; the importer reads the package). */
const FORM_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload form: the filled forms (several at once) and the replace box. */
export function formsUpload(reply: FastifyReply, planId: number, period: string): Html {
  return html`<h2>上传 Excel 填报表</h2>
<p class="hint">不能上网填报的单位把填好的本期填报表（文书下载中的“各牵头单位进展填报表”，或 zhenggai forms 生成的）发回后，在此上传：表格按 zhenggai import 的规则逐格检查；每个问题记为该单位的一轮填报并直接采纳，写入本期进展；表中“${FIELD_LABELS.evidence}”单元格的图片存入${FIELD_LABELS.evidence}。</p>
<form class="stack" method="post" action="/plans/${planId}/periods/${period}/forms" enctype="multipart/form-data">
${csrfField(reply)}
<label for="f-forms">填报表（.xlsx，可多选）<input type="file" name="forms" id="f-forms" accept="${FORM_ACCEPT}" multiple></label>
<label><span><input type="checkbox" name="replace" value="1"> ${REPLACE_LABEL}</span></label>
<p class="links"><button type="submit">上传并导入</button></p>
</form>`;
}

/** What an upload recorded: the problems by unit, those whose earlier answer it replaced, the pictures saved, and the warnings at the cells. */
export function uploadDone(result: FormUploadResult, period: string): Html {
  const byFile = new Map<string, FormUploadResult['rows']>();
  for (const row of result.rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  const replaced = result.rows.filter((r) => r.before !== 'none');
  return html`<div class="ok">
${[...byFile.entries()].map(([file, rows]) => html`<p>已导入 ${file}：${rows[0]!.unit} 第 ${rows.map((r) => r.shown).join('、')} 号问题（共 ${rows.length} 个），已采纳并写入 ${period} 期进展。</p>`)}
${replaced.length > 0 ? html`<p>原有的在线填报已由表格替换：${replaced.map((r) => `第 ${r.shown} 号（原为${ANSWER_WORDS[r.before]}）`).join('、')}。</p>` : ''}
${result.pictures.map((p) => html`<p>${p.existing ? html`${p.from.file} ${p.from.sheet}!${p.from.cell} 的图片与已有的 evidence/${p.path} 相同，未重复保存。` : html`已从 ${p.from.file} ${p.from.sheet}!${p.from.cell} 提取图片，存为 evidence/${p.path}。`}</p>`)}
</div>
${result.warnings.length > 0 ? html`<div class="error"><p>提示（已导入，请核对）：</p><div class="prewrap">${result.warnings.map(formatDiagnostic).join('\n')}</div></div>` : ''}`;
}

/** A refused upload: the message and every finding at its place (file sheet!cell), one a line, wrapping on a phone. */
export function uploadRefused(error: UserError): Html {
  return html`<div class="error"><p>${error.message}</p>${error.diagnostics.length > 0 ? html`<div class="prewrap">${error.diagnostics.map(formatDiagnostic).join('\n')}</div>` : ''}<p>未导入任何内容。</p></div>`;
}
