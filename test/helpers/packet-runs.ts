// Packet runs in child processes (the real binary, dist/ built by npm test),
// and the two packets they may leave: the previous one (from a changed copy
// of the plan) and the new one, each built separately as the expected value.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/run.js';
import { twoPlanVersions } from './plan-versions.js';
import { snapshot, under } from './tree.js';

const BIN = path.resolve('bin/zhenggai.js');
export const PLAN_OUT = 'guanyang-2022';
export const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-runs-${name}-`));

/** The packet folder (file → SHA-256) and the zip's SHA-256, as a clerk would find them. */
export type Visible = { folder: Record<string, string>; zip: string | undefined };

export function visible(out: string): Visible {
  const state = snapshot(out);
  return { folder: under(state, `${PLAN_OUT}/packet-2023-11`), zip: state[`${PLAN_OUT}/packet-2023-11.zip`] };
}

/** Hidden names anywhere under out/: staging folders, versions moved aside, temporary files, journals, locks. */
export function leftovers(out: string): string[] {
  return Object.keys(snapshot(out)).filter((k) => k.split('/').some((part) => part.startsWith('.')));
}

export const packetArgs = (p: string, out: string) => ['packet', p, '--period', '2023-11', '--zip', '--out', out];

export function zhenggaiSync(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

export function zhenggaiAsync(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  const run = { pid: child.pid!, stderr: '', done: undefined as unknown as Promise<{ status: number | null; stderr: string }> };
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString('utf8')));
  child.stdout.resume();
  run.done = new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr: run.stderr })));
  return run;
}

export async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Packets {
  previousPlan: string;
  plan: string;
  /** out/ holding the previous packet and zip: copy it with copyOfPrevious. */
  previousOut: string;
  OLD: Visible;
  NEW: Visible;
}

export async function buildPackets(): Promise<Packets> {
  const { previousPlan, plan } = twoPlanVersions();
  const previousOut = tmp('previous');
  expect((await runCli(packetArgs(previousPlan, previousOut))).exit).toBe(0);
  const newOut = tmp('new');
  expect((await runCli(packetArgs(plan, newOut))).exit).toBe(0);
  const packets = { previousPlan, plan, previousOut, OLD: visible(previousOut), NEW: visible(newOut) };
  expect(packets.OLD.zip).not.toBe(packets.NEW.zip);
  expect(packets.OLD.folder).not.toEqual(packets.NEW.folder);
  expect(leftovers(previousOut)).toEqual([]);
  return packets;
}

export function copyOfPrevious(packets: Packets): string {
  const out = tmp('out');
  cpSync(packets.previousOut, out, { recursive: true });
  return out;
}
