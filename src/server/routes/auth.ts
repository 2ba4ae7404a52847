// Signing in and out, and changing one's password (a one-time password must
// be changed before anything else: access.ts sends such an account here).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../access.js';
import { setPassword, signIn } from '../accounts.js';
import { audit } from '../audit.js';
import { actor, csrfField, field } from '../forms.js';
import { html } from '../html.js';
import { newPasswordProblem } from '../passwords.js';
import { sendPage } from '../respond.js';
import { beijingTime } from '../beijing-time.js';
import { endSessionsOf } from '../session-store.js';

function loginForm(reply: FastifyReply, next: string, message?: string) {
  return html`${message ? html`<div class="error">${message}</div>` : ''}
<form class="stack" method="post" action="/login">
  ${csrfField(reply)}
  <input type="hidden" name="next" value="${localPath(next)}">
  <label>用户名<input type="text" name="username" autocomplete="username" required></label>
  <label>密码<input type="password" name="password" autocomplete="current-password" required></label>
  <button type="submit">登录</button>
</form>`;
}

function passwordForm(request: FastifyRequest, reply: FastifyReply, message?: string) {
  const first = request.account?.mustChangePassword === 1;
  return html`${first ? html`<div class="ok">这是办公室发给您的一次性密码，请先设置自己的密码（至少 10 个字符）。</div>` : ''}
${message ? html`<div class="error">${message}</div>` : ''}
<form class="stack" method="post" action="/password">
  ${csrfField(reply)}
  <label>当前密码<input type="password" name="current" autocomplete="current-password" required></label>
  <label>新密码<span class="hint">至少 10 个字符，不含用户名</span><input type="password" name="password" autocomplete="new-password" required></label>
  <label>再输入一次新密码<input type="password" name="repeat" autocomplete="new-password" required></label>
  <button type="submit">修改密码</button>
</form>`;
}

/** GET /, /login, /password; POST /login, /logout, /password. */
export function authRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/',
    config: { access: 'anyone', whileMustChange: true },
    handler: async (request, reply) => reply.redirect(request.session.accountId === undefined ? '/login' : '/plans'),
  });
  app.route({
    method: 'GET',
    url: '/login',
    config: { access: 'anyone', whileMustChange: true },
    handler: async (request, reply) => sendPage(request, reply, '登录', loginForm(reply, (request.query as { next?: string }).next ?? '/plans')),
  });
  app.route({
    method: 'POST',
    url: '/login',
    config: { access: 'anyone', whileMustChange: true, rateLimit: { max: app.ctx.loginAttemptsPerMinute, timeWindow: 60_000 } },
    handler: async (request, reply) => {
      const username = field(request, 'username').trim();
      const result = await signIn(app.ctx.db, username, field(request, 'password'), app.ctx.lockout);
      if (!result.ok) {
        await audit(app.ctx.db, { accountId: null, username: username.slice(0, 80), address: request.ip }, result.justLocked ? '登录失败（账户因此锁定）' : result.locked ? '登录被拒（账户锁定）' : '登录失败', `账户 ${username.slice(0, 80)}`);
        const message = result.locked
          ? `连续输错密码次数过多，账户已锁定至 ${beijingTime(result.until!)}（北京时间）；如需提前解锁，请办公室重置密码`
          : '用户名或密码不正确';
        return sendPage(request, reply, '登录', loginForm(reply, field(request, 'next'), message), 401);
      }
      // A new session id at sign-in, so an id planted before cannot be used after.
      await request.session.regenerate();
      request.session.accountId = result.account.id;
      request.account = result.account;
      await audit(app.ctx.db, actor(request), '登录', `账户 ${result.account.username}`);
      return reply.redirect(result.account.mustChangePassword ? '/password' : localPath(field(request, 'next')));
    },
  });
  app.route({
    method: 'POST',
    url: '/logout',
    config: { access: 'signed-in', whileMustChange: true },
    handler: async (request, reply) => {
      await audit(app.ctx.db, actor(request), '退出', `账户 ${request.account!.username}`);
      await request.session.destroy();
      return reply.redirect('/login');
    },
  });
  app.route({
    method: 'GET',
    url: '/password',
    config: { access: 'signed-in', whileMustChange: true },
    handler: async (request, reply) => sendPage(request, reply, '修改密码', passwordForm(request, reply)),
  });
  app.route({
    method: 'POST',
    url: '/password',
    config: { access: 'signed-in', whileMustChange: true },
    handler: async (request, reply) => {
      const account = request.account!;
      const password = field(request, 'password');
      const check = await signIn(app.ctx.db, account.username, field(request, 'current'), app.ctx.lockout);
      const problem = !check.ok
        ? check.locked
          ? '连续输错密码次数过多，账户已锁定'
          : '当前密码不正确'
        : password !== field(request, 'repeat')
          ? '两次输入的新密码不一致'
          : password === field(request, 'current')
            ? '新密码不能与当前密码相同'
            : newPasswordProblem(password, account.username);
      if (problem) return sendPage(request, reply, '修改密码', passwordForm(request, reply, problem), 400);
      await setPassword(app.ctx.db, account.id, password);
      await endSessionsOf(app.ctx.db, account.id, request.session.sessionId);
      await audit(app.ctx.db, actor(request), '修改密码', `账户 ${account.username}`, [{ field: '密码', oldValue: '（已隐藏）', newValue: '（已隐藏）' }]);
      return reply.redirect('/plans');
    },
  });
}
