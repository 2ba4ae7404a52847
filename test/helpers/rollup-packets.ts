// Packets for the roll-up tests, made once per test file from plan folders
// with `zhenggai packet`: the two towns of test/fixtures/rollup/ (官阳镇 and
// 双龙镇, made from the bundled plan with their own issuers and progress) and
// the bundled plan's own 2023-10 and 2023-11 packets.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/run.js';

export const ROLLUP_FIXTURES = 'test/fixtures/rollup';

export const tmpDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));

/** Pack a plan folder's period (with its zip) under `out`; returns the packet folder (its zip is `<folder>.zip`). */
export async function makePacket(planDir: string, period: string, out: string): Promise<string> {
  const result = await runCli(['packet', planDir, '--period', period, '--out', out, '--zip']);
  expect(result.err).not.toMatch(/错误|error:/);
  expect(result.exit).toBe(0);
  return path.join(out, path.basename(planDir), `packet-${period}`);
}

/** The county's own particulars, as the rollup command takes them. */
export const COUNTY_OPTIONS = ['--title', '巫山县关于2022年巩固拓展脱贫攻坚成果考核评估反馈问题整改进展情况的报告', '--issuer', '巫山县乡村振兴局', '--doc-number', '巫山乡振文〔2023〕58号', '--signer', '张某', '--recipients', '重庆市乡村振兴局'];
