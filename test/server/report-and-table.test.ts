// The report's prose edited in the browser (checked by the check rules,
// every other key of the progress file kept, each change in the audit log,
// the downloaded report carrying it) and a plan imported from a task table
// exactly as `zhenggai init --from-table` reads it.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { describeWithTools } from '../helpers/tools.js';
import { postMultipart, signedIn, startHarness, type Client, type Harness } from './harness.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));

/** The report form's fields as the bundled 2023-11 file has them, with `changes`. */
async function reportFields(harness: Harness, changes: Record<string, string>, client?: Client): Promise<Record<string, string>> {
  const row = await harness.db.selectFrom('periods').select('progressText').where('planId', '=', harness.planId).where('period', '=', '2023-11').executeTakeFirstOrThrow();
  const report = (JSON.parse(row.progressText) as { report: Record<string, unknown> }).report;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(report)) {
    if (typeof v === 'string') fields[k] = v;
    else if (Array.isArray(v)) fields[k] = v.join('\n');
    else if (k === 'sealed' && v === true) fields.sealed = '1';
  }
  // The version the form carries: the one a browser would have opened.
  const page = client ? await client.request('GET', `/plans/${harness.planId}/periods/2023-11/report`) : undefined;
  const version = page ? /name="version" value="([0-9a-f]+)"/.exec(page.body)![1]! : '';
  return { ...fields, version, ...changes };
}

async function progressText(harness: Harness): Promise<string> {
  return (await harness.db.selectFrom('periods').select('progressText').where('planId', '=', harness.planId).where('period', '=', '2023-11').executeTakeFirstOrThrow()).progressText;
}

describeWithTools(['better-sqlite3'], 'report prose in the browser, task table import', () => {
  let harness: Harness;
  let office: Client;
  const reportUrl = () => `/plans/${harness.planId}/periods/2023-11/report`;
  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
  });
  afterAll(async () => harness?.close());

  it('saves new prose, keeps every other key of the progress file, records old and new values, and the report docx carries it', async () => {
    const before = JSON.parse(await progressText(harness)) as Record<string, unknown>;
    const prose = '本月组织召开整改推进会两次，逐项对账销号。\n对新识别监测对象开展入户核查。';
    const response = await office.post(reportUrl(), await reportFields(harness, { workDone: prose }, office), reportUrl());
    expect(response.statusCode).toBe(302);
    const after = JSON.parse(await progressText(harness)) as Record<string, unknown> & { report: Record<string, unknown> };
    expect(after.report.workDone).toEqual(['本月组织召开整改推进会两次，逐项对账销号。', '对新识别监测对象开展入户核查。']);
    const { report: oldReport, ...oldRest } = before as { report: Record<string, unknown> };
    const { report: newReport, ...newRest } = after;
    expect(newRest).toEqual(oldRest);
    expect(Object.keys(newRest)).toEqual(Object.keys(oldRest));
    expect({ ...newReport, workDone: oldReport.workDone }).toEqual(oldReport);
    const audit = await harness.db.selectFrom('audit').selectAll().where('action', '=', '修改进展报告').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ field: 'report.workDone', oldValue: JSON.stringify(oldReport.workDone), newValue: JSON.stringify(after.report.workDone) });
    const list = await office.request('GET', `/plans/${harness.planId}/documents/report?period=2023-11`);
    const docxLink = /<a href="([^"]+)">[^<]+\.docx<\/a>/.exec(list.body)![1]!.replace(/&amp;/g, '&');
    const docx = unzipSync(new Uint8Array((await office.request('GET', docxLink)).rawPayload));
    const text = Buffer.from(docx['word/document.xml']!).toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain('本月组织召开整改推进会两次，逐项对账销号。');
    expect(text).toContain('对新识别监测对象开展入户核查。');
  });

  it('after the edit, the exported folder passes check and the CLI makes the same report and ledger as the server', async () => {
    const response = await office.request('GET', `/plans/${harness.planId}/export`);
    const dir = path.join(tmp('edited'), 'guanyang-2022');
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(response.rawPayload)))) {
      mkdirSync(path.dirname(path.join(path.dirname(dir), name)), { recursive: true });
      writeFileSync(path.join(path.dirname(dir), name), data);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'progress', '2023-11.json'), 'utf8')).report.workDone[0]).toBe('本月组织召开整改推进会两次，逐项对账销号。');
    expect((await runCli(['check', dir])).exit).toBe(0);
    const out = tmp('edited-out');
    expect((await runCli(['report', dir, '--period', '2023-11', '--out', out])).exit).toBe(0);
    const list = await office.request('GET', `/plans/${harness.planId}/documents/report?period=2023-11`);
    const links = [...list.body.matchAll(/<a href="([^"]+file=\d+)">([^<]+)<\/a>/g)];
    expect(links).toHaveLength(2);
    for (const [, href, name] of links) {
      const served = Buffer.from((await office.request('GET', href!.replace(/&amp;/g, '&'))).rawPayload);
      expect(served.equals(readFileSync(path.join(out, 'guanyang-2022', '2023-11', name!))), name).toBe(true);
    }
  });

  it('refuses prose the check rules refuse (an impossible date, no paragraph), naming the place, and saves nothing', async () => {
    const before = await progressText(harness);
    const badDate = await office.post(reportUrl(), await reportFields(harness, { date: '2023-02-30' }, office), reportUrl());
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toMatch(/guanyang-2022\/progress\/2023-11\.json:\d+:\d+ {2}error {2}[^\n]*\(report\.date\)/);
    const empty = await office.post(reportUrl(), await reportFields(harness, { nextSteps: '  \n ' }, office), reportUrl());
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('(report.nextSteps)');
    expect(await progressText(harness)).toBe(before);
  });

  it('refuses a save made from a version someone else has changed since, keeping what was typed', async () => {
    const stale = await reportFields(harness, { difficulties: '甲写的困难。' }, office);
    const other = await signedIn(harness.app, 'office');
    expect((await other.post(reportUrl(), await reportFields(harness, { difficulties: '乙写的困难。' }, other), reportUrl())).statusCode).toBe(302);
    const refused = await office.post(reportUrl(), stale, reportUrl());
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('已被他人修改');
    expect(refused.body).toContain('甲写的困难。');
    expect((JSON.parse(await progressText(harness)) as { report: { difficulties: string[] } }).report.difficulties).toEqual(['乙写的困难。']);
  });

  it('shows a viewer the report without a way to save it', async () => {
    const viewer = await signedIn(harness.app, 'viewer');
    const page = await viewer.request('GET', reportUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<button type="submit">保存</button>');
    expect(page.body).toContain('disabled');
  });

  it('imports a task table through init’s reader: the same plan.json as zhenggai init --from-table (without $schema)', async () => {
    const out = tmp('table');
    expect((await runCli(['table', 'data/guanyang-2022', '--type', 'xlsx', '--out', out])).exit).toBe(0);
    const tableFile = readdirSync(path.join(out, 'guanyang-2022')).find((f) => f.endsWith('.xlsx'))!;
    const table = readFileSync(path.join(out, 'guanyang-2022', tableFile));
    const initDir = path.join(tmp('init'), 'from-table');
    expect((await runCli(['init', initDir, '--from-table', path.join(out, 'guanyang-2022', tableFile)])).exit).toBe(0);
    const response = await postMultipart(office, '/plans/import-table', { name: 'from-table' }, [{ field: 'table', filename: tableFile, data: table }]);
    expect(response.statusCode).toBe(302);
    const id = Number(/^\/plans\/(\d+)\/check$/.exec(String(response.headers.location))?.[1]);
    const stored = await harness.db.selectFrom('plans').select('planText').where('id', '=', id).executeTakeFirstOrThrow();
    const { $schema, ...cliPlan } = JSON.parse(readFileSync(path.join(initDir, 'plan.json'), 'utf8')) as Record<string, unknown>;
    expect($schema).toBeDefined();
    expect(JSON.parse(stored.planText)).toEqual(cliPlan);
    const unmapped = await harness.db.selectFrom('planFiles').select('path').where('planId', '=', id).execute();
    expect(unmapped.map((u) => u.path)).toEqual(['未映射内容.txt']);
    // What the table could not say is listed as check lists it for the folder init wrote (there: from-table/plan.json).
    const cliCheck = await runCli(['check', initDir]);
    // Without line:column: the CLI's plan.json has one line more ($schema) above everything.
    const unplaced = (l: string) => l.slice(l.indexOf('plan.json:')).replace(/^plan\.json:\d+:\d+/, 'plan.json');
    const cliLines = cliCheck.out.split('\n').filter((l) => l.includes('plan.json:')).map(unplaced);
    const check = await office.request('GET', `/plans/${id}/check`);
    const pageLines = [...check.body.matchAll(/<code class="diagnostic">([^<]*)<\/code>/g)].map((m) => unplaced(m[1]!));
    expect(cliLines.length).toBeGreaterThan(0);
    expect(pageLines).toEqual(cliLines);
    const planPage = await office.request('GET', `/plans/${id}`);
    expect(planPage.body).toContain('方案数据有错误');
  });

  it('refuses a file that is not a task table, naming it', async () => {
    const response = await postMultipart(office, '/plans/import-table', { name: 'not-a-table' }, [{ field: 'table', filename: '名单.xlsx', data: Buffer.from('not a zip') }]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('名单.xlsx');
    expect(await harness.db.selectFrom('plans').select('id').where('name', '=', 'not-a-table').executeTakeFirst()).toBeUndefined();
  });
});
