// The write-errors case on real disks, as its repro.sh makes them: a tmpfs
// mounted read-only, and one filled up. Needs root and mount (skipped
// otherwise); the same failures are injected for every command in
// write-errors.test.ts, which runs everywhere. This file is the one check
// that the real errnos — including ENOENT from a recursive mkdir on a
// read-only disk — come out as the injected ones do.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { twoPlanVersions } from '../helpers/plan-versions.js';
import { snapshot } from '../helpers/tree.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from '../import/broken-forms.js';

const mounted: string[] = [];

function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
  if (ok) mounted.push(dir);
  return ok;
}

function readOnly(dir: string): void {
  expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
}

/** Fill the disk at `dir` but for about `leaveKb` KB. */
function fill(dir: string, leaveKb: number): void {
  const free = Number(/\d+/.exec(spawnSync('df', ['-k', '--output=avail', dir], { encoding: 'utf8' }).stdout.split('\n')[1] ?? '')?.[0] ?? 0);
  writeFileSync(path.join(dir, 'fill'), Buffer.alloc(Math.max(0, free - leaveKb) * 1024));
}

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' }).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
}

afterEach(() => {
  while (mounted.length > 0) spawnSync('umount', ['-l', mounted.pop()!]);
});

const KEPT = '之前的文件保持不变';

describe.runIf(canMount())('real read-only and full disks (root, tmpfs)', () => {
  let previousPlan: string;
  let plan: string;
  beforeAll(() => {
    ({ previousPlan, plan } = twoPlanVersions());
  });
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'zhenggai-realdisk-'));

  it('a read-only --out: table, report, forms, packet exit 1 saying so; the earlier output is as it was', async () => {
    const m = path.join(tmp(), 'm');
    expect(mountTmpfs(m, '16m')).toBe(true);
    expect((await runCli(['report', previousPlan, '--period', '2023-11', '--out', m])).exit).toBe(0);
    readOnly(m);
    const before = snapshot(m);
    for (const args of [['table', plan], ['report', plan, '--period', '2023-11'], ['forms', plan, '--period', '2023-12'], ['packet', plan, '--period', '2023-11', '--zip']]) {
      const result = await runCli([...args, '--out', m]);
      expect(result.err, args[0]).not.toContain('内部错误');
      expect(result.exit, args[0]).toBe(1);
      expect(result.err).toContain('只读');
      expect(result.err).toContain(KEPT);
      expect(result.err).toContain(path.join(m, 'guanyang-2022'));
    }
    expect(snapshot(m)).toEqual(before);
  });

  it('a read-only disk where the output folder is still to be made (recursive mkdir says ENOENT): the read-only folder is named', async () => {
    const m = path.join(tmp(), 'm');
    expect(mountTmpfs(m, '1m')).toBe(true);
    readOnly(m);
    const result = await runCli(['table', plan, '--out', path.join(m, 'out')]);
    expect(result.exit).toBe(1);
    // Not "no such folder": the mount point, the nearest folder there is, is read-only.
    expect(result.err).toContain(`${m}：`);
    expect(result.err).toContain('只读');
    expect(result.err).not.toContain('ENOENT');
    expect(result.err).toContain(KEPT);
  });

  it('a full disk: report exits 1 naming the file, the earlier report and ledger as they were, no temporary file left', async () => {
    const m = path.join(tmp(), 'm');
    expect(mountTmpfs(m, '4m')).toBe(true);
    expect((await runCli(['report', previousPlan, '--period', '2023-11', '--out', m])).exit).toBe(0);
    fill(m, 40);
    const before = snapshot(m);
    const result = await runCli(['report', plan, '--period', '2023-11', '--out', m]);
    expect(result.err).not.toContain('内部错误');
    expect(result.exit).toBe(1);
    expect(result.err).toContain('磁盘空间已满');
    expect(result.err).toContain(KEPT);
    expect(snapshot(m)).toEqual(before);
  });

  it('import into a read-only and into a full plan folder: exit 1, the plan folder as it was', async () => {
    const form = path.join(tmp(), '农办.xlsx');
    writeFileSync(form, await goodForm());
    for (const kind of ['read-only', 'full'] as const) {
      const m = path.join(tmp(), 'm');
      expect(mountTmpfs(m, '2m')).toBe(true);
      const dir = path.join(m, 'plan');
      cpSync(CORPUS_PLAN, dir, { recursive: true });
      if (kind === 'read-only') readOnly(m);
      else fill(m, 0);
      const before = snapshot(m);
      const result = await runCli(['import', dir, '--period', CORPUS_PERIOD, form]);
      expect(result.err, kind).not.toContain('内部错误');
      expect(result.exit, kind).toBe(1);
      expect(result.err).toContain(kind === 'read-only' ? '只读' : '磁盘空间已满');
      expect(result.err).toContain(dir);
      expect(snapshot(m)).toEqual(before);
      spawnSync('umount', ['-l', mounted.pop()!]);
    }
  });
});
