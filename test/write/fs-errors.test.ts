// Failures of the disk as one kind: any failed system call while writing is
// CannotWrite naming the target and, when another path is at fault, that path.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemError, faultPoint } from '../../src/write/faults.js';
import { CannotWrite, cannotWrite, isSystemError } from '../../src/write/fs-errors.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'zhenggai-fserr-'));

describe('cannotWrite', () => {
  it('names the file standing where a folder of the path should be (ENOTDIR)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'afile.txt');
    writeFileSync(file, 'hello');
    const target = path.join(file, 'g', '表.docx');
    const error = await mkdir(path.dirname(target), { recursive: true }).catch((e: unknown) => e);
    const wrapped = (await cannotWrite(target, error)) as CannotWrite;
    expect(wrapped).toBeInstanceOf(CannotWrite);
    expect(wrapped.cause.code).toBe('ENOTDIR');
    expect(wrapped.target).toBe(target);
    expect(wrapped.culprit).toBe(file);
  });

  it('names the file standing where the folder itself should be (EEXIST from mkdir)', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'o5'));
    writeFileSync(path.join(dir, 'o5', 'g'), 'x');
    const error = await mkdir(path.join(dir, 'o5', 'g'), { recursive: true }).catch((e: unknown) => e);
    const wrapped = (await cannotWrite(path.join(dir, 'o5', 'g'), error)) as CannotWrite;
    expect(wrapped.cause.code).toBe('EEXIST');
    expect(wrapped.culprit).toBe(path.join(dir, 'o5', 'g'));
  });

  it('treats every errno alike, one it has no words for too; anything else passes through', async () => {
    for (const code of ['ENOSPC', 'EROFS', 'EDQUOT', 'EMFILE', 'EBADF', 'EWHATEVER']) {
      const wrapped = (await cannotWrite('/x/表.docx', systemError(code, 'write', '/x/.表.docx.0123abcd.tmp'))) as CannotWrite;
      expect(wrapped).toBeInstanceOf(CannotWrite);
      expect(wrapped.target).toBe('/x/表.docx');
    }
    const bug = new TypeError('undefined is not a function');
    expect(await cannotWrite('/x', bug)).toBe(bug);
    expect(isSystemError(Object.assign(new Error('no syscall'), { code: 'ENOENT' }))).toBe(false);
  });
});

describe('faults', () => {
  it('an injected error looks like Node’s own', () => {
    const error = systemError('ENOSPC', 'write', '/out/g/.a.docx.0123abcd.tmp');
    expect(error).toMatchObject({ code: 'ENOSPC', syscall: 'write', path: '/out/g/.a.docx.0123abcd.tmp', errno: -28 });
    expect(error.message).toBe("ENOSPC: no space left on device, write '/out/g/.a.docx.0123abcd.tmp'");
    expect(systemError('EDQUOT', 'write', '/f').message).toBe("EDQUOT: disk quota exceeded, write '/f'");
  });

  it('a pattern matches the point itself or a point beginning with it and a space', async () => {
    const env = { ZHENGGAI_FAIL_WRITE: 'temp:EIO,install packet-2024-06:EROFS' };
    await expect(faultPoint('temp 表.docx', 'write', '/f', env)).rejects.toMatchObject({ code: 'EIO' });
    await expect(faultPoint('install packet-2024-06', 'rename', '/f', env)).rejects.toMatchObject({ code: 'EROFS' });
    await expect(faultPoint('install packet-2024-06.zip', 'rename', '/f', env)).resolves.toBeUndefined();
    await expect(faultPoint('temporary', 'write', '/f', env)).resolves.toBeUndefined();
    await expect(faultPoint('stage 05-佐证材料/01-x/照片.jpg', 'write', '/f', { ZHENGGAI_FAIL_WRITE: 'stage 05-*:ENOSPC' })).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
