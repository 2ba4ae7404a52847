// Reading submitted forms: urlencoded bodies (strings) and multipart bodies
// (fields as { value }, files buffered by @fastify/multipart), and the
// pieces every form page needs (actor for the audit log, CSRF field).

import type { FastifyReply, FastifyRequest } from 'fastify';
import { ARCHIVE_LIMITS } from '../documents/plan-archive.js';
import type { Actor } from './audit.js';
import { html, type Html } from './html.js';
import type { Viewer } from './page.js';

/** The text of field `name` ('' when absent); a field sent twice counts as its first value. */
export function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  let value = body?.[name];
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return '';
}

/**
 * How much any upload may carry (@fastify/multipart's limits for every route
 * that sets none of its own): a plan folder with its evidence, as a zip or a
 * folder chosen in the browser — each file at most `fileSize` bytes, and
 * as many files as a plan's zip may hold entries (plan-archive.ts ARCHIVE_LIMITS).
 */
export const UPLOAD_LIMITS = { fileSize: 512 * 1024 * 1024, files: ARCHIVE_LIMITS.files } as const;

/** An uploaded file: the name the browser gave (with a folder upload, its path in the folder) and its bytes. */
export interface Upload {
  filename: string;
  data: Buffer;
}

/** The files sent in field `name` of a multipart body, in the order sent. */
export async function uploads(request: FastifyRequest, name: string): Promise<Upload[]> {
  const body = request.body as Record<string, unknown> | undefined;
  const raw = body?.[name];
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }[];
  const files: Upload[] = [];
  for (const part of parts) {
    if (part.type !== 'file' || !part.toBuffer || !part.filename) continue;
    files.push({ filename: part.filename, data: await part.toBuffer() });
  }
  return files;
}

/** Who acts, for the audit log. */
export function actor(request: FastifyRequest): Actor {
  return { accountId: request.account?.id ?? null, username: request.account?.username ?? '（未登录）', address: request.ip };
}

/** The signed-in account as the page frame shows it. */
export function viewerOf(request: FastifyRequest): Viewer | undefined {
  const a = request.account;
  return a ? { username: a.username, displayName: a.displayName, role: a.role } : undefined;
}

/** The hidden CSRF field of a form (a token made for this session). */
export function csrfField(reply: FastifyReply): Html {
  return html`<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">`;
}
