// A clerk's shell still in a folder that was deleted meanwhile: every command
// printed a raw ENOENT uv_cwd stack from yargs (found by a fresh tester).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('a working folder that no longer exists', () => {
  it('exits 1 with one line saying so, no stack', () => {
    const gone = mkdtempSync(join(tmpdir(), 'zhenggai-gone-'));
    const bin = resolve('bin/zhenggai.js');
    const plan = resolve('data/guanyang-2022');
    const result = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec node "${bin}" check "${plan}"`], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('当前所在的文件夹已不存在');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
