// The same answers reported online and on the unit's Excel form give the
// same progress entry (issue 16: "both paths end in the same period data").
// 农业服务中心 answers problem 11 for 2023-12 — 推进中, not on schedule, a
// reason and an extension — on the server, and the office accepts it; the
// same answers are typed into the form `zhenggai forms` makes from the
// folder exported before, and `zhenggai import` reads it. The two entries
// for problem 11 are compared.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FORM_SHEET } from '../../src/model/document/unit-form-layout.js';
import { exportPlan, loadPlan } from '../../src/server/plan-store.js';
import { runCli } from '../cli/run.js';
import { editCells } from '../import/form-editor.js';
import { describeWithTools } from '../helpers/tools.js';
import { signedIn, startHarness, type Harness } from './harness.js';

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
    const version = /name="version" value="(\d+)"/.exec((await office.request('GET', url)).body)![1]!;
    expect((await office.post(`${url}/review`, { decision: 'accepted', reason: '', version }, url)).statusCode).toBe(302);
    const online = (JSON.parse((await loadPlan(harness.db, harness.planId))!.texts.progress.find((p) => p.period === PERIOD)!.text) as { problems: { number: number }[] }).problems.find((p) => p.number === 11);

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
