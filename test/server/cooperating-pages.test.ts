// What a co-leading or cooperating unit, the leaders and the reporting unit
// see of a problem and its closures (issue 16: a unit sees, read-only, the
// problems where it cooperates). The office records the closure of problem
// 16 (经发办's, 已完成 in 2023-11), then opens 2023-12; 农业服务中心 submits
// problem 2 (经发办 cooperates), the office returns it, and 农业服务中心
// keeps a draft. Then: the cooperating unit's page of problem 2 shows the
// rounds and the closure of the period files, not the draft, and no form;
// the closure page is read-only to the viewer and to 经发办 for 16.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { formVersion, signedIn, startHarness, type Client, type Harness } from './harness.js';

const APPROVER = '镇纪委书记 张明';
const OPINION = '经现场验收，公示公告已补齐，同意销号。';
const RETURN_REASON = '照片看不清村名，请重拍。';
const DRAFT_TEXT = '草稿：尚未提交的第二稿进展';

describeWithTools(['better-sqlite3'], 'pages of a co-leading or cooperating unit, and the closure page read-only', () => {
  let harness: Harness;
  let office: Client;
  let viewer: Client;
  let unit: Client;
  let unitB: Client;
  const problemPage = (n: number) => `/plans/${harness.planId}/problems/${n}`;
  const closure = (n: number, period: string) => `/plans/${harness.planId}/periods/${period}/closures/${n}`;
  const answer2 = () => `/plans/${harness.planId}/periods/2023-12/answers/2`;
  const version = async (client: Client, url: string) => formVersion((await client.request('GET', url)).body);
  const forms = (body: string) => body.match(/<form /g)?.length ?? 0;

  beforeAll(async () => {
    harness = await startHarness();
    [office, viewer, unit, unitB] = await Promise.all([signedIn(harness.app, 'office'), signedIn(harness.app, 'viewer'), signedIn(harness.app, 'unit'), signedIn(harness.app, 'unitB')]);
    const recorded = await office.post(closure(16, '2023-11'), { date: '2023-11-28', approver: APPROVER, opinion: OPINION }, closure(16, '2023-11'));
    expect(recorded.statusCode).toBe(302);
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: '2023-12' })).statusCode).toBe(302);
    const submitted = await unitB.post(answer2(), { status: '推进中', onSchedule: '是', progress: '第一稿进展', version: '0', action: 'submit' }, answer2());
    expect(submitted.statusCode).toBe(302);
    const returned = await office.post(`${answer2()}/review`, { decision: 'returned', reason: RETURN_REASON, version: await version(office, answer2()) }, answer2());
    expect(returned.statusCode).toBe(302);
    const draft = await unitB.post(answer2(), { status: '推进中', onSchedule: '是', progress: DRAFT_TEXT, version: await version(unitB, answer2()), action: 'save' }, answer2());
    expect(draft.statusCode).toBe(302);
  });
  afterAll(async () => harness?.close());

  it('shows the cooperating unit problem 2 read-only: the rounds and the period files, never the reporting unit’s draft, no form, no closure link', async () => {
    const page = await unit.request('GET', problemPage(2));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本单位共同牵头或配合，只读；由 农业服务中心 填报，整改办审核、销号。');
    // 2023-11's file has problem 2 已销号 on 2023-10-25; the 2023-12 round was returned with the office's reason.
    expect(page.body).toContain('<td>2023-11</td><td>已销号</td>');
    expect(page.body).toContain(`<td data-label="退回原因">${RETURN_REASON}</td>`);
    expect(page.body).not.toContain(DRAFT_TEXT);
    expect(page.body).not.toContain('/closures/');
    expect(forms(page.body)).toBe(1); // sign-out only
    // The reporting unit's own page of the same problem: no read-only mark, a link to the closure page (read-only).
    const own = await unitB.request('GET', problemPage(2));
    expect(own.body).not.toContain('本单位共同牵头或配合');
    expect(own.body).toContain(`href="${closure(2, '2023-12')}">2023-12 销号（只读）</a>`);
    expect(own.body).not.toContain(DRAFT_TEXT);
  });

  it('shows the cooperating unit the answer page without the reporting unit’s draft values (as without its draft files)', async () => {
    const page = await unit.request('GET', answer2());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本单位共同牵头或配合，只读');
    expect(page.body).not.toContain(DRAFT_TEXT);
    expect(page.body).toContain('填报单位提交后可查看。');
    // The reporting unit still sees its own draft.
    expect((await unitB.request('GET', answer2())).body).toContain(DRAFT_TEXT);
  });

  it('lists the problems the unit co-leads or cooperates on in its plan page, marked read-only', async () => {
    const body = (await unit.request('GET', `/plans/${harness.planId}`)).body;
    const row = (n: number) => new RegExp(`href="${problemPage(n)}">[^<]*</a>(<br><span class="hint">本单位只读</span>)?</td>`).exec(body);
    const mark = (n: number) => row(n)?.[1] ?? (row(n) ? 'reports' : 'not listed');
    expect(mark(1)).toBe('reports');
    expect(mark(16)).toBe('reports');
    expect(mark(2)).toBe('<br><span class="hint">本单位只读</span>'); // cooperates
    expect(mark(13)).toBe('<br><span class="hint">本单位只读</span>'); // co-leads, listed second
    expect(mark(21)).toBe('<br><span class="hint">本单位只读</span>');
    expect(row(11)).toBeNull(); // 农业服务中心 alone
    expect(row(8)).toBeNull();
  });

  it('shows a co-leading unit the recorded closures on the problem’s page, and the reporting unit the closure page read-only', async () => {
    const own = await unit.request('GET', problemPage(16));
    expect(own.body).toContain(`<td data-label="审批（验收）人">${APPROVER}</td>`);
    const page = await unit.request('GET', closure(16, '2023-11'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<td data-label="审批（验收）人">${APPROVER}</td>`);
    expect(page.body).toContain('只读：销号由整改办在销号审批表签字后录入。');
    expect(page.body).not.toContain('录入销号</button>');
    expect(page.body).not.toContain('撤销销号</button>');
    expect(page.body).not.toContain('/documents/closure-forms'); // a unit may not download documents
    expect(forms(page.body)).toBe(1);
  });

  it('shows the viewer the closure page read-only: the closure recorded, the forms to download, no form; the office still gets the undo form', async () => {
    const url = closure(16, '2023-11');
    const page = await viewer.request('GET', url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<td data-label="验收意见">${OPINION}</td>`);
    expect(page.body).toContain(`href="/plans/${harness.planId}/documents/closure-forms?period=2023-11"`);
    expect(page.body).not.toContain('撤销销号</button>');
    expect(forms(page.body)).toBe(1);
    // 2023-11 is no longer the latest period: the office is told it cannot record or undo there, and in 2023-12 (no entry yet) gets no form either.
    expect((await office.request('GET', url)).body).toContain('销号只能录入最近一期（2023-12），不能录入或撤销销号。');
    const viewerProblem = await viewer.request('GET', problemPage(16));
    expect(viewerProblem.body).toContain('2023-12 销号（只读）</a>');
    expect(viewerProblem.body).not.toContain('录入或撤销销号');
  });

  it('refuses the closure page to co-leading, cooperating and other units, and recording to everyone but the office', async () => {
    for (const [client, n] of [[unit, 2], [unit, 13], [unit, 21], [unitB, 16], [unitB, 1]] as const) {
      const response = await client.request('GET', closure(n, '2023-11'));
      expect(response.statusCode, `${n}`).toBe(404);
      expect(response.body).toContain('无权查看');
    }
    for (const client of [viewer, unit]) {
      const response = await client.post(`${closure(16, '2023-12')}/undo`, { reason: '误录' }, closure(16, '2023-11'));
      expect(response.statusCode).toBe(403);
    }
  });
});
