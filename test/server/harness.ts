// A server for tests: an in-memory database, a temporary data folder, one
// account of each role (passwords known, no change required) and the
// bundled plan imported; requests through Fastify's inject, signed in
// with a session cookie and the CSRF token of a page. openPeriodHarness: the
// same with a reporting period opened and the accounts signed in.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createAccount, DEFAULT_LOCKOUT, type LockoutPolicy } from '../../src/server/accounts.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/server/database.js';
import { readFolderFiles } from '../../src/server/folder-files.js';
import { migrateToLatest } from '../../src/server/migrations.js';
import { importPlan, loadPlan } from '../../src/server/plan-store.js';
import type { Role } from '../../src/server/roles.js';
import { loadTemplates } from '../../src/documents/templates.js';

export const BUNDLED = path.resolve('data/guanyang-2022');

/** The test accounts: username, password and role; the unit account leads problems in the bundled plan. */
export const TEST_ACCOUNTS: Record<Role, { username: string; password: string }> = {
  office: { username: 'office1', password: 'office-pass-1234' },
  viewer: { username: 'leader1', password: 'leader-pass-1234' },
  unit: { username: 'unit1', password: 'unit-pass-12345' },
};

/** The unit the test unit account stands for, and a problem it leads (from data/guanyang-2022/plan.json). */
export const TEST_UNIT = { unit: '经发办', ownProblem: 1, otherProblem: 2 };

/** A second unit account (issue 16): 农业服务中心 reports problems 2 and 11 of the bundled plan and never sees 经发办's. */
export const TEST_UNIT_B = { username: 'unit2', password: 'unit2-pass-12345', unit: '农业服务中心', ownProblem: 2 };

export interface Harness {
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  planId: number;
  close(): Promise<void>;
}

/** A fresh server with the three accounts and the bundled plan (id in planId). */
export async function startHarness(options: { lockout?: LockoutPolicy; loginAttemptsPerMinute?: number; demo?: boolean } = {}): Promise<Harness> {
  const db = await openDatabase(':memory:');
  await migrateToLatest(db);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-serve-data-'));
  const ids: Partial<Record<Role, number>> = {};
  for (const role of ['office', 'viewer', 'unit'] as const) {
    const { account } = await createAccount(db, { username: TEST_ACCOUNTS[role].username, displayName: `测试${role}`, role }, TEST_ACCOUNTS[role].password);
    ids[role] = account.id;
  }
  const { id: planId } = await importPlan(db, dataDir, { name: 'guanyang-2022', files: await readFolderFiles(BUNDLED), accountId: ids.office!, allowErrors: false });
  await db.insertInto('unitAssignments').values({ accountId: ids.unit!, planId, unit: TEST_UNIT.unit }).execute();
  const { account: unitB } = await createAccount(db, { username: TEST_UNIT_B.username, displayName: '测试unit2', role: 'unit' }, TEST_UNIT_B.password);
  await db.insertInto('unitAssignments').values({ accountId: unitB.id, planId, unit: TEST_UNIT_B.unit }).execute();
  const app = await buildApp({
    db,
    dataDir,
    demo: options.demo ?? false,
    templates: await loadTemplates(undefined),
    lockout: options.lockout ?? DEFAULT_LOCKOUT,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
    behindHttps: false,
  });
  await app.ready();
  return {
    app,
    db,
    dataDir,
    planId,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

/** A browser's state against the app: its cookies. */
export class Client {
  cookie = '';
  constructor(readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST', url: string, payload?: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      ...(payload ? { payload: new URLSearchParams(payload).toString() } : {}),
    });
    const set = response.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0]!;
    return response;
  }

  /** The CSRF token of the form on page `url` (GET). */
  async csrf(url = '/login'): Promise<string> {
    const page = await this.request('GET', url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${url} (${page.statusCode})`);
    return token;
  }

  /** Sign in; the response of POST /login. */
  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    const token = await this.csrf('/login');
    return this.request('POST', '/login', { _csrf: token, username, password });
  }

  /** POST a form with a fresh CSRF token taken from `formPage`. */
  async post(url: string, fields: Record<string, string>, formPage = '/password'): Promise<LightMyRequestResponse> {
    const token = await this.csrf(formPage);
    return this.request('POST', url, { _csrf: token, ...fields });
  }
}

/** A client signed in as the test account of `role` ('unitB': the second unit account, TEST_UNIT_B). */
export async function signedIn(app: FastifyInstance, role: Role | 'unitB'): Promise<Client> {
  const client = new Client(app);
  const { username, password } = role === 'unitB' ? TEST_UNIT_B : TEST_ACCOUNTS[role];
  const response = await client.signIn(username, password);
  if (response.statusCode !== 302) throw new Error(`sign-in as ${role} failed: ${response.statusCode}`);
  return client;
}

/** A multipart/form-data body with text fields and files (field name, file name, bytes). */
export function multipart(fields: Record<string, string>, files: readonly { field: string; filename: string; data: Uint8Array }[]): { payload: Buffer; contentType: string } {
  const boundary = `----zhenggai${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'));
    chunks.push(Buffer.from(file.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST a multipart form as `client`, with a CSRF token from `formPage`. */
export async function postMultipart(client: Client, url: string, fields: Record<string, string>, files: readonly { field: string; filename: string; data: Uint8Array }[], formPage = '/plans/import'): Promise<LightMyRequestResponse> {
  const token = await client.csrf(formPage);
  const body = multipart({ _csrf: token, ...fields }, files);
  return client.app.inject({ method: 'POST', url, headers: { cookie: client.cookie, 'content-type': body.contentType }, payload: body.payload });
}

/** A test account signed in by openPeriodHarness besides the office ('unitB': TEST_UNIT_B). */
export type OtherAccount = Exclude<Role, 'office'> | 'unitB';

/** A harness whose office has opened a period, with a client signed in for the office and each account asked for. */
export type PeriodHarness<A extends OtherAccount> = { harness: Harness; office: Client } & Record<A, Client>;

/**
 * startHarness, then sign in the office and, in the order given, `others`;
 * the office opens `period` (YYYY-MM) for online reporting (POST
 * /plans/:id/periods, expected to answer 302). Close with harness.close().
 */
export async function openPeriodHarness<A extends OtherAccount>(period: string, others: readonly A[]): Promise<PeriodHarness<A>> {
  const harness = await startHarness();
  const office = await signedIn(harness.app, 'office');
  const clients = {} as Record<A, Client>;
  for (const account of others) clients[account] = await signedIn(harness.app, account);
  expect((await office.post(`/plans/${harness.planId}/periods`, { period })).statusCode, `opening ${period}`).toBe(302);
  return { harness, office, ...clients };
}

/**
 * The version number of the answer form on page `url` as `client` gets it
 * (its hidden field "version", a decimal string); '' when the page has no
 * such form (a closed period, a read-only page, a refusal).
 */
export async function answerVersion(client: Client, url: string): Promise<string> {
  return VERSION_FIELD.exec((await client.request('GET', url)).body)?.[1] ?? '';
}

/** The version number of the answer form in page `body` (its hidden field "version"); throws, quoting the page's start, when there is none. */
export function formVersion(body: string): string {
  const version = VERSION_FIELD.exec(body)?.[1];
  if (version === undefined) throw new Error(`no answer form (hidden field "version") on the page: ${body.slice(0, 300)}`);
  return version;
}

/** The hidden field that carries an answer form's version (src/server/routes/answers.ts). */
const VERSION_FIELD = /name="version" value="(\d+)"/;

/** The text of progress/<period>.json as the server stores it for plan `planId`; throws when there is no such plan or period. */
export async function storedProgressText(harness: Pick<Harness, 'db' | 'planId'>, period: string): Promise<string> {
  const stored = (await loadPlan(harness.db, harness.planId))?.texts.progress.find((p) => p.period === period);
  if (!stored) throw new Error(`plan ${harness.planId} has no stored progress for ${period}`);
  return stored.text;
}

/** storedProgressText parsed: the period's entries, typed by the caller as `Entry` (docs/inputs.md, progress files). */
export async function storedProgress<Entry = Record<string, unknown>>(harness: Pick<Harness, 'db' | 'planId'>, period: string): Promise<{ problems: Entry[] }> {
  return JSON.parse(await storedProgressText(harness, period)) as { problems: Entry[] };
}
