// A unit's own counts, the 退出 form on every page, and refusals that say
// what to do next (issue 16, a fresh tester's findings):
// - 经发办's answers list counts only the 11 problems it reports (from
//   data/guanyang-2022/plan.json: 1 3 4 5 6 7 9 14 15 16 17), listing 2, 13
//   and 21 (reported by 农业服务中心, 规建办, 党群办) apart, read-only;
// - an error page's 退出 works (its CSRF token is the session's);
// - 退回 without a reason re-shows the review page with the message at the
//   field; an oversize upload (evidence, a plan import) says the limits and
//   links back; the report of
//   a period without a report block links to 编写报告.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, postMultipart, signedIn, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';

describeWithTools(['better-sqlite3'], 'a unit’s counts, 退出 on every page, refusals with a way on', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  const answers = () => `/plans/${harness.planId}/periods/${PERIOD}/answers`;
  const version = (client: Client, n: number) => answerVersion(client, `${answers()}/${n}`);
  const tokenOf = (body: string) => /action="\/logout" class="inline"><input type="hidden" name="_csrf" value="([^"]*)"/.exec(body)?.[1];

  beforeAll(async () => {
    ({ harness, office, unit } = await openPeriodHarness(PERIOD, ['unit']));
  });
  afterAll(async () => harness?.close());

  it('counts on a unit’s list only the problems it reports, and lists those it only sees apart', async () => {
    const draft = await unit.post(`${answers()}/1`, { status: '推进中', onSchedule: '是', progress: '继续推进。', version: await version(unit, 1), action: 'save' }, `${answers()}/1`);
    expect(draft.statusCode).toBe(302);
    const body = (await unit.request('GET', answers())).body;
    expect(body).toContain('本单位应报 11 个问题');
    const tags = [...body.matchAll(/<span class="tag">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(tags).toEqual(['草稿 1', '未填报 10']);
    const [own, seen] = body.split('本单位共同牵头或配合的问题');
    expect([...own!.matchAll(/answers\/(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 3, 4, 5, 6, 7, 9, 14, 15, 16, 17]);
    expect([...seen!.matchAll(/answers\/(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2, 13, 21]);
    // The office's table says the same 应报 for 经发办.
    expect((await office.request('GET', answers())).body).toMatch(/<td data-label="填报单位">经发办<\/td><td data-label="应报">11<\/td>/);
  });

  it('returns without a reason: the review page again, the message at 退回原因, nothing changed', async () => {
    const submitted = await unit.post(`${answers()}/3`, { status: '已完成', completedOn: '2023-07-28', version: await version(unit, 3), action: 'submit' }, `${answers()}/3`);
    expect(submitted.statusCode).toBe(302);
    const returned = await office.post(`${answers()}/3/review`, { version: await version(office, 3), decision: 'returned', reason: '  ' }, `${answers()}/3`);
    expect(returned.statusCode).toBe(400);
    expect(returned.body).toMatch(/id="f-reason-review" rows="3"><\/textarea><p class="field-error" role="alert">✗ 请填写退回原因<\/p>/);
    expect(returned.body).toContain('退回须填写退回原因（单位按原因修改后重新提交），未退回。');
    expect(returned.body).toContain('<button type="submit" name="decision" value="returned">退回</button>');
    expect((await office.request('GET', `${answers()}/3`)).body).toContain('<strong>已提交，待审核</strong>');
  });

  it('refuses an oversize upload with the limits, that nothing was saved, and a link back to the answer', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    const refused = await postMultipart(unit, `${answers()}/4`, { status: '推进中', version: await version(unit, 4), action: 'save' }, [{ field: 'evidence', filename: 'big.jpg', data: big }], `${answers()}/4`);
    expect(refused.statusCode).toBe(413);
    expect(refused.body).toContain('上传的文件过大，没有保存任何内容');
    expect(refused.body).toContain('每个文件不超过 10 MB，每个问题本期最多 10 个文件、合计 30 MB');
    expect(refused.body).toContain('单个文件超过 20 MB 或一次超过 12 个文件时整个提交不被接收');
    expect(refused.body).toContain(`<a class="button" href="${answers()}/4">返回本问题的填报</a>`);
    expect((await unit.request('GET', `${answers()}/4`)).body).not.toContain('继续推进');
  });

  it('refuses a plan import past the upload limits with the limits, that nothing was saved, and a link back to 导入方案', async () => {
    const before = await harness.db.selectFrom('plans').select('id').execute();
    // 20,001 one-byte files: one past the 20,000 files a folder upload may hold (a 512 MB file would be too slow to send here).
    const files = Array.from({ length: 20_001 }, (_, i) => ({ field: 'folder', filename: `many/evidence/${i}.txt`, data: new Uint8Array([0x78]) }));
    for (const url of ['/plans/import', '/plans/import-table']) {
      const refused = await postMultipart(office, url, { name: 'many' }, url === '/plans/import' ? files : files.map((f) => ({ ...f, field: 'table' })));
      expect(refused.statusCode, url).toBe(413);
      expect(refused.body).toContain('上传的文件过多，没有保存任何内容（已填写的文字也未保存）。');
      expect(refused.body).toContain('导入的方案文件夹或 zip 压缩包、任务分解表，每个文件不超过 512 MB，一次最多 20000 个文件。请减少或压缩文件后重新提交。');
      expect(refused.body).toContain('<a class="button" href="/plans/import">返回导入方案</a>');
    }
    // Under the limits a folder of more than the plugin's default 1000 parts is read (and refused for what it holds, not its size).
    const read = await postMultipart(office, '/plans/import', { name: 'many' }, files.slice(0, 1_500));
    expect(read.statusCode).toBe(400);
    expect(read.body).not.toContain('上传的');
    expect(await harness.db.selectFrom('plans').select('id').execute()).toEqual(before);
  });

  it('refuses the report of a period without a report block in a clerk’s words, with the way to 编写报告', async () => {
    const refused = await office.request('GET', `/plans/${harness.planId}/documents/report?period=${PERIOD}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(`${PERIOD} 期的进展报告还没有编写（报告文号、签发人、主送单位和各部分文字），所以还不能生成“进展报告与整改台账”`);
    expect(refused.body).not.toContain('progress/');
    expect(refused.body).toContain(`<a class="button" href="/plans/${harness.planId}/periods/${PERIOD}/report">编写报告</a>`);
    const packet = await office.request('GET', `/plans/${harness.planId}/documents/packet?period=${PERIOD}`);
    expect(packet.body).toContain('编写报告</a>');
  });

  it('signs out from an error page: every signed-in page carries the session’s CSRF token', async () => {
    for (const [role, url] of [
      ['unit', `${answers()}/99`],
      ['office', `/plans/${harness.planId}/documents/nonsense`],
      ['office', `/plans/${harness.planId}/documents/report?period=${PERIOD}`],
    ] as const) {
      const client = await signedIn(harness.app, role);
      const page = await client.request('GET', url);
      expect(page.statusCode).toBeGreaterThanOrEqual(400);
      const token = tokenOf(page.body);
      expect(token).toMatch(/^\S{20,}$/);
      const out = await client.request('POST', '/logout', { _csrf: token! });
      expect(out.statusCode).toBe(302);
      expect(out.headers.location).toBe('/login');
      expect((await client.request('GET', '/plans')).statusCode).toBe(302);
    }
    // The 400 page of a return without a reason too.
    const reviewer = await signedIn(harness.app, 'office');
    const page = await reviewer.post(`${answers()}/3/review`, { version: await version(reviewer, 3), decision: 'returned', reason: '' }, `${answers()}/3`);
    expect(page.statusCode).toBe(400);
    expect((await reviewer.request('POST', '/logout', { _csrf: tokenOf(page.body)! })).statusCode).toBe(302);
    // A CSRF refusal's own page: its 退出 works.
    const refused = await signedIn(harness.app, 'unit');
    const csrfPage = await refused.request('POST', '/password', { _csrf: 'wrong' });
    expect(csrfPage.statusCode).toBe(403);
    expect((await refused.request('POST', '/logout', { _csrf: tokenOf(csrfPage.body)! })).statusCode).toBe(302);
  });
});
