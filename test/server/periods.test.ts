// Reporting periods (issue 16, step 1): the office opens a period, which
// starts as `import` would start it (no entries, no report block, $schema as
// the office's other files, as-of the month's last day) and shows on the plan
// page as 填报中; closing it makes it read-only: the report block is no
// longer saved (409, in Chinese) and the form shows no save button.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkPlanTexts } from '../../src/documents/plan-texts.js';
import { loadPlan } from '../../src/server/plan-store.js';
import { describeWithTools } from '../helpers/tools.js';
import { signedIn, startHarness, storedProgressText, type Client, type Harness } from './harness.js';

describeWithTools(['better-sqlite3'], 'reporting periods', () => {
  let harness: Harness;
  let office: Client;
  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
  });
  afterAll(async () => harness?.close());

  const open = (period: string) => office.post(`/plans/${harness.planId}/periods`, { period });

  it('opens a new period as an empty progress file the check rules accept, shown as 填报中 on the plan page', async () => {
    const response = await open('2023-12');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/plans/${harness.planId}?period=2023-12`);
    const stored = (await loadPlan(harness.db, harness.planId))!;
    const text = stored.texts.progress.find((p) => p.period === '2023-12')!.text;
    // Written out by hand: what import starts a new period with (documents/import/merge.ts newProgressFile).
    expect(JSON.parse(text)).toEqual({ $schema: '../../../schema/progress.schema.json', period: '2023-12', asOf: '2023-12-31', problems: [] });
    const errors = checkPlanTexts(stored.texts).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const page = await office.request('GET', `/plans/${harness.planId}?period=2023-12`);
    expect(page.body).toContain('<strong>2023-12</strong> 填报中');
    expect(page.body).toContain(`href="/plans/${harness.planId}/periods/2023-12/close"`);
    const audit = await harness.db.selectFrom('audit').selectAll().where('action', '=', '开放填报').execute();
    expect(audit.map((a) => [a.object, a.newValue])).toEqual([['方案 guanyang-2022 2023-12', 'open（新建进展文件）']]);
  });

  it('refuses a period opened twice, a malformed month, one before the notice and one before the latest period, saying why', async () => {
    const cases: [string, string][] = [
      ['2023-12', '2023-12 期已开放填报，不能重复开放'],
      ['2023-13', '期次应写作 YYYY-MM'],
      ['2023-08', '期次 2023-08 早于方案印发月份 2023-09'],
      // wt-periods: a period that came with the folder but is older than the latest (now 2023-12) is refused too.
      ['2023-11', '2023-11 早于方案已有的最近一期 2023-12'],
    ];
    for (const [period, message] of cases) {
      const response = await open(period);
      expect(response.statusCode, period).toBe(400);
      expect(response.body, period).toContain(message);
    }
  });

  it('closes a period; then its report block is read-only (409 in Chinese, no save button) and it cannot be closed again', async () => {
    const close = await office.post(`/plans/${harness.planId}/periods/2023-12/close`, {});
    expect(close.statusCode).toBe(302);
    const page = await office.request('GET', `/plans/${harness.planId}?period=2023-12`);
    expect(page.body).toContain('<strong>2023-12</strong> 已关闭');
    const form = await office.request('GET', `/plans/${harness.planId}/periods/2023-12/report`);
    expect(form.body).not.toContain('<button type="submit">保存</button>');
    const before = await storedProgressText(harness, '2023-12');
    const save = await office.post(`/plans/${harness.planId}/periods/2023-12/report`, { workDone: '关闭后不应保存' });
    expect(save.statusCode).toBe(409);
    expect(save.body).toContain('2023-12 期已关闭，只能查看，不能再修改');
    expect(await storedProgressText(harness, '2023-12')).toBe(before);
    const again = await office.post(`/plans/${harness.planId}/periods/2023-12/close`, {});
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('2023-12 期没有在填报中，不能关闭');
  });
});

describeWithTools(['better-sqlite3'], 'migration 0002 on a part-1 database', () => {
  it('upgrades a database made by part 1 (0001 only), keeping its plan, and adds the reporting tables', async () => {
    const { openDatabase } = await import('../../src/server/database.js');
    const { MIGRATIONS, migrateToLatest } = await import('../../src/server/migrations.js');
    const { Migrator } = await import('kysely');
    const db = await openDatabase(':memory:');
    const partOne = new Migrator({ db, provider: { getMigrations: async () => ({ '0001-initial': MIGRATIONS['0001-initial']! }) } });
    expect((await partOne.migrateToLatest()).error).toBeUndefined();
    await db.insertInto('accounts').values({ username: 'office', displayName: '办公室', role: 'office', passwordHash: 'x', mustChangePassword: 0, failedLogins: 0, lockedUntil: null, createdAt: '2023-12-01T00:00:00Z' }).execute();
    await db.insertInto('plans').values({ name: 'p', title: 't', docNumber: 'd', planText: '{}', importedAt: '2023-12-01T00:00:00Z', importedBy: 1 }).execute();
    await migrateToLatest(db);
    expect((await db.selectFrom('plans').select('name').execute()).map((p) => p.name)).toEqual(['p']);
    await db.insertInto('reportingPeriods').values({ planId: 1, period: '2023-12', state: 'open', openedAt: 'now', openedBy: 1, closedAt: null, closedBy: null }).execute();
    expect(await db.selectFrom('answers').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
