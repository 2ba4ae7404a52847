// The authorization matrix (issue 15): every route called as anonymous,
// office, viewer and a unit account; the set of callers let through must be
// exactly the table's. A route added without a row fails the first test.
// Object checks: a unit account sees only its plan and the problems its unit leads.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeWithTools } from '../helpers/tools.js';
import { readFolderFiles } from '../../src/server/folder-files.js';
import { importPlan } from '../../src/server/plan-store.js';
import { BUNDLED, Client, formVersion, postMultipart, signedIn, startHarness, TEST_UNIT, type Harness } from './harness.js';

// Two unit accounts (issue 16): 'unit' is 经发办 (problem 1 is its own), 'unitB' is 农业服务中心 (problem 2).
type Caller = 'anonymous' | 'office' | 'viewer' | 'unit' | 'unitB';
const CALLERS: readonly Caller[] = ['anonymous', 'office', 'viewer', 'unit', 'unitB'];
const EVERYONE: readonly Caller[] = CALLERS;
const SIGNED_IN: readonly Caller[] = ['office', 'viewer', 'unit', 'unitB'];

/** Route → the URL called (1 = the bundled plan, period 2023-11) and the callers let through. Written by hand from issue 15's roles. */
const MATRIX: Record<string, { url: string; allowed: readonly Caller[] }> = {
  'GET /static/style.css': { url: '/static/style.css', allowed: EVERYONE },
  'GET /': { url: '/', allowed: EVERYONE },
  'GET /login': { url: '/login', allowed: EVERYONE },
  'POST /login': { url: '/login', allowed: EVERYONE },
  'POST /logout': { url: '/logout', allowed: SIGNED_IN },
  'GET /password': { url: '/password', allowed: SIGNED_IN },
  'POST /password': { url: '/password', allowed: SIGNED_IN },
  'GET /plans': { url: '/plans', allowed: SIGNED_IN },
  'GET /plans/:plan': { url: '/plans/1', allowed: SIGNED_IN },
  // Problem 1 is 经发办's: the other unit account gets “no such problem”.
  'GET /plans/:plan/problems/:number': { url: `/plans/1/problems/${TEST_UNIT.ownProblem}`, allowed: ['office', 'viewer', 'unit'] },
  'GET /plans/:plan/check': { url: '/plans/1/check', allowed: ['office', 'viewer'] },
  'GET /plans/:plan/export': { url: '/plans/1/export', allowed: ['office'] },
  'GET /plans/import': { url: '/plans/import', allowed: ['office'] },
  'POST /plans/import': { url: '/plans/import', allowed: ['office'] },
  'POST /plans/import-table': { url: '/plans/import-table', allowed: ['office'] },
  'GET /plans/:plan/periods/:period/report': { url: '/plans/1/periods/2023-11/report', allowed: ['office', 'viewer'] },
  'POST /plans/:plan/periods/:period/report': { url: '/plans/1/periods/2023-11/report', allowed: ['office'] },
  'GET /plans/:plan/periods/:period/report/saved': { url: '/plans/1/periods/2023-11/report/saved', allowed: ['office'] },
  'GET /plans/:plan/documents': { url: '/plans/1/documents', allowed: ['office', 'viewer'] },
  'GET /plans/:plan/documents/:kind': { url: '/plans/1/documents/notice', allowed: ['office', 'viewer'] },
  'GET /accounts': { url: '/accounts', allowed: ['office'] },
  'POST /accounts': { url: '/accounts', allowed: ['office'] },
  'POST /accounts/:id/reset': { url: '/accounts/9999/reset', allowed: ['office'] },
  'POST /accounts/:id/units': { url: '/accounts/9999/units', allowed: ['office'] },
  'GET /audit': { url: '/audit', allowed: ['office'] },
  'POST /plans/:plan/periods': { url: '/plans/1/periods', allowed: ['office'] },
  'POST /plans/:plan/periods/:period/close': { url: '/plans/1/periods/2023-11/close', allowed: ['office'] },
  // Answers (2023-12, opened in beforeAll). Problem 1 is 经发办's; the other unit account gets “no such problem”.
  'GET /plans/:plan/periods/:period/answers': { url: '/plans/1/periods/2023-12/answers', allowed: SIGNED_IN },
  'GET /plans/:plan/periods/:period/answers/:number': { url: '/plans/1/periods/2023-12/answers/1', allowed: ['office', 'viewer', 'unit'] },
  'POST /plans/:plan/periods/:period/answers/:number': { url: '/plans/1/periods/2023-12/answers/1', allowed: ['unit'] },
  'POST /plans/:plan/periods/:period/answers/:number/review': { url: '/plans/1/periods/2023-12/answers/1/review', allowed: ['office'] },
  // File 1 is uploaded by 经发办 with problem 1's answer in beforeAll.
  'GET /plans/:plan/periods/:period/answers/:number/evidence/:file': { url: '/plans/1/periods/2023-12/answers/1/evidence/1', allowed: ['office', 'viewer', 'unit'] },
  // File 2 (also uploaded in beforeAll) is the one deleted.
  'POST /plans/:plan/periods/:period/answers/:number/evidence/:file/delete': { url: '/plans/1/periods/2023-12/answers/1/evidence/2/delete', allowed: ['unit'] },
  // Excel forms uploaded by the office into an open period (issue 16, form-uploads): the office only; without a file it is let through and refused at the form (400).
  'POST /plans/:plan/periods/:period/forms': { url: '/plans/1/periods/2023-12/forms', allowed: ['office'] },
  // The dashboard (issue 16): the office and the leaders, never a unit account.
  'GET /plans/:plan/periods/:period/dashboard': { url: '/plans/1/periods/2023-11/dashboard', allowed: ['office', 'viewer'] },
  // Closures and reopening (wt-closures, issue 16): the office only. Problem 16 is 已完成 in 2023-11; the office's calls carry no closure fields (400 at the fields).
  // The closure page is read-only to the leaders and to the unit that reports the problem (wt-coop): 16 is 经发办's, so 农业服务中心 gets “no such problem”.
  'GET /plans/:plan/periods/:period/closures/:number': { url: '/plans/1/periods/2023-12/closures/16', allowed: ['office', 'viewer', 'unit'] },
  'POST /plans/:plan/periods/:period/closures/:number': { url: '/plans/1/periods/2023-12/closures/16', allowed: ['office'] },
  'POST /plans/:plan/periods/:period/closures/:number/undo': { url: '/plans/1/periods/2023-12/closures/16/undo', allowed: ['office'] },
  'POST /plans/:plan/periods/:period/reopen': { url: '/plans/1/periods/2023-11/reopen', allowed: ['office'] },
  // Periods (wt-periods, issue 16): the close confirmation page and deleting an empty period opened by mistake, the office only.
  // 2023-11 is not open (the office's GET is 409) and came with the folder (its delete is refused, 400): nothing changes.
  'GET /plans/:plan/periods/:period/close': { url: '/plans/1/periods/2023-11/close', allowed: ['office'] },
  'POST /plans/:plan/periods/:period/delete': { url: '/plans/1/periods/2023-11/delete', allowed: ['office'] },
};

/**
 * Object checks of the answers (issue 16), each URL as each unit account:
 * reading and writing the other unit's problem is refused whatever the id,
 * and a problem the unit only cooperates on is read-only.
 */
const ANSWER_OBJECTS: readonly { caller: 'unit' | 'unitB'; method: 'GET' | 'POST'; url: string; allowed: boolean }[] = [
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/1', allowed: true },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/2', allowed: true }, // cooperates: read-only
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/answers/2', allowed: false },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/11', allowed: false },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/answers/11', allowed: false },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/11', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/11', allowed: true },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/answers/11', allowed: true },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/1', allowed: false },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/answers/1', allowed: false },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/answers/1/review', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/1', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/2/periods/2023-12/answers/2', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/99', allowed: false },
  // Evidence: file 1 is problem 1's (经发办's). 农业服务中心 gets 404 whatever URL it sends it under; 经发办 not through problem 2, where it only cooperates.
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/1/evidence/1', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/11/evidence/1', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/2/evidence/1', allowed: false },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/2/evidence/1', allowed: false },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/1/evidence/1', allowed: true },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/answers/1/evidence/1/delete', allowed: false },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/answers/11/evidence/1/delete', allowed: false },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/answers/2/evidence/1/delete', allowed: false },
];

/**
 * Evidence of a problem a unit co-leads or cooperates on (wt-closures, issue
 * 16): read-only once the reporting unit has submitted it, never upload or
 * delete; still 404 to any other unit and under any other problem's URL.
 * File 3 is 农业服务中心's, with problem 2's answer (经发办 cooperates on 2);
 * file 1 is 经发办's, with problem 1's (农业服务中心 takes no part in 1).
 * Both answers are submitted first (cooperatingEvidenceSetup).
 */
const COOPERATING_EVIDENCE: readonly { caller: 'unit' | 'unitB'; method: 'GET' | 'POST'; url: string; allowed: boolean }[] = [
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/2/evidence/3', allowed: true },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/answers/2/evidence/3/delete', allowed: false },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/answers/2', allowed: false },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/answers/1/evidence/3', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/2/evidence/3', allowed: true },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/1/evidence/1', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/2/evidence/1', allowed: false },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/answers/11/evidence/3', allowed: false },
];

/**
 * The problem's page and the closure page, object by object, for both unit
 * accounts (wt-coop, issue 16). 经发办 reports 1 and 16, co-leads 13 and 21
 * (listed second) and cooperates on 2; 农业服务中心 reports 2 and 11 and takes
 * no part in 1, 13, 16 or 21. 'reports': the problem's page as the reporting
 * unit sees it; 'read-only': the page marked read-only, with no closure link;
 * 'refused': 404 “无权查看” (or 403 for a POST the role may not send).
 * Written by hand from the issue: a unit sees where it leads, read-only where
 * it cooperates, never others; the closure page only where it reports.
 */
const PROBLEM_PAGE_OBJECTS: readonly { caller: 'unit' | 'unitB'; method: 'GET' | 'POST'; url: string; sees: 'reports' | 'read-only' | 'refused' }[] = [
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/1', sees: 'reports' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/16', sees: 'reports' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/2', sees: 'read-only' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/13', sees: 'read-only' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/21', sees: 'read-only' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/11', sees: 'refused' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/8', sees: 'refused' },
  { caller: 'unit', method: 'GET', url: '/plans/1/problems/99', sees: 'refused' },
  { caller: 'unit', method: 'GET', url: '/plans/2/problems/1', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/2', sees: 'reports' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/11', sees: 'reports' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/1', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/13', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/problems/21', sees: 'refused' },
  // The closure page: the reporting unit reads it; co-leading, cooperating and other units get 404; recording and undoing stay the office's.
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/closures/16', sees: 'reports' },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/closures/2', sees: 'refused' },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/closures/13', sees: 'refused' },
  { caller: 'unit', method: 'GET', url: '/plans/1/periods/2023-12/closures/11', sees: 'refused' },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/closures/16', sees: 'refused' },
  { caller: 'unit', method: 'POST', url: '/plans/1/periods/2023-12/closures/16/undo', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/closures/2', sees: 'reports' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/closures/16', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/1/periods/2023-12/closures/1', sees: 'refused' },
  { caller: 'unitB', method: 'GET', url: '/plans/2/periods/2023-12/closures/2', sees: 'refused' },
  { caller: 'unitB', method: 'POST', url: '/plans/1/periods/2023-12/closures/2', sees: 'refused' },
];

/** The read-only mark of the problem's page for a co-leading or cooperating unit. */
const READ_ONLY_MARK = '本单位共同牵头或配合，只读';

/** Object checks: URLs a unit account may not see though its role may call the route. */
const UNIT_OBJECTS: readonly { url: string; allowed: boolean }[] = [
  { url: `/plans/1/problems/${TEST_UNIT.ownProblem}`, allowed: true },
  { url: '/plans/1/problems/11', allowed: false },
  { url: '/plans/2', allowed: false },
  { url: '/plans/2/problems/1', allowed: false },
];

/** Refused by the guard or an object check (and not some other failure, such as a form error). */
function refused(method: string, response: LightMyRequestResponse): boolean {
  if (method === 'GET' && response.statusCode === 302 && String(response.headers.location).startsWith('/login?next=')) return true;
  if (response.statusCode === 401 && response.body.includes('请先登录')) return true;
  if (response.statusCode === 403 && response.body.includes('无权')) return true;
  return response.statusCode === 404 && response.body.includes('无权查看');
}

/** Signed-in clients by caller, reused (scrypt makes each sign-in cost ~0.1 s); a route that ends the session gets a fresh one. */
const clients = new Map<Caller, Client>();
const ENDS_SESSION = new Set(['POST /logout']);

async function call(harness: Harness, caller: Caller, route: string, url: string): Promise<LightMyRequestResponse> {
  const method = route.split(' ')[0]!;
  const fresh = async () => (caller === 'anonymous' ? new Client(harness.app) : signedIn(harness.app, caller));
  let client = ENDS_SESSION.has(route) ? undefined : clients.get(caller);
  if (!client) {
    client = await fresh();
    if (!ENDS_SESSION.has(route)) clients.set(caller, client);
  }
  if (method === 'GET') return client.request('GET', url);
  // Forms that fail validation (unknown user, wrong password, no file) but are let through; a real CSRF token, so CSRF is not what refuses.
  return client.post(url, { username: 'nobody-here', password: 'wrong-password-1', current: 'wrong-password-1' }, caller === 'anonymous' ? '/login' : '/password');
}

/** The bundled plan imported again under another name; its id. */
async function importCopy(harness: Harness): Promise<number> {
  const { id } = await importPlan(harness.db, harness.dataDir, { name: 'copy', files: await readFolderFiles(BUNDLED), accountId: 1, allowErrors: false });
  return id;
}

describeWithTools(['better-sqlite3'], 'authorization matrix', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    const office = await signedIn(harness.app, 'office');
    if ((await office.post('/plans/1/periods', { period: '2023-12' })).statusCode !== 302) throw new Error('could not open 2023-12');
    // Evidence files (ids 1 and 2) with 经发办's answer to problem 1, for the evidence route's rows.
    const unit = await signedIn(harness.app, 'unit');
    const answer = '/plans/1/periods/2023-12/answers/1';
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7a5c10000000049454e44ae426082', 'hex');
    const saved = await postMultipart(unit, answer, { status: '推进中', onSchedule: '是', progress: '矩阵测试', version: '0', action: 'save' }, [{ field: 'evidence', filename: '照片.png', data: png }, { field: 'evidence', filename: '照片2.png', data: png }], answer);
    if (saved.statusCode !== 302) throw new Error(`could not upload evidence: ${saved.statusCode}`);
  });
  afterAll(async () => harness?.close());

  it('has one row for every route the server registers, and no row for a route it does not', () => {
    const routes = harness.app.routeList.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(MATRIX).sort());
  });

  it('lets exactly the table’s callers through each route', async () => {
    const seen: Record<string, Caller[]> = {};
    const expected: Record<string, Caller[]> = {};
    for (const [route, row] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0]!;
      seen[route] = [];
      expected[route] = [...row.allowed];
      for (const caller of CALLERS) {
        const response = await call(harness, caller, route, row.url);
        expect(response.statusCode, `${caller} ${route}`).toBeLessThan(500);
        if (!refused(method, response)) seen[route]!.push(caller);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('refuses every POST route without a CSRF token, for a caller the route lets through', async () => {
    for (const [route, row] of Object.entries(MATRIX)) {
      if (!route.startsWith('POST ') || route === 'POST /login') continue;
      const caller = row.allowed.find((c) => c !== 'anonymous')!;
      const client = await signedIn(harness.app, caller as Exclude<Caller, 'anonymous'>);
      const response = await client.request('POST', row.url, { status: '推进中', period: '2024-01', version: '0' });
      expect(response.statusCode, route).toBe(403);
      expect(response.body, route).toContain('CSRF 校验未通过');
    }
  });

  it('lets each unit account read and write only its own problems’ answers, the cooperating ones read-only', async () => {
    for (const row of ANSWER_OBJECTS) {
      const client = await signedIn(harness.app, row.caller);
      const response = row.method === 'GET' ? await client.request('GET', row.url) : await client.post(row.url, { status: '推进中', onSchedule: '是', progress: '矩阵测试', version: '0', action: 'save' });
      expect(response.statusCode, `${row.caller} ${row.method} ${row.url}`).toBeLessThan(500);
      expect(refused(row.method, response), `${row.caller} ${row.method} ${row.url}`).toBe(!row.allowed);
    }
  });

  it('shows a co-leading or cooperating unit the submitted evidence read-only, never a draft’s, and no other unit at all', async () => {
    const unit = await signedIn(harness.app, 'unit');
    const unitB = await signedIn(harness.app, 'unitB');
    const answer2 = '/plans/1/periods/2023-12/answers/2';
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7a5c10000000049454e44ae426082', 'hex');
    const draft = await postMultipart(unitB, answer2, { status: '推进中', onSchedule: '是', progress: '协办测试', version: '0', action: 'save' }, [{ field: 'evidence', filename: '协办照片.png', data: png }], answer2);
    expect(draft.statusCode).toBe(302);
    // A draft's file: not yet the cooperating unit's to see.
    expect(refused('GET', await unit.request('GET', `${answer2}/evidence/3`))).toBe(true);
    expect((await unit.request('GET', answer2)).body).toContain('填报单位提交后可查看');
    expect((await unitB.post(answer2, { status: '推进中', onSchedule: '是', progress: '协办测试', version: '1', action: 'submit' }, answer2)).statusCode).toBe(302);
    const answer1 = '/plans/1/periods/2023-12/answers/1';
    const v1 = formVersion((await unit.request('GET', answer1)).body);
    expect((await unit.post(answer1, { status: '推进中', onSchedule: '是', progress: '矩阵测试', version: v1, action: 'submit' }, answer1)).statusCode).toBe(302);
    for (const row of COOPERATING_EVIDENCE) {
      const client = row.caller === 'unit' ? unit : unitB;
      const response = row.method === 'GET' ? await client.request('GET', row.url) : await client.post(row.url, { status: '推进中', version: '2', action: 'save' }, answer2);
      expect(response.statusCode, `${row.caller} ${row.method} ${row.url}`).toBeLessThan(500);
      expect(refused(row.method, response), `${row.caller} ${row.method} ${row.url}`).toBe(!row.allowed);
    }
    const download = await unit.request('GET', `${answer2}/evidence/3`);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('协办照片.png'));
    expect(download.rawPayload.equals(png)).toBe(true);
    // Listed on the cooperating unit's read-only page, without a delete button; the reporting unit's page is unchanged.
    const page = await unit.request('GET', answer2);
    expect(page.body).toContain(`href="${answer2}/evidence/3">协办照片.png</a>`);
    expect(page.body).not.toContain('删除</button>');
    expect(await harness.db.selectFrom('answerFiles').select('id').where('id', '=', 3).execute()).toEqual([{ id: 3 }]);
  });

  it('shows a co-leading or cooperating unit the problem’s page read-only, the closure page only to the reporting unit, nothing to another unit', async () => {
    for (const row of PROBLEM_PAGE_OBJECTS) {
      const client = await signedIn(harness.app, row.caller);
      const response = row.method === 'GET' ? await client.request('GET', row.url) : await client.post(row.url, { date: '2023-12-20', approver: '镇纪委书记 张明', opinion: '同意销号。', reason: '矩阵测试' }, row.url.replace(/\/undo$/, ''));
      const label = `${row.caller} ${row.method} ${row.url}`;
      expect(response.statusCode, label).toBeLessThan(500);
      expect(refused(row.method, response), label).toBe(row.sees === 'refused');
      if (row.sees === 'refused') continue;
      expect(response.statusCode, label).toBe(200);
      expect(response.body.includes(READ_ONLY_MARK), label).toBe(row.sees === 'read-only');
      // Read-only: no way to the closure page, no form but the sign-out one.
      if (row.sees === 'read-only') expect(response.body, label).not.toContain('/closures/');
      expect(response.body.match(/<form /g)?.length, label).toBe(1);
    }
  });

  it('shows a unit account only its own plan and the problems its unit reports, co-leads or cooperates on', async () => {
    const unit = await signedIn(harness.app, 'unit');
    for (const row of UNIT_OBJECTS) {
      const response = await unit.request('GET', row.url);
      expect(refused('GET', response), row.url).toBe(!row.allowed);
    }
    // Assigned to a second plan by the office, the account sees that one too, as the unit it is given there.
    const office = await signedIn(harness.app, 'office');
    const copy = await importCopy(harness);
    const unitAccount = await harness.db.selectFrom('accounts').select('id').where('username', '=', 'unit1').executeTakeFirstOrThrow();
    expect(refused('GET', await unit.request('GET', `/plans/${copy}`))).toBe(true);
    const wrong = await office.post(`/accounts/${unitAccount.id}/units`, { planId: String(copy), unit: '不存在的单位' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('方案中没有牵头单位“不存在的单位”');
    expect((await office.post(`/accounts/${unitAccount.id}/units`, { planId: String(copy), unit: '农业服务中心' })).headers.location).toBe('/accounts');
    const second = await unit.request('GET', `/plans/${copy}`);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain(`/plans/${copy}/problems/${TEST_UNIT.otherProblem}"`);
    expect(second.body).not.toContain(`/plans/${copy}/problems/${TEST_UNIT.ownProblem}"`);
    const plan = await unit.request('GET', '/plans/1');
    // The problem list holds only 经发办's problems and those it co-leads or cooperates on: 1 is there, 11 (农业服务中心 alone) is not.
    expect(plan.body).toContain(`/plans/1/problems/${TEST_UNIT.ownProblem}"`);
    expect(plan.body).not.toContain('/plans/1/problems/11"');
  });
});
