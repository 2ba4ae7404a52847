// The folder lock: one writer at a time; a second waits a bounded time, then
// is told who holds the folder; a lock whose process is gone is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderBusy, LOCK_NAME, lockFolder, type LockHolder } from '../../src/write/lock.js';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'zhenggai-lock-'));
const options = (waitMs: number) => ({ command: 'zhenggai packet plan --period 2024-06', waitMs, pollMs: 20 });

/** The id of a process that has finished. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

function plant(dir: string, holder: Partial<LockHolder> | string, ageMs = 0): string {
  const file = path.join(dir, LOCK_NAME);
  const full = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: 'zhenggai report', token: 'feedc0de', ...(typeof holder === 'object' ? holder : {}) };
  writeFileSync(file, typeof holder === 'string' ? holder : JSON.stringify(full));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(file, then, then);
  }
  return file;
}

describe('lockFolder', () => {
  it('writes who holds it, and removes it on release', async () => {
    const dir = folder();
    const lock = await lockFolder(dir, options(0));
    const holder = JSON.parse(readFileSync(path.join(dir, LOCK_NAME), 'utf8')) as LockHolder;
    expect(holder).toEqual({ pid: process.pid, host: os.hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), command: 'zhenggai packet plan --period 2024-06', token: expect.stringMatching(/^[0-9a-f]{8}$/) });
    await lock.release();
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false);
  });

  it('a second run waits the time it is given, then is told who holds the folder', async () => {
    const dir = folder();
    const first = await lockFolder(dir, options(0));
    const waits: Array<LockHolder | undefined> = [];
    const started = Date.now();
    const error = await lockFolder(dir, { ...options(300), onWait: (h) => waits.push(h) }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeInstanceOf(FolderBusy);
    const message = (error as Error).message;
    expect(message).toContain(`另一个 zhenggai 正在写入 ${dir}`);
    expect(message).toContain(`进程 ${process.pid}，主机 ${os.hostname()}`);
    expect(message).toContain('zhenggai packet plan --period 2024-06');
    expect(message).toContain(path.join(dir, LOCK_NAME));
    expect(waits).toHaveLength(1);
    expect(waits[0]!.pid).toBe(process.pid);
    await first.release();
  });

  it('a second run that waits gets the folder once the first releases it', async () => {
    const dir = folder();
    const first = await lockFolder(dir, options(0));
    setTimeout(() => void first.release(), 200);
    const second = await lockFolder(dir, options(10_000));
    expect((JSON.parse(readFileSync(path.join(dir, LOCK_NAME), 'utf8')) as LockHolder).token).toBe(second.holder.token);
    await second.release();
  });

  it('takes over the lock of a process on this host that no longer runs', async () => {
    const dir = folder();
    const pid = deadPid();
    plant(dir, { pid });
    const taken: Array<LockHolder | undefined> = [];
    const lock = await lockFolder(dir, { ...options(0), onTakeOver: (h) => taken.push(h) });
    expect(taken.map((h) => h?.pid)).toEqual([pid]);
    expect((JSON.parse(readFileSync(lock.file, 'utf8')) as LockHolder).pid).toBe(process.pid);
    await lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose process id now belongs to a process started after it was taken', async () => {
    const dir = folder();
    // This test's own process is alive, but it started long after 2001.
    plant(dir, { pid: process.pid, startedAt: '2001-01-01T00:00:00.000Z' });
    const lock = await lockFolder(dir, options(0));
    await lock.release();
  });

  it('waits for another host’s lock while it is touched, takes it over after ten minutes without', async () => {
    const dir = folder();
    plant(dir, { host: 'another-office-pc', pid: 4242 });
    const error = await lockFolder(dir, options(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolderBusy);
    expect((error as Error).message).toContain('主机 another-office-pc');
    plant(dir, { host: 'another-office-pc', pid: 4242 }, 11 * 60_000);
    const lock = await lockFolder(dir, options(0));
    await lock.release();
  });

  it('a lock file still being written (unreadable) is waited for; one left unreadable for long is taken over', async () => {
    const dir = folder();
    plant(dir, '');
    expect(await lockFolder(dir, options(100)).catch((e: unknown) => e)).toBeInstanceOf(FolderBusy);
    plant(dir, '{"pid": 12', 60_000);
    const lock = await lockFolder(dir, options(0));
    await lock.release();
  });

  it('release leaves a lock that is no longer its own', async () => {
    const dir = folder();
    const lock = await lockFolder(dir, options(0));
    const other = plant(dir, { token: '0badf00d' });
    await lock.release();
    expect(JSON.parse(readFileSync(other, 'utf8')).token).toBe('0badf00d');
  });

  it('two runs waiting on a stale lock: exactly one holds the folder at a time', async () => {
    const dir = folder();
    plant(dir, { pid: deadPid() });
    const holders = new Set<string>();
    let overlap = false;
    await Promise.all(
      [1, 2, 3].map(async () => {
        const lock = await lockFolder(dir, options(10_000));
        if (holders.size > 0) overlap = true;
        holders.add(lock.holder.token);
        await new Promise((resolve) => setTimeout(resolve, 50));
        holders.delete(lock.holder.token);
        await lock.release();
      }),
    );
    expect(overlap).toBe(false);
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false);
  });
});
