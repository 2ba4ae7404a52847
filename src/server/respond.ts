// Sending pages and files.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { viewerOf } from './forms.js';
import type { Html } from './html.js';
import { page } from './page.js';

/** Send `body` in the page frame with `title` (status 200 unless given). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page({ title, viewer: viewerOf(request), csrf: request.account ? reply.generateCsrf() : undefined, demo: request.server.ctx.demo }, body));
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
