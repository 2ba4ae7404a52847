// better-sqlite3 is optional (it compiles from source): without it the CLI
// works and `zhenggai serve` says what is missing and how to get it, exit 1.

import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('better-sqlite3');
  vi.resetModules();
});

it('serve says clearly that better-sqlite3 is missing (exit 1), and other commands still run', async () => {
  vi.resetModules();
  vi.doMock('better-sqlite3', () => {
    throw new Error("Cannot find module 'better-sqlite3'");
  });
  const { runCli } = await import('../cli/run.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-nosqlite-'));
  const serve = await runCli(['serve', '--db', path.join(dir, 'z.db'), '--port', '0']);
  expect(serve.exit).toBe(1);
  expect(serve.err).toContain('未安装 better-sqlite3，无法启动服务器');
  expect(serve.err).toContain('npm install');
  expect(serve.err).not.toMatch(/内部错误|\bat \S+ \(/);
  // Nothing was made: no database, no data folder.
  expect(readdirSync(dir)).toEqual([]);
  const check = await runCli(['check', 'data/guanyang-2022']);
  expect(check.exit).toBe(0);
});
