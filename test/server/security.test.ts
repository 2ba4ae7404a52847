// Security of the server (issue 15): CSRF refusal, sign-in rate limit and
// lock-out, one-time passwords changed at first login, password rules,
// cookie flags, security headers, errors without stack traces, the audit log.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readFolderFiles } from '../../src/server/folder-files.js';
import { importPlan } from '../../src/server/plan-store.js';
import { createAccount } from '../../src/server/accounts.js';
import { describeWithTools } from '../helpers/tools.js';
import { BUNDLED, Client, signedIn, startHarness, TEST_ACCOUNTS, type Harness } from './harness.js';

describeWithTools(['better-sqlite3'], 'server security', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('refuses a state-changing request without a CSRF token, or with a token of another session', async () => {
    harness = await startHarness();
    const office = await signedIn(harness.app, 'office');
    const before = (await harness.db.selectFrom('accounts').select('id').execute()).length;
    const none = await office.request('POST', '/accounts', { username: 'newuser', displayName: '新用户', role: 'viewer' });
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain('CSRF 校验未通过');
    const other = await signedIn(harness.app, 'viewer');
    const foreign = await office.request('POST', '/accounts', { _csrf: await other.csrf('/password'), username: 'newuser', displayName: '新用户', role: 'viewer' });
    expect(foreign.statusCode).toBe(403);
    const header = await office.request('POST', '/accounts', { username: 'newuser', displayName: '新用户', role: 'viewer' }, { 'x-csrf-token': 'forged' });
    expect(header.statusCode).toBe(403);
    expect((await harness.db.selectFrom('accounts').select('id').execute()).length).toBe(before);
    // The same request with the session's own token goes through.
    const ok = await office.post('/accounts', { username: 'newuser', displayName: '新用户', role: 'viewer' });
    expect(ok.statusCode).toBe(200);
    expect((await harness.db.selectFrom('accounts').select('id').execute()).length).toBe(before + 1);
  });

  it('refuses sign-in without a CSRF token (login CSRF)', async () => {
    harness = await startHarness();
    const client = new Client(harness.app);
    await client.request('GET', '/login');
    const response = await client.request('POST', '/login', { username: TEST_ACCOUNTS.office.username, password: TEST_ACCOUNTS.office.password });
    expect(response.statusCode).toBe(403);
  });

  it('limits sign-in attempts per address: the 4th in a minute is refused with 429, in Chinese', async () => {
    harness = await startHarness({ loginAttemptsPerMinute: 3 });
    const client = new Client(harness.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await client.signIn('nobody', 'wrong-password-x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await client.signIn(TEST_ACCOUNTS.office.username, TEST_ACCOUNTS.office.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('尝试过于频繁');
  });

  it('locks an account after 3 wrong passwords: even the right one is refused until the office resets it', async () => {
    harness = await startHarness({ lockout: { failures: 3, minutes: 15 } });
    const client = new Client(harness.app);
    for (let i = 0; i < 3; i += 1) expect((await client.signIn(TEST_ACCOUNTS.viewer.username, `wrong-password-${i}`)).statusCode).toBe(401);
    const locked = await client.signIn(TEST_ACCOUNTS.viewer.username, TEST_ACCOUNTS.viewer.password);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain('账户已锁定');
    const office = await signedIn(harness.app, 'office');
    const viewer = await harness.db.selectFrom('accounts').select('id').where('username', '=', TEST_ACCOUNTS.viewer.username).executeTakeFirstOrThrow();
    const reset = await office.post(`/accounts/${viewer.id}/reset`, {});
    const otp = /class="otp">([^<]+)</.exec(reset.body)?.[1];
    expect(otp).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await new Client(harness.app).signIn(TEST_ACCOUNTS.viewer.username, otp!)).headers.location).toBe('/password');
    const audit = await harness.db.selectFrom('audit').select(['action', 'object']).execute();
    const mine = audit.filter((a) => a.object === `账户 ${TEST_ACCOUNTS.viewer.username}`).map((a) => a.action);
    expect(mine.slice(0, 4)).toEqual(['登录失败', '登录失败', '登录失败（账户因此锁定）', '登录被拒（账户锁定）']);
  });

  it('makes a new account change its one-time password before anything else, to one of at least 10 characters', async () => {
    harness = await startHarness();
    const { password } = await createAccount(harness.db, { username: 'fresh1', displayName: '新人', role: 'viewer' });
    const client = new Client(harness.app);
    expect((await client.signIn('fresh1', password)).headers.location).toBe('/password');
    expect((await client.request('GET', '/plans')).headers.location).toBe('/password');
    expect((await client.request('GET', '/plans/1/documents/notice')).headers.location).toBe('/password');
    const short = await client.post('/password', { current: password, password: 'short-1', repeat: 'short-1' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('密码至少 10 个字符');
    const mismatch = await client.post('/password', { current: password, password: 'a-good-password-1', repeat: 'a-good-password-2' });
    expect(mismatch.body).toContain('两次输入的新密码不一致');
    const changed = await client.post('/password', { current: password, password: 'a-good-password-1', repeat: 'a-good-password-1' });
    expect(changed.headers.location).toBe('/plans');
    expect((await client.request('GET', '/plans')).statusCode).toBe(200);
    // The one-time password no longer opens the account; the new one does.
    expect((await new Client(harness.app).signIn('fresh1', password)).statusCode).toBe(401);
    expect((await new Client(harness.app).signIn('fresh1', 'a-good-password-1')).statusCode).toBe(302);
    const stored = await harness.db.selectFrom('accounts').select('passwordHash').where('username', '=', 'fresh1').executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain('a-good-password-1');
  });

  it('ends the other sessions of an account whose password changes, and a session at sign-out', async () => {
    harness = await startHarness();
    const first = await signedIn(harness.app, 'viewer');
    const second = await signedIn(harness.app, 'viewer');
    const p = TEST_ACCOUNTS.viewer.password;
    expect((await second.post('/password', { current: p, password: 'another-pass-123', repeat: 'another-pass-123' })).headers.location).toBe('/plans');
    expect((await first.request('GET', '/plans')).headers.location).toMatch(/^\/login/);
    expect((await second.request('GET', '/plans')).statusCode).toBe(200);
    await second.post('/logout', {});
    expect((await second.request('GET', '/plans')).headers.location).toMatch(/^\/login/);
  });

  it('sets HttpOnly SameSite=Strict session cookies and security headers', async () => {
    harness = await startHarness();
    const response = await new Client(harness.app).request('GET', '/login');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^zhenggai_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(response.headers['content-security-policy']).toContain("script-src 'none'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers broken requests in Chinese without a stack trace, SQL or a library message', async () => {
    harness = await startHarness();
    const office = await signedIn(harness.app, 'office');
    const responses = [
      await office.request('GET', '/no/such/page'),
      await office.request('GET', '/plans/99999999999999999999'),
      await office.request('GET', "/plans/1'%20or%201=1--"),
      await office.request('GET', '/plans/1/documents/report?period=1999-01'),
      await office.request('GET', '/plans/1/documents/__proto__'),
      await harness.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/json', cookie: office.cookie }, payload: '{"broken' }),
      await harness.app.inject({ method: 'POST', url: '/plans/import', headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: office.cookie }, payload: '--x\r\nbroken' }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).toMatch(/[\u4e00-\u9fff]/);
      expect(response.body).not.toMatch(/\bat \S+ \(|node_modules|SQLITE|select |Error:|FST_/i);
    }
  });

  it('shows a plan’s text as text: markup in a summary is escaped, never run', async () => {
    harness = await startHarness();
    const files = await readFolderFiles(BUNDLED);
    const plan = JSON.parse(Buffer.from(files.find((f) => f.path === 'plan.json')!.data).toString('utf8')) as { problems: { summary: string }[] };
    plan.problems[0]!.summary = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const edited = files.map((f) => (f.path === 'plan.json' ? { path: f.path, data: new Uint8Array(Buffer.from(JSON.stringify(plan, null, 2))) } : f));
    const { id } = await importPlan(harness.db, harness.dataDir, { name: 'markup', files: edited, accountId: 1, allowErrors: false });
    const office = await signedIn(harness.app, 'office');
    for (const url of [`/plans/${id}`, `/plans/${id}/problems/1`]) {
      const body = (await office.request('GET', url)).body;
      expect(body).not.toContain('<script>');
      expect(body).not.toContain('<img');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    }
  });

  it('keeps uploaded files in the data folder under generated names, with their SHA-256', async () => {
    harness = await startHarness();
    const rows = await harness.db.selectFrom('planFiles').selectAll().where('planId', '=', harness.planId).execute();
    expect(rows.length).toBeGreaterThan(0);
    const original = new Map((await readFolderFiles(BUNDLED)).map((f) => [f.path, f.data]));
    for (const row of rows) {
      expect(row.storedName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const stored = readFileSync(path.join(harness.dataDir, 'files', row.storedName));
      expect(stored.equals(Buffer.from(original.get(row.path)!)), row.path).toBe(true);
      expect(createHash('sha256').update(stored).digest('hex')).toBe(row.sha256);
    }
    expect(readdirSync(path.join(harness.dataDir, 'files')).sort()).toEqual(rows.map((r) => r.storedName).sort());
  });

  it('records who changed what, when, from where, with old and new values', async () => {
    harness = await startHarness();
    const office = await signedIn(harness.app, 'office');
    await office.post('/accounts', { username: 'leader2', displayName: '分管领导', role: 'viewer' });
    const row = await harness.db.selectFrom('audit').selectAll().where('action', '=', '新建账户').where('field', '=', '用户名').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ username: TEST_ACCOUNTS.office.username, address: '127.0.0.1', object: '账户 leader2', oldValue: null, newValue: 'leader2' });
    expect(Date.now() - Date.parse(row.at)).toBeLessThan(60_000);
  });
});
