// POST /plans/:plan/periods/:period/forms (issue 16): the office uploads
// units' filled Excel forms into an open period (form-uploads.ts); the
// answers page comes back with what was recorded, or with the refusal and
// every finding at its file sheet!cell (400; 409 when the period is closed)
// — nothing written then.

import type { FastifyInstance } from 'fastify';
import { UserError } from '../../diagnostics/user-error.js';
import { audit, type Change } from '../audit.js';
import { ANSWER_WORDS, differences } from '../answers.js';
import { Conflict } from '../errors.js';
import { actor, field, uploads } from '../forms.js';
import { uploadForms, type FormUploadResult } from '../form-uploads.js';
import { uploadDone, uploadRefused } from '../form-uploads-page.js';
import { answersPage, periodTarget } from './answers.js';

/** A form is read up to import's own limit (20 MB, load/xlsx-limits.ts), which refuses a larger one with its message; the plugin stops at twice that. */
const FORM_UPLOAD_LIMITS = { fileSize: 40 * 1024 * 1024, files: 60 } as const;

/** The audit rows of an upload: each problem's state and every field that changed, the pictures saved. */
function changesOf(result: FormUploadResult): Change[] {
  const changes: Change[] = [];
  for (const row of result.rows) {
    changes.push({ field: `第 ${row.shown} 号问题 填报状态`, oldValue: ANSWER_WORDS[row.before], newValue: `${ANSWER_WORDS.accepted}（${row.file}）` });
    for (const d of differences(row.oldValues, row.values)) changes.push({ field: `第 ${row.shown} 号问题 ${d.label}`, oldValue: row.before === 'none' ? null : d.theirs, newValue: d.yours });
  }
  for (const p of result.pictures.filter((p) => !p.existing)) changes.push({ field: '表格中的图片', oldValue: null, newValue: `evidence/${p.path}（${p.from.file} ${p.from.sheet}!${p.from.cell}）` });
  return changes;
}

export function formUploadRoutes(app: FastifyInstance): void {
  app.route({
    method: 'POST',
    url: '/plans/:plan/periods/:period/forms',
    config: {
      access: ['office'],
      multipartOptions: { limits: FORM_UPLOAD_LIMITS },
      tooLarge: { limits: `Excel 填报表每个文件不超过 ${FORM_UPLOAD_LIMITS.fileSize / (1024 * 1024)} MB，一次最多 ${FORM_UPLOAD_LIMITS.files} 个文件。`, backLabel: '返回本期在线填报', back: (path: string) => path.replace(/\/forms$/, '/answers') },
    },
    handler: async (request, reply) => {
      const target = await periodTarget(request, reply);
      if (!target) return reply;
      if (target.state === 'closed') return answersPage(request, reply, target, { status: 409, notice: uploadRefused(new Conflict(`${target.period} 期已关闭，只能查看，不能再上传填报表`)) });
      const files = await uploads(request, 'forms');
      try {
        const result = await uploadForms(app.ctx.db, app.ctx.dataDir, target.view, target.period, files, field(request, 'replace') === '1', request.account!);
        await audit(app.ctx.db, actor(request), '上传 Excel 填报表', `方案 ${target.view.stored.name} ${target.period} ${[...new Set(result.rows.map((r) => r.file))].join('、')}`, changesOf(result));
        // Read again: the period's file and the answers changed.
        const fresh = await periodTarget(request, reply);
        return fresh ? answersPage(request, reply, fresh, { notice: uploadDone(result, target.period) }) : reply;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return answersPage(request, reply, target, { status: error instanceof Conflict ? 409 : 400, notice: uploadRefused(error) });
      }
    },
  });
}
