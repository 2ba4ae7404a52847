// The accepted entries' warnings in the period's tables and on the problem's
// history page cost one `check` of the plan per page — the one every page of
// a plan already runs (plan-access.ts planFromUrl) — not one per problem
// listed (answer-warnings.ts storedEntryWarnings). checkPlanTexts is wrapped
// to count its runs. Data as in answer-warnings.test.ts: problem 14 (经发办)
// is 已销号 in 2023-11; a 推进中 answer in 2023-12 without 备注 and 未完成原因
// has 3 warnings once accepted.

import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { checkPlanTexts } from '../../src/documents/plan-texts.js';
import { describeWithTools } from '../helpers/tools.js';
import { answerVersion, openPeriodHarness, type Client, type Harness } from './harness.js';

vi.mock('../../src/documents/plan-texts.js', async (original) => {
  const real = await original<typeof import('../../src/documents/plan-texts.js')>();
  return { ...real, checkPlanTexts: vi.fn(real.checkPlanTexts) };
});

const PERIOD = '2023-12';

describeWithTools(['better-sqlite3'], 'warnings in the period’s tables cost one check per page', () => {
  let harness: Harness;
  let office: Client;
  let unit: Client;
  const answer = () => `/plans/${harness.planId}/periods/${PERIOD}/answers/14`;

  beforeAll(async () => {
    ({ harness, office, unit } = await openPeriodHarness(PERIOD, ['unit']));
    const fields = { status: '推进中', onSchedule: '否', progress: '发现项目库调整后仍有遗漏，重新梳理中。' };
    expect((await unit.post(answer(), { ...fields, version: await answerVersion(unit, answer()), action: 'submit' }, answer())).statusCode).toBe(302);
    expect((await office.post(`${answer()}/review`, { decision: 'accepted', reason: '', version: await answerVersion(office, answer()) }, answer())).statusCode).toBe(302);
  });
  afterAll(async () => harness?.close());

  it('runs check once for the answers table, the plan’s table of the period and the history page, with the 3 marks on each', async () => {
    const check = vi.mocked(checkPlanTexts);
    for (const url of [`/plans/${harness.planId}/periods/${PERIOD}/answers`, `/plans/${harness.planId}?period=${PERIOD}`, `/plans/${harness.planId}/problems/14`]) {
      check.mockClear();
      const page = await office.request('GET', url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body.match(/<div class="field-warning" role="note">提示：/g), url).toHaveLength(3);
      expect(check, url).toHaveBeenCalledTimes(1);
    }
  });
});
