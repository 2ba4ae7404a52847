// Sending pages and files.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { viewerOf } from './forms.js';
import type { Html } from './html.js';
import { page, type PageOptions } from './page.js';

/** Send `body` in the page frame with `title` (status 200 unless given). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page(frame(request, reply, title), body));
}

/** The frame's options for `request`: a signed-in session gets its account and a CSRF token for the 退出 form — on every page, error pages included. */
export function frame(request: FastifyRequest, reply: FastifyReply, title: string): PageOptions {
  const viewer = viewerOf(request);
  return { title, signedIn: viewer ? { viewer, csrf: reply.generateCsrf() } : undefined, demo: request.server.ctx.demo };
}

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** Send `data` as a download named `name` (RFC 6266: an ASCII fallback and the UTF-8 name). */
export function sendFile(reply: FastifyReply, name: string, data: Uint8Array): FastifyReply {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const fallback = `download.${/^[a-z0-9]+$/.test(extension) ? extension : 'bin'}`;
  return reply
    .type(MIME[extension] ?? 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
