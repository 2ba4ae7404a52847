// The Fastify application: official plugins for cookies, sessions, CSRF,
// rate limiting, security headers and form bodies; one guard for every
// route (access.ts); errors as Chinese pages without stack traces or SQL.

import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { registerGuard } from './access.js';
import type { ServerContext } from './context.js';
import { errorPage, installErrorPages } from './errors.js';
import { UPLOAD_LIMITS } from './forms.js';
import { STYLESHEET } from './page.js';
import { accountRoutes } from './routes/accounts.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { importRoutes } from './routes/import.js';
import { answerRoutes } from './routes/answers.js';
import { closureRoutes } from './routes/closures.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { formUploadRoutes } from './routes/form-uploads.js';
import { periodRoutes } from './routes/periods.js';
import { planRoutes } from './routes/plans.js';
import { reportRoutes } from './routes/report.js';
import { databaseSessionStore, SESSION_IDLE_MS } from './session-store.js';
import { sessionSecret } from './settings.js';

/** The CSRF token of a form: `_csrf` of a form or a multipart body, else the X-CSRF-Token header. */
function csrfToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/** Every route module, in the order their routes are registered. */
const ROUTES = [authRoutes, planRoutes, importRoutes, reportRoutes, documentRoutes, accountRoutes, periodRoutes, answerRoutes, formUploadRoutes, dashboardRoutes, closureRoutes];

/** The application for `ctx`, ready to listen or to be called with inject(). */
export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    trustProxy: ctx.behindHttps ? 'loopback' : false,
    bodyLimit: 8 * 1024 * 1024,
    // No automatic HEAD routes: every route the server answers is one declared here, with its access.
    exposeHeadRoutes: false,
  });
  app.decorate('ctx', ctx);
  app.decorateRequest('account', null);
  installErrorPages(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'"], scriptSrc: ["'none'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: ctx.behindHttps ? [] : null } },
    hsts: ctx.behindHttps,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyFormbody);
  // parts: the plugin's default of 1000 would refuse a folder of more than 1000 files long before its files limit.
  // preservePath (busboy's option): a folder upload names each file by its path in the folder (guanyang-2022/progress/2023-11.json).
  await app.register(fastifyMultipart, { attachFieldsToBody: true, preservePath: true, limits: { ...UPLOAD_LIMITS, fields: 50, parts: UPLOAD_LIMITS.files + 50 } } as Parameters<typeof fastifyMultipart>[1]);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: await sessionSecret(ctx.db),
    cookieName: 'zhenggai_session',
    store: databaseSessionStore(ctx.db),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'strict', secure: ctx.behindHttps, path: '/', maxAge: SESSION_IDLE_MS },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', getToken: csrfToken });
  registerGuard(app);
  app.route({
    method: 'GET',
    url: '/static/style.css',
    config: { access: 'anyone', whileMustChange: true },
    handler: async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  });
  for (const routes of ROUTES) routes(app);
  app.setNotFoundHandler(async (request, reply) => errorPage(request, reply, 404, '没有这个页面'));
  return app;
}
