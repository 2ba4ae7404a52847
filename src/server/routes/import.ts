// Plans in: a plan folder (as a zip, or a folder chosen in the browser), or
// a task table read exactly as `zhenggai init --from-table` reads it.

import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { UserError } from '../../diagnostics/user-error.js';
import { UNMAPPED_FILE, planFromTableFile } from '../../documents/init.js';
import { planFolderFiles, readPlanArchive } from '../../documents/plan-archive.js';
import { audit } from '../audit.js';
import type { TooLarge } from '../context.js';
import { actor, csrfField, field, UPLOAD_LIMITS, uploads } from '../forms.js';
import { html } from '../html.js';
import { importPlan } from '../plan-store.js';
import { sendPage } from '../respond.js';

function importForms(reply: FastifyReply, message?: { text: string; details: readonly string[] }) {
  return html`${message ? html`<div class="error"><p>${message.text}</p>${message.details.length > 0 ? html`<pre>${message.details.join('\n')}</pre>` : ''}</div>` : ''}
<h2>导入方案文件夹</h2>
<form class="stack" method="post" action="/plans/import" enctype="multipart/form-data">
  ${csrfField(reply)}
  <label>方案文件夹<span class="hint">选择含 plan.json、progress/、evidence/ 的文件夹</span><input type="file" name="folder" webkitdirectory multiple></label>
  <label>或方案文件夹的 zip 压缩包<input type="file" name="archive" accept=".zip,application/zip"></label>
  <label>方案名称（文件夹名）<span class="hint">留空则用文件夹名；导出时用作文件夹名</span><input type="text" name="name"></label>
  <button type="submit">导入</button>
</form>
<h2>从任务分解表导入（同 zhenggai init --from-table）</h2>
<form class="stack" method="post" action="/plans/import-table" enctype="multipart/form-data">
  ${csrfField(reply)}
  <label>任务分解表（.xlsx 或 .docx）<input type="file" name="table" accept=".xlsx,.docx"></label>
  <label>方案名称（文件夹名）<input type="text" name="name" required></label>
  <label>表头对应（可选）<span class="hint">每行一条“表头=字段”，同 --map</span><textarea name="map" rows="3"></textarea></label>
  <button type="submit">导入</button>
</form>`;
}

const MB = 1024 * 1024;

/** The import routes' 413 (the server-wide limits, forms.ts UPLOAD_LIMITS), and the way back to the import page. */
const IMPORT_TOO_LARGE: TooLarge = {
  limits: `导入的方案文件夹或 zip 压缩包、任务分解表，每个文件不超过 ${UPLOAD_LIMITS.fileSize / MB} MB，一次最多 ${UPLOAD_LIMITS.files} 个文件。`,
  backLabel: '返回导入方案',
  back: () => '/plans/import',
};

async function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof UserError)) throw error;
  return sendPage(request, reply, '导入方案', importForms(reply, { text: error.message, details: error.diagnostics.map(formatDiagnostic) }), 400);
}

/** GET /plans/import; POST /plans/import, /plans/import-table. */
export function importRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/plans/import',
    config: { access: ['office'] },
    handler: async (request, reply) => sendPage(request, reply, '导入方案', importForms(reply)),
  });
  app.route({
    method: 'POST',
    url: '/plans/import',
    config: { access: ['office'], tooLarge: IMPORT_TOO_LARGE },
    handler: async (request, reply) => {
      try {
        const archive = (await uploads(request, 'archive'))[0];
        const folder = await uploads(request, 'folder');
        const read = archive
          ? readPlanArchive(archive.data, archive.filename)
          : folder.length > 0
            ? planFolderFiles(folder.map((f) => ({ path: f.filename, data: f.data })), '所选文件夹')
            : undefined;
        if (!read) throw new UserError('请选择方案文件夹或其 zip 压缩包');
        const fallback = archive ? path.basename(archive.filename).replace(/\.zip$/i, '') : undefined;
        const name = field(request, 'name').trim() || read.folderName || fallback || '';
        const { id } = await importPlan(app.ctx.db, app.ctx.dataDir, { name, files: read.files, accountId: request.account!.id, allowErrors: false });
        await audit(app.ctx.db, actor(request), '导入方案文件夹', `方案 ${name}`, [{ field: '文件', oldValue: null, newValue: `${read.files.length} 个` }]);
        return reply.redirect(`/plans/${id}`);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  });
  app.route({
    method: 'POST',
    url: '/plans/import-table',
    config: { access: ['office'], tooLarge: IMPORT_TOO_LARGE },
    handler: async (request, reply) => {
      const scratch = path.join(app.ctx.dataDir, 'tmp', randomUUID());
      try {
        const table = (await uploads(request, 'table'))[0];
        if (!table) throw new UserError('请选择任务分解表文件（.xlsx 或 .docx）');
        const shown = path.basename(table.filename);
        // Read from a file, as init reads it: the upload keeps a generated name in the data folder while it is read.
        await mkdir(scratch, { recursive: true });
        const file = path.join(scratch, `table${path.extname(shown).toLowerCase()}`);
        await writeFile(file, table.data);
        const map = field(request, 'map').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
        const result = await planFromTableFile(file, shown, map);
        const name = field(request, 'name').trim();
        const files = [
          { path: 'plan.json', data: new Uint8Array(Buffer.from(result.planText, 'utf8')) },
          { path: UNMAPPED_FILE, data: new Uint8Array(Buffer.from(result.unmappedText, 'utf8')) },
        ];
        const { id } = await importPlan(app.ctx.db, app.ctx.dataDir, { name, files, accountId: request.account!.id, allowErrors: true });
        await audit(app.ctx.db, actor(request), '从任务分解表导入方案', `方案 ${name}`, [{ field: '问题数', oldValue: null, newValue: String(result.counts.problems) }]);
        return reply.redirect(`/plans/${id}/check`);
      } catch (error) {
        return refuse(request, reply, error);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  });
}
