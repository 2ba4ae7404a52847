// Authorization, on the server, for every route: each route declares who may
// call it (config.access) and the server refuses to start with a route that
// does not; this guard then refuses the anonymous (to the sign-in page), the
// account that must first change its one-time password, and the wrong role.
// State-changing routes also pass the CSRF check (@fastify/csrf-protection).
// Which plans and problems a unit account sees is checked by the routes
// (planAccess below), object by object.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountById, type Account } from './accounts.js';
import type { Access } from './context.js';
import { errorPage } from './errors.js';

/** `next` of the sign-in page when it is a path on this server (never //host or a scheme), else /plans. */
export function localPath(next: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/plans';
}

/** True when `account` (null: anonymous) passes `access`. */
export function allows(access: Access, account: Account | null): boolean {
  if (access === 'anyone') return true;
  if (account === null) return false;
  if (access === 'signed-in') return true;
  return access.includes(account.role);
}

async function guard(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const config = request.routeOptions.config;
  const access = config.access;
  if (access === undefined) return undefined; // the not-found handler
  const id = request.session.accountId;
  request.account = id === undefined ? null : ((await accountById(request.server.ctx.db, id)) ?? null);
  if (allows(access, request.account)) {
    if (request.account?.mustChangePassword && !config.whileMustChange) {
      return request.method === 'GET' ? reply.redirect('/password') : errorPage(request, reply, 403, '请先修改一次性密码');
    }
    return undefined;
  }
  if (request.account === null) return request.method === 'GET' ? reply.redirect(`/login?next=${encodeURIComponent(request.url)}`) : errorPage(request, reply, 401, '请先登录');
  return errorPage(request, reply, 403, '您的账户无权进行此操作');
}

/**
 * Install the guard on every route, the CSRF check on every route that is not
 * GET, and refuse (at registration, so at start-up) a route without `access`.
 */
export function registerGuard(app: FastifyInstance): void {
  const routes: { method: string; url: string; access: Access }[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, access: route.config.access });
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
      const existing = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
      route.preHandler = [...existing, app.csrfProtection];
    }
  });
  app.addHook('preHandler', guard);
}

/** Which problems of a plan an account may see: all, or those its unit leads (a unit account assigned to the plan). */
export type PlanAccess = { all: true } | { all: false; unit: string };

/** What `account` may see of plan `planId`, or undefined when the plan is not theirs (answered as “no such plan”). */
export async function planAccess(app: FastifyInstance, account: Account, planId: number): Promise<PlanAccess | undefined> {
  if (account.role !== 'unit') return { all: true };
  const row = await app.ctx.db.selectFrom('unitAssignments').select('unit').where('accountId', '=', account.id).where('planId', '=', planId).executeTakeFirst();
  return row ? { all: false, unit: row.unit } : undefined;
}
