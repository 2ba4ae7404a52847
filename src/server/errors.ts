// Errors as pages in Chinese: a status and a sentence the reader can act on.
// Never a stack trace, an SQL statement or a library's message: those go to
// the server's log (stderr) only.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDiagnostic } from '../diagnostics/format.js';
import { UserError } from '../diagnostics/user-error.js';
import { html } from './html.js';
import { page } from './page.js';
import { frame } from './respond.js';

/** A refusal because the object has moved on or is closed (a closed period, a stale version): answered 409 with its message. */
export class Conflict extends UserError {}

/** A link an error page offers before 返回首页: the way back to the form, or to what must be done first. */
export interface WayOn {
  href: string;
  label: string;
}

/** Send an error page with `status` and `message` (and diagnostics, one a line, when given; `ways`: links before 返回首页). */
export function errorPage(request: FastifyRequest, reply: FastifyReply, status: number, message: string, details: readonly string[] = [], ways: readonly WayOn[] = []): FastifyReply {
  const body = html`<div class="error"><p>${message}</p>${details.length > 0 ? html`<pre>${details.join('\n')}</pre>` : ''}</div>
<p class="links">${ways.map((w) => html`<a class="button" href="${w.href}">${w.label}</a> `)}<a href="/">返回首页</a></p>`;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(page(frame(request, reply, status >= 500 ? '服务器错误' : '无法完成'), body));
}

/** Chinese wording for the errors Fastify and its plugins raise, by code. */
const MESSAGES: Record<string, [number, string]> = {
  FST_CSRF_MISSING_SECRET: [403, '表单已过期或不是从本站提交的（CSRF 校验未通过），请刷新页面后重试'],
  FST_CSRF_INVALID_TOKEN: [403, '表单已过期或不是从本站提交的（CSRF 校验未通过），请刷新页面后重试'],
  FST_REQ_FILE_TOO_LARGE: [413, '上传的文件过大'],
  FST_PARTS_LIMIT: [413, '上传的内容过多'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, '提交的内容过大'],
  FST_FILES_LIMIT: [413, '上传的文件过多'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, '不支持的提交格式'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, '不支持的提交格式'],
};

/** Install the error handler: UserError → 400 with its message and diagnostics; known codes → their wording; anything else → 500 logged. */
export function installErrorPages(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof Conflict) return errorPage(request, reply, 409, error.message);
    if (error instanceof UserError) return errorPage(request, reply, 400, error.message, error.diagnostics.map(formatDiagnostic));
    const known = error.code ? MESSAGES[error.code] : undefined;
    const tooLarge = request.routeOptions.config.tooLarge;
    if (known && known[0] === 413 && tooLarge) {
      const path = request.url.split('?')[0]!;
      return errorPage(request, reply, 413, `${known[1]}，没有保存任何内容（已填写的文字也未保存）。${tooLarge.limits}请减少或压缩文件后重新提交。`, [], [{ href: tooLarge.back(path), label: tooLarge.backLabel }]);
    }
    if (known) return errorPage(request, reply, known[0], known[1]);
    // busboy's own errors (a cut-off or malformed upload) carry no status.
    if (error.statusCode === undefined && /multipart|boundary|part terminated/i.test(error.message)) return errorPage(request, reply, 400, '上传的内容不完整或格式不对，请重新选择文件上传');
    if (error.statusCode === 429) return errorPage(request, reply, 429, '尝试过于频繁，请一分钟后再试');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return errorPage(request, reply, error.statusCode, '请求无效，请返回重试');
    process.stderr.write(`[zhenggai serve] ${request.method} ${request.url}: ${error.stack ?? String(error)}\n`);
    return errorPage(request, reply, 500, '服务器内部错误，已记录；请稍后再试或联系管理员');
  });
}
