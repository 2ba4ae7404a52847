// Many units at once (issue 16, Concurrency): every problem of the bundled
// plan submitted at the same moment by its reporting unit's own account (21
// problems, 6 unit accounts), then all accepted by the office at the same
// moment — every answer lands in the period's progress file, none lost; and
// two saves of one problem from the same version: exactly one is refused.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../src/server/accounts.js';
import { checkStoredPlan, loadPlan, replaceProgressText } from '../../src/server/plan-store.js';
import { findAnswer, reviewAnswer } from '../../src/server/answers.js';
import { accountById } from '../../src/server/accounts.js';
import { describeWithTools } from '../helpers/tools.js';
import { BUNDLED, Client, formVersion, signedIn, startHarness, storedProgress, storedProgressText, type Harness } from './harness.js';
import { answerFields, type EntryJson } from './answer-fields.js';

const PERIOD = '2023-12';

type Entry = EntryJson;

describeWithTools(['better-sqlite3'], 'many units at once', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it('lands every one of 21 simultaneous submissions from 6 units and 21 simultaneous acceptances', async () => {
    const office = await signedIn(harness.app, 'office');
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: PERIOD })).statusCode).toBe(302);
    const plan = JSON.parse(readFileSync(path.join(BUNDLED, 'plan.json'), 'utf8')) as { problems: { number: number; leadUnits: string[] }[] };
    const previous = JSON.parse(readFileSync(path.join(BUNDLED, 'progress', '2023-11.json'), 'utf8')) as { problems: Entry[] };
    const units = [...new Set(plan.problems.map((p) => p.leadUnits[0]!))];
    expect(units).toHaveLength(6);
    const clients = new Map<string, Client>();
    for (const [i, unit] of units.entries()) {
      if (unit === '经发办' || unit === '农业服务中心') continue; // the harness's two unit accounts
      const { account } = await createAccount(harness.db, { username: `u${i}`, displayName: unit, role: 'unit' }, `unit-pass-${i}-12345`);
      await harness.db.insertInto('unitAssignments').values({ accountId: account.id, planId: harness.planId, unit }).execute();
      const client = new Client(harness.app);
      await client.signIn(`u${i}`, `unit-pass-${i}-12345`);
      clients.set(unit, client);
    }
    clients.set('经发办', await signedIn(harness.app, 'unit'));
    clients.set('农业服务中心', await signedIn(harness.app, 'unitB'));
    const url = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
    // One page first, as a browser has before it submits: the session's CSRF secret is made by the first form page after sign-in.
    for (const client of clients.values()) await client.csrf('/password');

    const submitted = await Promise.all(
      plan.problems.map((p) => clients.get(p.leadUnits[0]!)!.post(url(p.number), { ...answerFields(previous.problems.find((e) => e.number === p.number)!), version: '0', action: 'submit' }, url(p.number))),
    );
    expect(submitted.map((r) => r.statusCode)).toEqual(plan.problems.map(() => 302));
    expect(await harness.db.selectFrom('answerRounds').select('id').execute()).toHaveLength(21);

    const versions = await Promise.all(plan.problems.map(async (p) => formVersion((await office.request('GET', url(p.number))).body)));
    const accepted = await Promise.all(plan.problems.map((p, i) => office.post(`${url(p.number)}/review`, { decision: 'accepted', reason: '', version: versions[i]! }, url(p.number))));
    expect(accepted.map((r) => r.statusCode)).toEqual(plan.problems.map(() => 302));
    const progress = await storedProgress<Entry>(harness, PERIOD);
    expect(progress.problems.map((p) => p.number)).toEqual(plan.problems.map((p) => p.number));
    // Each entry is 2023-11's answer again (closures carried over for 已销号, as import carries them);
    // evidence (added that month) and the office's 回头看 records are not on the form, as on the Excel form.
    expect(progress.problems).toEqual(previous.problems.map((e) => {
      const { evidence: _evidence, reviews: _reviews, ...rest } = e as Entry & { evidence?: unknown; reviews?: unknown };
      return rest;
    }));
  });

  it('refuses exactly one of two simultaneous saves of one problem from the same version, and keeps the other', async () => {
    const unit = await signedIn(harness.app, 'unit');
    const other = await signedIn(harness.app, 'unit');
    for (const client of [unit, other]) await client.csrf('/password');
    await harness.db.insertInto('reportingPeriods').values({ planId: harness.planId, period: '2023-11', state: 'open', openedAt: 'now', openedBy: 1, closedAt: null, closedBy: null }).execute();
    const url = `/plans/${harness.planId}/periods/2023-11/answers/7`;
    const fields = (progress: string) => ({ status: '已完成并长期坚持', completedOn: '2023-11-20', progress, version: '0', action: 'save' });
    const [a, b] = await Promise.all([unit.post(url, fields('甲的文字'), url), other.post(url, fields('乙的文字'), url)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([302, 409]);
    const kept = JSON.parse((await harness.db.selectFrom('answers').select('valuesJson').where('period', '=', '2023-11').executeTakeFirstOrThrow()).valuesJson) as { progress: string };
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.body).toContain(`当前为“${kept.progress}”`);
    const audit = await harness.db.selectFrom('audit').select('newValue').where('action', '=', '保存填报草稿').where('object', 'like', '%2023-11 第 7 号问题').execute();
    expect(audit.map((r) => r.newValue)).toContain(kept.progress);
  });

  it('keeps an answer accepted between another acceptance’s reading of the period and its saving', async () => {
    const office = await signedIn(harness.app, 'office');
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: '2024-01' })).statusCode).toBe(302);
    const url = (n: number) => `/plans/${harness.planId}/periods/2024-01/answers/${n}`;
    const unit = await signedIn(harness.app, 'unit');
    const unitB = await signedIn(harness.app, 'unitB');
    expect((await unit.post(url(7), { status: '已完成并长期坚持', completedOn: '2023-11-20', progress: '一月巡查', version: '0', action: 'submit' }, url(7))).statusCode).toBe(302);
    expect((await unitB.post(url(11), { status: '推进中', onSchedule: '是', progress: '一月验收', version: '0', action: 'submit' }, url(11))).statusCode).toBe(302);
    // Both reviews start from the plan as it was before either: the second must not write over the first.
    const stored = (await loadPlan(harness.db, harness.planId))!;
    const view = { stored, checked: checkStoredPlan(stored), access: { all: true } as const };
    const account = (await accountById(harness.db, 1))!;
    const plan = view.checked.data!.plan;
    for (const n of [7, 11]) {
      await reviewAnswer(harness.db, view, (await findAnswer(harness.db, harness.planId, '2024-01', n))!, plan.problems.find((p) => p.number === n)!, 'accepted', '', account);
    }
    const progress = await storedProgress<Entry>(harness, '2024-01');
    expect(progress.problems.map((p) => [p.number, p.progress])).toEqual([[7, '一月巡查'], [11, '一月验收']]);
  });

  it('saves a report block only over the text it was checked against (an answer accepted meanwhile is kept)', async () => {
    const text = await storedProgressText(harness, '2024-01');
    expect(await replaceProgressText(harness.db, harness.planId, '2024-01', `${text} `, '{"stale":true}')).toBe(false);
    expect(await storedProgressText(harness, '2024-01')).toBe(text);
    expect(await replaceProgressText(harness.db, harness.planId, '2024-01', text, text.replace('一月验收', '一月验收完毕'))).toBe(true);
  });
});
