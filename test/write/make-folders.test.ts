// write/make-folders.ts: folders made a level at a time, so that a folder
// refused with ENOENT under a parent that exists (/proc) is an error, not
// Node's recursive mkdir spinning forever (found by a tester: `--out /proc/zg`
// hung at full CPU with no message).
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/write/make-folders.js';
import { runCli } from '../cli/run.js';

describe('makeFolders', () => {
  const root = mkdtempSync(join(tmpdir(), 'zhenggai-folders-'));

  it('makes the missing levels and returns the first it made; nothing for a folder that exists', async () => {
    const deep = join(root, 'a', 'b', 'c');
    expect(await makeFolders(deep)).toBe(join(root, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(await makeFolders(deep)).toBeUndefined();
  });

  it('throws the error of the level that fails: a file in the way', async () => {
    writeFileSync(join(root, 'file'), 'x');
    await expect(makeFolders(join(root, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(existsSync('/proc/self'))('throws ENOENT under /proc instead of looping', async () => {
    await expect(makeFolders('/proc/zhenggai-test/sub')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(existsSync('/proc/self'))('table --out /proc/…: exit 1 naming the folder, no hang', async () => {
    const result = await runCli(['table', 'data/guanyang-2022', '--out', '/proc/zhenggai-test']);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('/proc/zhenggai-test');
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});
