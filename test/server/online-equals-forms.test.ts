// The same answers reported online and on the unit's Excel form give the
// same progress entry (issue 16: "both paths end in the same period data").
// 农业服务中心 answers problem 11 for 2023-12 — 推进中, not on schedule, a
// reason and an extension — on the server, and the office accepts it; the
// same answers are typed into the form `zhenggai forms` makes from the
// folder exported before, and `zhenggai import` reads it. The two entries
// for problem 11 are compared.
//
// Then the whole period (second block): every problem of 2023-12 answered
// online by its unit's account and accepted, the report block written on
// the report page, the plan exported; and the same answers on the six units'
// forms imported by `zhenggai import` into the folder exported before, the
// same report block added. Both folders give the same progress file and the
// same documents — report, ledger, closure forms, packet — byte for byte.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_SHEET } from '../../src/model/document/unit-form-layout.js';
import { exportPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { editCells } from '../import/form-editor.js';
import { describeWithTools } from '../helpers/tools.js';
import { BUNDLED, Client, formVersion, signedIn, startHarness, storedProgress, type Harness } from './harness.js';
import { createAccount } from '../../src/server/accounts.js';
import { answerFields, type EntryJson } from './answer-fields.js';

const PERIOD = '2023-12';
const ANSWERS = {
  status: '推进中',
  onSchedule: '否',
  progress: '奖补资金已兑付12户；冬季管护培训2场。',
  reason: '部分农户庭院验收须待开春后复查。',
  extensionDeadline: '2024年3月底前完成',
  extensionReason: '庭院经济作物须开春后复查成活情况。',
  extensionApprovedOn: '2023-12-15',
};

describeWithTools(['better-sqlite3'], 'online answers and Excel forms end in the same period data', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it('gives problem 11 the same progress entry online and from the filled form', async () => {
    const office = await signedIn(harness.app, 'office');
    const unitB = await signedIn(harness.app, 'unitB');
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: PERIOD })).statusCode).toBe(302);
    // The folder as it stands when the forms would be sent out.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-equal-')), 'guanyang-2022');
    for (const file of await exportPlan(harness.db, harness.dataDir, harness.planId)) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.data);
    }

    const url = `/plans/${harness.planId}/periods/${PERIOD}/answers/11`;
    expect((await unitB.post(url, { ...ANSWERS, version: '0', action: 'submit' }, url)).statusCode).toBe(302);
    const version = formVersion((await office.request('GET', url)).body);
    expect((await office.post(`${url}/review`, { decision: 'accepted', reason: '', version }, url)).statusCode).toBe(302);
    const online = (await storedProgress<{ number: number }>(harness, PERIOD)).problems.find((p) => p.number === 11);

    const out = path.join(path.dirname(dir), 'out');
    expect((await runCli(['forms', dir, '--period', PERIOD, '--out', out])).exit).toBe(0);
    const formDir = path.join(out, 'guanyang-2022');
    const name = readdirSync(formDir, { recursive: true }).map(String).find((f) => f.endsWith('.xlsx') && f.includes('农业服务中心'))!;
    // 农业服务中心 reports 2 and 11: problem 11 is the second row (row 6); columns G–O are status … 调整批准日期 (unit-form-layout.ts).
    const filled = editCells(new Uint8Array(readFileSync(path.join(formDir, name))), FORM_SHEET, {
      G6: { text: ANSWERS.status },
      H6: { text: ANSWERS.onSchedule },
      I6: { text: ANSWERS.progress },
      J6: { clear: true },
      L6: { text: ANSWERS.reason },
      M6: { text: ANSWERS.extensionDeadline },
      N6: { text: ANSWERS.extensionReason },
      O6: { text: ANSWERS.extensionApprovedOn },
    });
    const formFile = path.join(path.dirname(dir), 'filled.xlsx');
    writeFileSync(formFile, filled);
    const imported = await runCli(['import', dir, formFile, '--period', PERIOD]);
    expect(imported.exit, imported.out + imported.err).toBe(0);
    const fromForm = (JSON.parse(readFileSync(path.join(dir, 'progress', `${PERIOD}.json`), 'utf8')) as { problems: { number: number }[] }).problems.find((p) => p.number === 11);
    expect(online).toEqual(fromForm);
    // Written out by hand, so the two paths are not merely equal to each other.
    expect(online).toEqual({
      number: 11,
      status: '推进中',
      onSchedule: false,
      progress: ANSWERS.progress,
      reason: ANSWERS.reason,
      extension: { deadline: ANSWERS.extensionDeadline, reason: ANSWERS.extensionReason, approvedOn: ANSWERS.extensionApprovedOn },
    });
  });
});

/** The report block the office writes for 2023-12, field by field as the report page takes it. */
const REPORT = {
  issuerMark: '巫山县官阳镇人民政府',
  docNumber: '官阳府文〔2024〕2号',
  signer: '杨裕富',
  recipients: '中共巫山县委农村工作暨实施乡村振兴战略领导小组办公室',
  issuer: '巫山县官阳镇人民政府',
  date: '2024-01-04',
  workDone: ['12月，各牵头单位通过整改工作平台在线报送进展，领导小组办公室逐题审核。'],
  difficulties: ['产业联农带农问题须待开春后复查。'],
  nextSteps: ['对延期问题逐项倒排工期。'],
};

/** Problem 1's new text this month (经发办, row 5 of its form). */
const PROBLEM_1 = '长期坚持：12月发放告知单96份；村医入户随访时宣传政策。';

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))] as const));
}

async function documentsOf(dir: string, out: string): Promise<Map<string, Buffer>> {
  for (const args of [['report'], ['closure-forms'], ['packet', '--zip']]) {
    const result = await runCli([...args, dir, '--period', PERIOD, '--out', out]);
    expect(result.exit, `${args[0]}: ${result.out}${result.err}`).toBe(0);
  }
  return filesUnder(out);
}

describeWithTools(['better-sqlite3'], 'a period reported online gives the same documents as the same answers from Excel forms', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  it('gives the same progress file, report, ledger, closure forms and packet, byte for byte', async () => {
    const office = await signedIn(harness.app, 'office');
    expect((await office.post(`/plans/${harness.planId}/periods`, { period: PERIOD })).statusCode).toBe(302);
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-equal-docs-'));
    const exportTo = async (where: string) => {
      const dir = path.join(tmp, where, 'guanyang-2022');
      for (const file of await exportPlan(harness.db, harness.dataDir, harness.planId)) {
        mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        writeFileSync(path.join(dir, file.path), file.data);
      }
      return dir;
    };
    // The folder as it stands when the forms are sent out.
    const formsDir = await exportTo('forms');

    // Online: every problem answered by its reporting unit's account (2023-11's answers, as both forms are pre-filled, but problems 1 and 11), all accepted.
    const plan = JSON.parse(readFileSync(path.join(BUNDLED, 'plan.json'), 'utf8')) as { problems: { number: number; leadUnits: string[] }[] };
    const previous = JSON.parse(readFileSync(path.join(BUNDLED, 'progress', '2023-11.json'), 'utf8')) as { problems: EntryJson[] };
    const answersOf = (n: number) => (n === 11 ? ANSWERS : n === 1 ? { ...answerFields(previous.problems.find((e) => e.number === 1)!), progress: PROBLEM_1 } : answerFields(previous.problems.find((e) => e.number === n)!));
    const clients = new Map<string, Client>([['经发办', await signedIn(harness.app, 'unit')], ['农业服务中心', await signedIn(harness.app, 'unitB')]]);
    for (const [i, unit] of [...new Set(plan.problems.map((p) => p.leadUnits[0]!))].entries()) {
      if (clients.has(unit)) continue;
      await createAccount(harness.db, { username: `equal${i}`, displayName: unit, role: 'unit' }, `equal-pass-${i}-12345`).then(({ account }) => harness.db.insertInto('unitAssignments').values({ accountId: account.id, planId: harness.planId, unit }).execute());
      const client = new Client(harness.app);
      expect((await client.signIn(`equal${i}`, `equal-pass-${i}-12345`)).statusCode).toBe(302);
      clients.set(unit, client);
    }
    const url = (n: number) => `/plans/${harness.planId}/periods/${PERIOD}/answers/${n}`;
    for (const p of plan.problems) {
      const response = await clients.get(p.leadUnits[0]!)!.post(url(p.number), { ...answersOf(p.number), version: '0', action: 'submit' }, url(p.number));
      expect(response.statusCode, `problem ${p.number}: ${response.body}`).toBe(302);
      const version = formVersion((await office.request('GET', url(p.number))).body);
      expect((await office.post(`${url(p.number)}/review`, { decision: 'accepted', reason: '', version }, url(p.number))).statusCode).toBe(302);
    }
    // The report block, on the report page.
    const reportUrl = `/plans/${harness.planId}/periods/${PERIOD}/report`;
    const reportVersion = /name="version" value="([^"]+)"/.exec((await office.request('GET', reportUrl)).body)![1]!;
    const saved = await office.post(reportUrl, { ...REPORT, sealed: '1', workDone: REPORT.workDone.join('\n'), difficulties: REPORT.difficulties.join('\n'), nextSteps: REPORT.nextSteps.join('\n'), version: reportVersion }, reportUrl);
    expect(saved.statusCode, saved.body).toBe(302);
    const onlineDir = await exportTo('online');

    // Excel: the six units' forms made from the folder exported before, filled with the same answers (only rows whose answers differ from the pre-fill are edited), imported.
    const formsOut = path.join(tmp, 'forms-out');
    expect((await runCli(['forms', formsDir, '--period', PERIOD, '--out', formsOut])).exit).toBe(0);
    const made = [...filesUnder(formsOut).keys()].filter((f) => f.endsWith('.xlsx'));
    expect(made).toHaveLength(6);
    const filled = made.map((name) => {
      let bytes = new Uint8Array(readFileSync(path.join(formsOut, name)));
      // 经发办's row 5 is problem 1; 农业服务中心's row 6 is problem 11 (unit-form-layout.ts: G–O are status … 调整批准日期).
      if (name.endsWith('经发办.xlsx')) bytes = editCells(bytes, FORM_SHEET, { I5: { text: PROBLEM_1 } });
      if (name.endsWith('农业服务中心.xlsx')) {
        bytes = editCells(bytes, FORM_SHEET, { G6: { text: ANSWERS.status }, H6: { text: ANSWERS.onSchedule }, I6: { text: ANSWERS.progress }, L6: { text: ANSWERS.reason }, M6: { text: ANSWERS.extensionDeadline }, N6: { text: ANSWERS.extensionReason }, O6: { text: ANSWERS.extensionApprovedOn } });
      }
      const file = path.join(tmp, path.basename(name));
      writeFileSync(file, bytes);
      return file;
    });
    const imported = await runCli(['import', formsDir, '--period', PERIOD, ...filled]);
    expect(imported.exit, imported.out + imported.err).toBe(0);
    // The same report block, where the report page puts a new one: before problems, the text fields in the page's order.
    const progressFile = path.join(formsDir, 'progress', `${PERIOD}.json`);
    const progress = JSON.parse(readFileSync(progressFile, 'utf8')) as Record<string, unknown>;
    const withReport: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(progress)) {
      if (key === 'problems') withReport.report = REPORT;
      withReport[key] = value;
    }
    writeFileSync(progressFile, `${JSON.stringify(withReport, null, 2)}\n`);

    // The same period data: the progress file, byte for byte.
    expect(readFileSync(path.join(onlineDir, 'progress', `${PERIOD}.json`), 'utf8')).toBe(readFileSync(progressFile, 'utf8'));
    // And the same documents.
    const online = await documentsOf(onlineDir, path.join(tmp, 'online-out'));
    const forms = await documentsOf(formsDir, path.join(tmp, 'forms-docs-out'));
    expect([...online.keys()].sort()).toEqual([...forms.keys()].sort());
    const report = [...online.keys()].find((f) => f.endsWith('.docx') && f.includes('报告'))!;
    const ledger = [...online.keys()].find((f) => f.includes('整改台账-2023-12.xlsx') && !f.includes('packet'))!;
    expect(report, [...online.keys()].join('\n')).toBeDefined();
    expect(ledger).toBeDefined();
    // What was compared: the report, the ledger, the closure forms, and the packet (its folder, with every evidence file and the data, and its zip).
    expect([...online.keys()].filter((f) => !f.includes('/packet-')).map((f) => path.basename(f)).sort()).toEqual([path.basename(report), '整改台账-2023-12.xlsx', '整改问题销号审批表（已完成待签字）.docx'].sort());
    expect(online.has('guanyang-2022/packet-2023-12.zip')).toBe(true);
    expect(online.has('guanyang-2022/packet-2023-12/data/progress/2023-12.json')).toBe(true);
    for (const [name, bytes] of online) expect(bytes.equals(forms.get(name)!), name).toBe(true);
    // The report holds both new answers (read back from its XML), so equal means equal and new.
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(online.get(report)!))['word/document.xml']!);
    expect(xml).toContain(PROBLEM_1);
    expect(xml).toContain(ANSWERS.progress);
  });
});
