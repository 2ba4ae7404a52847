// Closures (销号) recorded by the office on the server (issue 16;
// docs/domain.md#closure): only a problem completed in the plan's latest
// period, only by the office; written into the period's progress entry
// through the same merge and check as an accepted answer, refused at the
// field when `check` would find an error; in the audit log and on the
// problem's page; the period's filled closure form holds the approver and
// the date; undone with a reason, kept in the history; a closed period
// refuses both (409) until the office reopens it.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, signedIn, startHarness, storedProgress, type Client, type Harness } from './harness.js';

const PERIOD = '2023-12';
const APPROVER = '镇纪委书记 张明';
const OPINION = '经现场验收，整改到位，同意销号。';

describeWithTools(['better-sqlite3'], 'closures recorded by the office', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  let unitB: Client;
  const answer = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
  const closure = (n: number, period = PERIOD) => `/plans/${harness.planId}/periods/${period}/closures/${n}`;
  const version = (client: Client, n: number) => answerVersion(client, answer(n));
  const entry = async (n: number) => (await storedProgress(harness, PERIOD)).problems.find((p) => p.number === n);
  const fieldError = (body: string, name: string) => new RegExp(`id="f-${name}"[^]*?<p class="field-error" role="alert">✗ ([^<]*)`).exec(body)?.[1] ?? '';

  /** The unit's answer submitted and accepted by the office, so the period has the entry. */
  async function accepted(client: Client, n: number, fields: Record<string, string>): Promise<void> {
    expect((await client.post(answer(n), { ...fields, version: await version(client, n), action: 'submit' }, answer(n))).statusCode).toBe(302);
    expect((await office.post(`${answer(n)}/review`, { decision: 'accepted', reason: '', version: await version(office, n) }, answer(n))).statusCode).toBe(302);
  }

  beforeAll(async () => {
    ({ harness, office, unit, unitB } = await openPeriodHarness(PERIOD, ['unit', 'unitB']));
  });
  afterAll(async () => harness?.close());

  it('refuses a problem with no entry in the period, or one not completed, with the reason on the page', async () => {
    // 2023-12 was opened empty: problem 16 (经发办, 已完成 2023-10-30 in 2023-11) has no entry yet.
    const none = await office.post(closure(16), { date: '2023-12-20', approver: APPROVER, opinion: OPINION }, closure(16));
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('2023-12 期进展中还没有第 16 号问题');
    // Problem 11 (农业服务中心) accepted as 推进中.
    await accepted(unitB, 11, { status: '推进中', onSchedule: '是', progress: '12月完成设备采购。' });
    const open = await office.post(closure(11), { date: '2023-12-20', approver: APPROVER, opinion: OPINION }, closure(11));
    expect(open.statusCode).toBe(400);
    expect(open.body).toContain('第 11 号问题本期整改状态为“推进中”：只有“已完成”或“已完成并长期坚持”的问题才能销号');
    expect((await closure11Form()).body).not.toContain('录入销号</button>');
    expect(await entry(11)).toEqual({ number: 11, status: '推进中', onSchedule: true, progress: '12月完成设备采购。' });
  });

  async function closure11Form() {
    return office.request('GET', closure(11));
  }

  it('refuses wrong fields at the field: missing parts, a date that does not exist, and what check refuses (before completion, after the as-of date)', async () => {
    await accepted(unit, 16, { status: '已完成', completedOn: '2023-10-30', progress: '已建立台账并完成整改。' });
    const page = await office.request('GET', closure(16));
    expect(page.body).toContain('录入销号</button>');
    const cases: [Record<string, string>, string, string][] = [
      [{ date: '', approver: APPROVER, opinion: OPINION }, 'date', '请填写销号日期'],
      [{ date: '2023-12-20', approver: '', opinion: OPINION }, 'approver', '请填写审批（验收）人'],
      [{ date: '2023-12-20', approver: APPROVER, opinion: '' }, 'opinion', '请填写验收意见'],
      [{ date: '2023-02-30', approver: APPROVER, opinion: OPINION }, 'date', '销号日期“2023-02-30”不存在的日期'],
      // closure-incomplete: the closure date may not be before the completion date.
      [{ date: '2023-10-01', approver: APPROVER, opinion: OPINION }, 'date', '第 16 号问题的销号日期 2023-10-01 早于完成日期 2023-10-30（closure-incomplete）'],
      // date-after-as-of: 2023-12's as-of date is its last day.
      [{ date: '2024-01-05', approver: APPROVER, opinion: OPINION }, 'date', '2024-01-05'],
    ];
    for (const [fields, at, message] of cases) {
      const response = await office.post(closure(16), fields, closure(16));
      expect(response.statusCode, message).toBe(400);
      expect(fieldError(response.body, at), message).toContain(message);
      // What was typed stays in the form.
      if (fields.approver) expect(response.body).toContain(`value="${fields.approver}"`);
    }
    expect(fieldError((await office.post(closure(16), { date: '2024-01-05', approver: APPROVER, opinion: OPINION }, closure(16))).body, 'date')).toMatch(/date-after-as-of/);
    expect(await entry(16)).toEqual({ number: 16, status: '已完成', progress: '已建立台账并完成整改。', completedOn: '2023-10-30' });
    expect(await harness.db.selectFrom('closures').selectAll().execute()).toEqual([]);
  });

  it('records the closure into the period’s entry, the audit log and the problem’s page; the exported folder passes check', async () => {
    const done = await office.post(closure(16), { date: '2023-12-20', approver: APPROVER, opinion: OPINION }, closure(16));
    expect(done.statusCode).toBe(302);
    expect(await entry(16)).toEqual({ number: 16, status: '已销号', progress: '已建立台账并完成整改。', completedOn: '2023-10-30', closure: { date: '2023-12-20', approver: APPROVER, opinion: OPINION } });
    const again = await office.post(closure(16), { date: '2023-12-21', approver: APPROVER, opinion: OPINION }, closure(16));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('第 16 号问题本期已销号，不能重复录入');
    const rows = await harness.db.selectFrom('audit').select(['action', 'field', 'oldValue', 'newValue']).where('action', '=', '录入销号').execute();
    expect(rows).toEqual([
      { action: '录入销号', field: '整改状态', oldValue: '已完成', newValue: '已销号' },
      { action: '录入销号', field: '销号日期', oldValue: null, newValue: '2023-12-20' },
      { action: '录入销号', field: '审批（验收）人', oldValue: null, newValue: APPROVER },
      { action: '录入销号', field: '验收意见', oldValue: null, newValue: OPINION },
    ]);
    // The lead unit sees it on the problem's page: the period's row and the closure's record with who recorded it.
    const history = await unit.request('GET', `/plans/${harness.planId}/problems/16`);
    expect(history.body).toContain('<td>2023-12-20（镇纪委书记 张明）</td>');
    expect(history.body).toContain(`<td data-label="审批（验收）人">${APPROVER}</td>`);
    expect(history.body).toContain('<td data-label="录入人">测试office（office1）</td>');
    expect(history.body).not.toContain('录入或撤销销号');
    // A unit that then answers 已完成 is told the office has closed it, as import tells a form.
    const late = await unit.post(answer(16), { status: '已完成', completedOn: '2023-10-30', version: await version(unit, 16), action: 'save' }, answer(16));
    expect(late.statusCode).toBe(409);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-closure-'));
    for (const file of await exportPlan(harness.db, harness.dataDir, harness.planId)) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.data);
    }
    const check = await runCli(['check', dir]);
    expect(check.exit, check.out + check.err).toBe(0);
  });

  it('undoes a closure recorded by mistake only with a reason, restores the status and keeps both in the history', async () => {
    const noReason = await office.post(`${closure(16)}/undo`, { reason: ' ' }, closure(16));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('撤销销号须填写撤销原因');
    expect((await entry(16))?.status).toBe('已销号');
    expect((await office.post(`${closure(16)}/undo`, { reason: '验收人填错，应为镇纪委副书记' }, closure(16))).statusCode).toBe(302);
    expect(await entry(16)).toEqual({ number: 16, status: '已完成', progress: '已建立台账并完成整改。', completedOn: '2023-10-30' });
    const page = await office.request('GET', closure(16));
    expect(page.body).toContain('验收人填错，应为镇纪委副书记（恢复为“已完成”）');
    expect(page.body).toContain('录入销号</button>');
    const nothing = await office.post(`${closure(16)}/undo`, { reason: '再撤一次' }, closure(16));
    expect(nothing.statusCode).toBe(409);
    const audit = await harness.db.selectFrom('audit').select(['field', 'oldValue', 'newValue']).where('action', '=', '撤销销号').execute();
    expect(audit).toEqual([
      { field: '整改状态', oldValue: '已销号', newValue: '已完成' },
      { field: '销号日期', oldValue: '2023-12-20', newValue: null },
      { field: '撤销原因', oldValue: null, newValue: '验收人填错，应为镇纪委副书记' },
    ]);
    // Recorded again correctly: two records, the first undone.
    expect((await office.post(closure(16), { date: '2023-12-22', approver: '镇纪委副书记 李华', opinion: OPINION }, closure(16))).statusCode).toBe(302);
    const records = await harness.db.selectFrom('closures').select(['date', 'undoReason']).orderBy('id').execute();
    expect(records).toEqual([
      { date: '2023-12-20', undoReason: '验收人填错，应为镇纪委副书记' },
      { date: '2023-12-22', undoReason: null },
    ]);
    // The answer page shows the office and the reporting unit both records, read-only (the undo form is the closure page's).
    for (const client of [office, unit]) {
      const page = (await client.request('GET', answer(16))).body;
      const records = page.split('<h2>销号记录</h2>')[1]!;
      expect([...records.matchAll(/<td data-label="销号日期">([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['2023-12-20', '2023-12-22']);
      expect(records).toContain('撤销：验收人填错，应为镇纪委副书记（恢复为“已完成”）');
      expect(records).toContain('<td data-label="审批（验收）人">镇纪委副书记 李华</td>');
      expect(page).not.toContain('/undo"');
      expect(page).not.toContain('撤销销号</button>');
    }
    // A problem never closed online says so.
    expect((await office.request('GET', answer(1))).body).toContain('<h2>销号记录</h2>\n<p class="hint">尚无在本系统录入的销号。</p>');
  });

  it('refuses a closure in a period that is not the latest, and in a closed period (409) until the office reopens it', async () => {
    // 2023-11: problem 16 is 已完成 there, but 2023-12 follows it.
    const earlier = await office.post(closure(16, '2023-11'), { date: '2023-11-20', approver: APPROVER, opinion: OPINION }, closure(16, '2023-11'));
    expect(earlier.statusCode).toBe(409);
    expect(earlier.body).toContain('销号只能录入方案最近一期（2023-12）的进展');
    expect((await office.post(`/plans/${harness.planId}/periods/${PERIOD}/close`, {}, `/plans/${harness.planId}`)).statusCode).toBe(302);
    const closed = await office.post(`${closure(16)}/undo`, { reason: '关闭后撤销' }, closure(16));
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('2023-12 期已关闭，只能查看，不能再修改');
    const page = await office.request('GET', closure(16));
    expect(page.body).toContain('2023-12 期已关闭，只能查看，不能录入或撤销销号');
    expect(page.body).not.toContain('撤销销号</button>');
    // Reopened: the audit log has it, and the office may change the period again.
    const plan = await office.request('GET', `/plans/${harness.planId}`);
    expect(plan.body).toContain(`/periods/${PERIOD}/reopen`);
    expect((await office.post(`/plans/${harness.planId}/periods/${PERIOD}/reopen`, {}, `/plans/${harness.planId}`)).statusCode).toBe(302);
    const twice = await office.post(`/plans/${harness.planId}/periods/${PERIOD}/reopen`, {}, `/plans/${harness.planId}`);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('2023-12 期没有关闭，不能重新开放');
    expect(await harness.db.selectFrom('audit').select(['action', 'object', 'oldValue', 'newValue']).where('action', '=', '重新开放填报').execute()).toEqual([
      { action: '重新开放填报', object: '方案 guanyang-2022 2023-12', oldValue: 'closed', newValue: 'open' },
    ]);
    expect((await office.post(`${closure(16)}/undo`, { reason: '重新开放后撤销' }, closure(16))).statusCode).toBe(302);
    // And a unit can answer again.
    expect((await unit.post(answer(3), { status: '已销号', progress: '保持', version: await version(unit, 3), action: 'save' }, answer(3))).statusCode).toBe(302);
  });

  it('lands both a closure and an acceptance made at the same moment in the period’s text (nothing written over)', async () => {
    expect((await unit.post(answer(5), { status: '已完成并长期坚持', completedOn: '2023-07-31', progress: '12月继续坚持。', version: await version(unit, 5), action: 'submit' }, answer(5))).statusCode).toBe(302);
    const review = { decision: 'accepted', reason: '', version: await version(office, 5) };
    const reviewToken = await office.csrf(answer(5));
    const closureToken = await office.csrf(closure(16));
    const [accepted5, closed16] = await Promise.all([
      office.request('POST', `${answer(5)}/review`, { _csrf: reviewToken, ...review }),
      office.request('POST', closure(16), { _csrf: closureToken, date: '2023-12-28', approver: APPROVER, opinion: OPINION }),
    ]);
    expect([accepted5.statusCode, closed16.statusCode]).toEqual([302, 302]);
    expect(await entry(5)).toEqual({ number: 5, status: '已完成并长期坚持', progress: '12月继续坚持。', completedOn: '2023-07-31' });
    expect((await entry(16))?.closure).toEqual({ date: '2023-12-28', approver: APPROVER, opinion: OPINION });
  });
});

// The closure forms need every problem's entry: 2023-11, the bundled plan's
// latest period (it came with the folder; no period opened online), where
// problem 16 is 已完成 (2023-10-30) and not yet closed.
describeWithTools(['better-sqlite3', 'python-docx-openpyxl'], 'the closure forms after a closure recorded online', () => {
  let harness: Harness;
  let office: Client;
  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
  });
  afterAll(async () => harness?.close());

  /** The text of every cell and paragraph of the period's forms document named by `label` (python-docx). */
  async function formsText(label: string): Promise<string> {
    const list = await office.request('GET', `/plans/${harness.planId}/documents/closure-forms?period=2023-11`);
    expect(list.statusCode, list.body).toBe(200);
    const link = new RegExp(`href="([^"]*file=[^"]*)"[^>]*>[^<]*${label}`).exec(list.body)?.[1];
    expect(link, list.body).toBeDefined();
    const docx = await office.request('GET', link!.replace(/&amp;/g, '&'));
    expect(docx.statusCode).toBe(200);
    const program = 'import docx,io,json,sys,base64\nd=docx.Document(io.BytesIO(base64.b64decode(json.load(sys.stdin))))\nprint(json.dumps([c.text for t in d.tables for r in t.rows for c in r.cells]+[p.text for p in d.paragraphs]))';
    return runPython<string[]>(program, docx.rawPayload.toString('base64')).join('\n');
  }

  it('puts the closure on the period’s filled closure form (本期已销号) with approver and date, and takes it off the blank ones', async () => {
    // Problem 16's 问题描述 (data/guanyang-2022/plan.json).
    const summary16 = '公示公告不够到位';
    expect(await formsText('本期已销号')).not.toContain(summary16);
    expect(await formsText('已完成待签字')).toContain(summary16);
    const url = `/plans/${harness.planId}/periods/2023-11/closures/16`;
    expect((await office.post(url, { date: '2023-11-28', approver: APPROVER, opinion: OPINION }, url)).statusCode).toBe(302);
    const filled = await formsText('本期已销号');
    expect(filled).toContain(summary16);
    expect(filled).toContain(OPINION);
    expect(filled).toContain(`验收人（签字）：${APPROVER}`);
    expect(filled).toMatch(/2023年11月28日/);
    expect(await formsText('已完成待签字')).not.toContain(summary16);
  });

  it('makes problem 16’s row of 经发办’s Excel form for 2023-11 read-only, 已销号 as recorded, with the closure in the instructions', async () => {
    // After the previous test: 16 closed online on 2023-11-28.
    const list = await office.request('GET', `/plans/${harness.planId}/documents/forms?period=2023-11`);
    expect(list.statusCode, list.body).toBe(200);
    const link = /href="([^"]*file=[^"]*)"[^>]*>[^<]*经发办/.exec(list.body)?.[1];
    expect(link, list.body).toBeDefined();
    const xlsx = await office.request('GET', link!.replace(/&amp;/g, '&'));
    expect(xlsx.statusCode).toBe(200);
    const program = `import openpyxl,io,json,sys,base64
ws=openpyxl.load_workbook(io.BytesIO(base64.b64decode(json.load(sys.stdin))))['进展填报']
row=[r for r in range(5, ws.max_row+1) if str(ws.cell(r,1).value)=='16'][0]
print(json.dumps({'status': ws.cell(row,7).value, 'locked': [ws.cell(row,c).protection.locked for c in range(7,17)], 'notes': ws['A3'].value.split(chr(10))}, ensure_ascii=False))`;
    const seen = runPython<{ status: string; locked: boolean[]; notes: string[] }>(program, xlsx.rawPayload.toString('base64'));
    expect(seen.status).toBe('已销号');
    expect(seen.locked.every(Boolean)).toBe(true);
    expect(seen.notes).toContain(`　　第 16 号：2023年11月28日销号，审批（验收）人：${APPROVER}，验收意见：${OPINION}`);
  });
});
