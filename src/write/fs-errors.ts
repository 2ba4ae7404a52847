// Failures of the disk, as one kind. Whatever the system call and whatever
// the errno (a read-only or full disk, a missing permission, a file where a
// folder should be, too many open files…), a write that fails is the
// machine's problem, not a bug: the writers wrap it in CannotWrite with the
// path they were writing, and documents/files.ts turns that into one message.

import { access, lstat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { systemError } from './faults.js';

/** A failed system call (Node's SystemError): a string errno code and the call that failed. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const e = error as Partial<NodeJS.ErrnoException> | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string';
}

/** Writing `target` failed because of the disk; `culprit` is the path really at fault when it is another (a file where a folder should be). */
export class CannotWrite extends Error {
  constructor(
    readonly target: string,
    override readonly cause: NodeJS.ErrnoException & { code: string },
    readonly culprit?: string,
  ) {
    super(cause.message);
    this.name = 'CannotWrite';
  }
}

/**
 * A replacement failed half-way and could not be undone either: the journal
 * is left, and the next run in the folder restores the previous files.
 */
export class SwapNotUndone extends Error {
  constructor(
    readonly failure: CannotWrite,
    readonly undoError: unknown,
  ) {
    super(`${failure.message}; undo failed: ${undoError instanceof Error ? undoError.message : String(undoError)}`);
    this.name = 'SwapNotUndone';
  }
}

/** What an errno means for a clerk, in Chinese then English. */
const REASONS: Record<string, string> = {
  EROFS: '磁盘或文件夹是只读的 (read-only file system)',
  ENOSPC: '磁盘空间已满 (no space left on device)',
  EDQUOT: '超出磁盘配额 (disk quota exceeded)',
  EFBIG: '文件超过磁盘允许的大小 (file too large)',
  EACCES: '没有写入权限 (permission denied)',
  EPERM: '没有写入权限，或文件正被其他程序（如 Word、Excel）打开 (operation not permitted, or the file is open in another program)',
  EBUSY: '文件正被其他程序（如 Word、Excel）打开 (file in use)',
  ETXTBSY: '文件正被其他程序使用 (file in use)',
  EMFILE: '同时打开的文件太多 (too many open files)',
  ENFILE: '系统打开的文件太多 (too many open files in system)',
  ENOTDIR: '路径中有一段是文件，不是文件夹 (not a folder)',
  EEXIST: '同名的文件已存在 (already exists)',
  EISDIR: '同名的文件夹已存在，不能写成文件 (is a folder)',
  ENOTEMPTY: '同名的文件夹不是空的 (folder not empty)',
  ENOENT: '文件夹不存在或无法创建 (no such folder)',
  ENAMETOOLONG: '路径太长 (name too long)',
  ELOOP: '路径中的符号链接太多 (too many symbolic links)',
  EIO: '磁盘读写出错 (input/output error)',
  EXDEV: '不能跨磁盘移动 (cross-device move)',
  ENOTSUP: '磁盘不支持此操作 (not supported)',
  EINVAL: '磁盘不接受此文件名或操作 (invalid argument)',
};

export function reasonOf(code: string, systemMessage: string): string {
  return REASONS[code] ?? systemMessage;
}

/** The first path from `start` upwards that exists, and whether it is a folder. */
async function nearestExisting(start: string): Promise<{ at: string; isDirectory: boolean } | undefined> {
  for (let at = path.resolve(start); ; at = path.dirname(at)) {
    const info = await lstat(at).catch(() => undefined);
    if (info) return { at, isDirectory: info.isDirectory() };
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * `error` from writing `target` as a CannotWrite; anything that is not a
 * failed system call is returned as it is. A file standing where a folder of
 * the path should be is named as the culprit, and a folder that "does not
 * exist" because its parent cannot be written (recursive mkdir on a
 * read-only disk says ENOENT) gets the parent's real error.
 */
export async function cannotWrite(target: string, error: unknown): Promise<unknown> {
  if (error instanceof CannotWrite || error instanceof SwapNotUndone || !isSystemError(error)) return error;
  const at = typeof error.path === 'string' ? error.path : target;
  if (error.code === 'EEXIST' && error.syscall === 'mkdir') {
    const info = await lstat(at).catch(() => undefined);
    if (info && !info.isDirectory()) return new CannotWrite(target, error, at);
  }
  if ((error.code === 'EROFS' || error.code === 'EACCES' || error.code === 'EPERM') && error.syscall === 'mkdir' && typeof error.path === 'string') {
    // A folder that could not be made (write/make-folders.ts makes one level at a time): the folder it was to go in is the culprit.
    return new CannotWrite(target, error, path.dirname(path.resolve(error.path)));
  }
  if (error.code === 'ENOTDIR' || error.code === 'ENOENT') {
    const found = await nearestExisting(path.dirname(path.resolve(at)));
    if (found && !found.isDirectory) return new CannotWrite(target, error, found.at);
    if (found && error.code === 'ENOENT') {
      const denied = await access(found.at, constants.W_OK).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (isSystemError(denied)) return new CannotWrite(target, denied, found.at);
    }
  }
  return new CannotWrite(target, error);
}

/** Run `step`; a failure of the disk becomes CannotWrite(target). */
export async function writing<T>(target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw await cannotWrite(target, error);
  }
}

/** The error a refusal gives when `target` is a folder but a file is to be written there, or the other way round. */
export function wrongKind(target: string, wantDirectory: boolean): CannotWrite {
  const error = systemError(wantDirectory ? 'ENOTDIR' : 'EISDIR', 'rename', target) as NodeJS.ErrnoException & { code: string };
  return new CannotWrite(target, error, target);
}
