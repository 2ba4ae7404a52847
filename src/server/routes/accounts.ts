// The office's account pages: list, create (with a one-time password shown
// once, printable), reset a password, assign a unit account its unit in a
// plan (one a plan), and the audit log.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { accountById, createAccount, resetPassword, usernameProblem } from '../accounts.js';
import { audit } from '../audit.js';
import { beijingTime } from '../beijing-time.js';
import { errorPage } from '../errors.js';
import { actor, csrfField, field } from '../forms.js';
import { html } from '../html.js';
import { sendPage } from '../respond.js';
import { isRole, ROLE_LABELS, ROLES } from '../roles.js';
import { endSessionsOf } from '../session-store.js';

async function accountsPage(app: FastifyInstance, reply: FastifyReply, message?: string) {
  const accounts = await app.ctx.db.selectFrom('accounts').selectAll().orderBy('id').execute();
  const units = await app.ctx.db
    .selectFrom('unitAssignments')
    .innerJoin('plans', 'plans.id', 'unitAssignments.planId')
    .select(['unitAssignments.accountId', 'unitAssignments.unit', 'plans.name'])
    .execute();
  const plans = await app.ctx.db.selectFrom('plans').select(['id', 'name', 'title']).orderBy('id').execute();
  const now = new Date().toISOString();
  return html`${message ? html`<div class="error">${message}</div>` : ''}
<div class="table-wrap"><table class="cards"><thead><tr><th>用户名</th><th>姓名或单位</th><th>角色</th><th>所属单位</th><th>状态</th><th></th></tr></thead><tbody>
${accounts.map(
  (a) => html`<tr><td data-label="用户名">${a.username}</td><td data-label="姓名或单位">${a.displayName}</td><td data-label="角色">${ROLE_LABELS[a.role]}</td>
<td data-label="所属单位">${units.filter((u) => u.accountId === a.id).map((u) => html`<div>${u.name}：${u.unit}</div>`)}</td>
<td data-label="状态">${a.lockedUntil !== null && a.lockedUntil > now ? '已锁定' : a.mustChangePassword ? '待修改一次性密码' : '正常'}</td>
<td data-label=""><form method="post" action="/accounts/${a.id}/reset" class="inline">${csrfField(reply)}<button type="submit">重置密码</button></form>
${a.role === 'unit' && plans.length > 0 ? html`<form method="post" action="/accounts/${a.id}/units" class="assign">${csrfField(reply)}<select name="planId" aria-label="方案">${plans.map((p) => html`<option value="${p.id}">${p.title || p.name}</option>`)}</select><input type="text" name="unit" aria-label="单位名称" placeholder="单位名称（留空：取消）"><button type="submit">指定单位</button></form>` : ''}</td></tr>`,
)}
</tbody></table></div>
<h2>新建账户</h2>
<form class="stack" method="post" action="/accounts">
  ${csrfField(reply)}
  <label>用户名<input type="text" name="username" required></label>
  <label>姓名或单位<input type="text" name="displayName" required></label>
  <label>角色<select name="role">${ROLES.map((r) => html`<option value="${r}">${ROLE_LABELS[r]}</option>`)}</select></label>
  <label>牵头单位账户：方案<select name="planId"><option value="">（不是牵头单位账户）</option>${plans.map((p) => html`<option value="${p.id}">${p.title || p.name}</option>`)}</select></label>
  <label>牵头单位账户：单位名称<span class="hint">须与方案单位名录中的名称一致</span><input type="text" name="unit"></label>
  <button type="submit">创建并生成一次性密码</button>
</form>`;
}

function passwordSlip(username: string, displayName: string, password: string) {
  return html`<div class="ok">请把下面的一次性密码交给 ${displayName}。它只显示这一次；首次登录后须修改。</div>
<p>用户名：<strong>${username}</strong></p>
<p>一次性密码：<span class="otp">${password}</span></p>
<p class="hint">可直接打印本页。</p>
<p><a href="/accounts">返回账户列表</a></p>`;
}

/** The unit a new unit account is for, checked against the plan's units; or a message. */
async function unitAssignment(app: FastifyInstance, planIdText: string, unit: string): Promise<{ planId: number; unit: string } | string> {
  const planId = Number(planIdText);
  if (!Number.isInteger(planId) || planId <= 0) return '牵头单位账户须选择方案';
  const plan = await app.ctx.db.selectFrom('plans').select('planText').where('id', '=', planId).executeTakeFirst();
  if (!plan) return '没有这个方案';
  const known = await app.ctx.db.selectFrom('problemUnits').select('unit').distinct().where('planId', '=', planId).execute();
  if (!known.some((u) => u.unit === unit)) return `方案中没有牵头单位“${unit}”；牵头单位有：${known.map((u) => u.unit).join('、')}`;
  return { planId, unit };
}

/** GET /accounts, /audit; POST /accounts, /accounts/:id/reset, /accounts/:id/units. */
export function accountRoutes(app: FastifyInstance): void {
  app.route({
    method: 'GET',
    url: '/accounts',
    config: { access: ['office'] },
    handler: async (request, reply) => sendPage(request, reply, '账户', await accountsPage(app, reply)),
  });
  app.route({
    method: 'POST',
    url: '/accounts',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const username = field(request, 'username').trim();
      const displayName = field(request, 'displayName').trim();
      const role = field(request, 'role');
      const problem =
        usernameProblem(username) ??
        (displayName === '' || displayName.length > 80 ? '请填写姓名或单位（不超过 80 个字符）' : undefined) ??
        (isRole(role) ? undefined : '请选择角色') ??
        ((await app.ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst()) ? `用户名“${username}”已被使用` : undefined);
      const assignment = role === 'unit' ? await unitAssignment(app, field(request, 'planId'), field(request, 'unit').trim()) : undefined;
      const refusal = problem ?? (typeof assignment === 'string' ? assignment : undefined);
      if (refusal || !isRole(role)) return sendPage(request, reply, '账户', await accountsPage(app, reply, refusal), 400);
      const { account, password } = await createAccount(app.ctx.db, { username, displayName, role });
      const changes = [
        { field: '用户名', oldValue: null, newValue: username },
        { field: '角色', oldValue: null, newValue: ROLE_LABELS[role] },
      ];
      if (assignment && typeof assignment !== 'string') {
        await app.ctx.db.insertInto('unitAssignments').values({ accountId: account.id, ...assignment }).execute();
        changes.push({ field: '单位', oldValue: null, newValue: assignment.unit });
      }
      await audit(app.ctx.db, actor(request), '新建账户', `账户 ${username}`, changes);
      return sendPage(request, reply, '新账户的一次性密码', passwordSlip(username, displayName, password));
    },
  });
  app.route({
    method: 'POST',
    url: '/accounts/:id/units',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const account = Number.isInteger(id) ? await accountById(app.ctx.db, id) : undefined;
      if (!account || account.role !== 'unit') return errorPage(request, reply, 404, '没有这个牵头单位账户');
      const unit = field(request, 'unit').trim();
      const planId = Number(field(request, 'planId'));
      const previous = await app.ctx.db.selectFrom('unitAssignments').select('unit').where('accountId', '=', account.id).where('planId', '=', planId).executeTakeFirst();
      const assignment = unit === '' ? undefined : await unitAssignment(app, field(request, 'planId'), unit);
      if (typeof assignment === 'string') return sendPage(request, reply, '账户', await accountsPage(app, reply, assignment), 400);
      // One unit per plan: the new one replaces the old; none removes it.
      await app.ctx.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('unitAssignments').where('accountId', '=', account.id).where('planId', '=', planId).execute();
        if (assignment) await tx.insertInto('unitAssignments').values({ accountId: account.id, ...assignment }).execute();
      });
      await audit(app.ctx.db, actor(request), '指定牵头单位', `账户 ${account.username} 方案 ${planId}`, [{ field: '单位', oldValue: previous?.unit ?? null, newValue: assignment?.unit ?? null }]);
      return reply.redirect('/accounts');
    },
  });
  app.route({
    method: 'POST',
    url: '/accounts/:id/reset',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const account = Number.isInteger(id) ? await accountById(app.ctx.db, id) : undefined;
      if (!account) return errorPage(request, reply, 404, '没有这个账户');
      const password = await resetPassword(app.ctx.db, account.id);
      await endSessionsOf(app.ctx.db, account.id, account.id === request.account!.id ? request.session.sessionId : undefined);
      await audit(app.ctx.db, actor(request), '重置密码', `账户 ${account.username}`, [{ field: '密码', oldValue: '（已隐藏）', newValue: '（一次性密码，已隐藏）' }]);
      return sendPage(request, reply, '新的一次性密码', passwordSlip(account.username, account.displayName, password));
    },
  });
  app.route({
    method: 'GET',
    url: '/audit',
    config: { access: ['office'] },
    handler: async (request, reply) => {
      const rows = await app.ctx.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(500).execute();
      return sendPage(
        request,
        reply,
        '操作记录',
        html`<p class="hint">最近 500 条，新的在前；时间为北京时间。</p><div class="table-wrap"><table class="cards"><thead><tr><th>时间</th><th>账户</th><th>地址</th><th>操作</th><th>对象</th><th>字段</th><th>原值</th><th>新值</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td data-label="时间">${beijingTime(r.at, { seconds: true })}</td><td data-label="账户">${r.username}</td><td data-label="地址">${r.address}</td><td data-label="操作">${r.action}</td><td data-label="对象">${r.object}</td><td data-label="字段">${r.field ?? ''}</td><td data-label="原值">${r.oldValue ?? ''}</td><td data-label="新值">${r.newValue ?? ''}</td></tr>`)}
</tbody></table></div>`,
      );
    },
  });
}
