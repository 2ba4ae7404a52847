// One writer per folder: a lock file created with O_EXCL, holding who took
// it (process id, host, start time, command). A second run waits a bounded
// time, then gives up saying who holds the folder. A lock whose process is
// gone (same host: no such process, or the id now belongs to a process
// started later; another host: no heartbeat for OTHER_HOST_STALE_MS) is taken
// over. The holder touches the file every HEARTBEAT_MS so other hosts on a
// shared drive can tell it is alive.
//
// Written here rather than taken from proper-lockfile: that package records
// no owner (so it could not say who holds the folder), judges staleness only
// by a heartbeat (a run blocked for long in zipSync would lose its lock), and
// brings three dependencies for some eighty lines.

import { link, open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { faultPoint } from './faults.js';
import { cannotWrite, isSystemError } from './fs-errors.js';
import { newToken } from './journal.js';

export const LOCK_NAME = '.zhenggai.lock';
const HEARTBEAT_MS = 15_000;
const OTHER_HOST_STALE_MS = 10 * 60_000;
/** A lock file still empty or cut short this long after it was made belongs to a run that died making it. */
const UNREADABLE_GRACE_MS = 10_000;

/** Who holds a folder. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly startedAt: string;
  readonly command: string;
  readonly token: string;
}

/** The folder is held by another run that did not finish within the wait. */
export class FolderBusy extends Error {
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(
      `另一个 zhenggai 正在写入 ${folder}（${describeHolder(holder)}），等待 ${Math.round(waitedMs / 1000)} 秒后仍未结束，未写入任何文件。` +
        `请等它结束后再运行；如确定它已不在运行，可删除 ${lockFile} (another zhenggai run is writing this folder; nothing was written)`,
    );
    this.name = 'FolderBusy';
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return '正在启动 (starting)';
  return `进程 ${holder.pid}，主机 ${holder.host}，${holder.startedAt} 开始${holder.command ? `：${holder.command}` : ''}`;
}

export interface LockOptions {
  /** What this run is doing, shown to a run that has to wait. */
  readonly command: string;
  /** How long to wait for another run to finish. */
  readonly waitMs: number;
  readonly pollMs?: number;
  /** Called once when the folder is held and this run starts waiting. */
  onWait?(holder: LockHolder | undefined): void;
  /** Called when a lock left by a run that is gone is taken over. */
  onTakeOver?(holder: LockHolder | undefined): void;
}

export interface FolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Remove the lock if it is still this run's. */
  release(): Promise<void>;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.startedAt === 'string' && typeof h.token === 'string') {
      return { pid: h.pid, host: h.host, startedAt: h.startedAt, command: typeof h.command === 'string' ? h.command : '', token: h.token };
    }
  } catch {
    // cut short or not ours
  }
  return undefined;
}

/** When process `pid` started (ms since the epoch), from /proc on Linux; undefined elsewhere. */
async function processStartMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = Number(/^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8'))?.[1]);
    // Linux reports start times in USER_HZ, which is 100 on every architecture it exposes to user space.
    return Number.isFinite(ticks) && Number.isFinite(btime) ? (btime + ticks / 100) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process that took this lock on this host still runs (and its id was not given to a later process). */
export async function holderAlive(holder: LockHolder): Promise<boolean> {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = await processStartMs(holder.pid);
  return started === undefined || started <= Date.parse(holder.startedAt) + 2000;
}

async function isStale(text: string, mtimeMs: number): Promise<boolean> {
  const holder = parseHolder(text);
  if (!holder) return Date.now() - mtimeMs > UNREADABLE_GRACE_MS;
  if (holder.host === os.hostname()) return !(await holderAlive(holder));
  return Date.now() - mtimeMs > OTHER_HOST_STALE_MS;
}

async function readLock(file: string): Promise<{ text: string; mtimeMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Remove a stale lock — only the one judged stale: it is moved aside first
 * (one run wins that rename), and put back if what was moved is not it.
 */
async function takeOver(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${newToken()}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

async function create(file: string, holder: LockHolder): Promise<boolean> {
  await faultPoint('lock', 'open', file);
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if (isSystemError(error) && error.code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder, null, 2)}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/** Take the lock of `dir` (which must exist), waiting up to `options.waitMs` for another run. */
export async function lockFolder(dir: string, options: LockOptions): Promise<FolderLock> {
  const file = path.join(dir, LOCK_NAME);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: options.command, token: newToken() };
  const start = Date.now();
  let told = false;
  for (;;) {
    try {
      if (await create(file, holder)) break;
      const seen = await readLock(file);
      if (!seen) continue;
      if (await isStale(seen.text, seen.mtimeMs)) {
        options.onTakeOver?.(parseHolder(seen.text));
        await takeOver(file, seen.text);
        continue;
      }
      const waited = Date.now() - start;
      if (waited >= options.waitMs) throw new FolderBusy(dir, file, parseHolder(seen.text), waited);
      if (!told) options.onWait?.(parseHolder(seen.text));
      told = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 200, options.waitMs - waited)));
    } catch (error) {
      throw await cannotWrite(dir, error);
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    file,
    holder,
    async release() {
      clearInterval(heartbeat);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined && parseHolder(text)?.token === holder.token) await rm(file, { force: true });
    },
  };
}
