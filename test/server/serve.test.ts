// `zhenggai serve` start-up: migrations on a new file, the first office
// account printed once, --demo loading the bundled plan and demo accounts
// once and saying so on every page, 127.0.0.1 by default.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, startServer } from '../../src/server/serve.js';
import { describeWithTools } from '../helpers/tools.js';
import { Client } from './harness.js';

function io() {
  const lines: string[] = [];
  return { lines, io: { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) } };
}

describeWithTools(['better-sqlite3'], 'zhenggai serve start-up', () => {
  it('creates the database, prints the office account’s one-time password once, and keeps it over a restart', async () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-serve-')), 'office.db');
    const first = io();
    const server = await startServer({ db, port: 0, host: '127.0.0.1', demo: false, behindHttps: false }, first.io);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const password = /一次性密码 (\S+)/.exec(first.lines.join('\n'))![1]!;
    await server.close();
    const second = io();
    const again = await startServer({ db, port: 0, host: '127.0.0.1', demo: false, behindHttps: false }, second.io);
    expect(second.lines.join('\n')).not.toContain('一次性密码');
    const client = new Client(again.app);
    expect((await client.signIn('office', password)).headers.location).toBe('/password');
    const migrations = await again.app.ctx.db.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(migrations.map((m) => (m as { name: string }).name)).toEqual(['0001-initial']);
    await again.close();
  });

  it('--demo loads the bundled plan and the demo accounts once, and every page says it is a demo', async () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-demo-')), 'demo.db');
    for (let start = 0; start < 2; start += 1) {
      const out = io();
      const server = await startServer({ db, port: 0, host: '127.0.0.1', demo: true, behindHttps: false }, out.io);
      expect(out.lines.join('\n')).toContain('演示模式');
      expect(await server.app.ctx.db.selectFrom('plans').select('name').execute()).toEqual([{ name: 'guanyang-2022' }]);
      expect((await server.app.ctx.db.selectFrom('accounts').select('username').orderBy('id').execute()).map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
      const client = new Client(server.app);
      expect((await client.request('GET', '/login')).body).toContain('演示模式');
      await client.signIn(DEMO_ACCOUNTS[0].username, DEMO_ACCOUNTS[0].password);
      for (const url of ['/plans', '/plans/1', '/plans/1/check', '/accounts']) expect((await client.request('GET', url)).body, url).toContain('演示模式：数据为示例');
      // The demo unit account sees the plan, as the unit of its first problem.
      const unit = new Client(server.app);
      await unit.signIn(DEMO_ACCOUNTS[2].username, DEMO_ACCOUNTS[2].password);
      expect((await unit.request('GET', '/plans/1')).statusCode).toBe(200);
      await server.close();
    }
  });
});
