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
    expect(migrations.map((m) => (m as { name: string }).name)).toEqual(['0001-initial', '0002-online-reporting', '0003-answer-evidence', '0004-closures', '0005-period-origin']);
    await again.close();
  });

  it('a start that cannot take its port says so, exit 1, and does not use up the office account’s one printing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-port-'));
    const holder = await startServer({ db: path.join(dir, 'a.db'), port: 0, host: '127.0.0.1', demo: false, behindHttps: false }, io().io);
    const port = Number(new URL(holder.url).port);
    const db = path.join(dir, 'b.db');
    const busy = io();
    await expect(startServer({ db, port, host: '127.0.0.1', demo: false, behindHttps: false }, busy.io)).rejects.toThrow(`端口 ${port} 已被占用`);
    expect(busy.lines.join('\n')).not.toContain('一次性密码');
    await expect(startServer({ db, port: 70000, host: '127.0.0.1', demo: false, behindHttps: false }, busy.io)).rejects.toThrow('端口应为 0–65535 的整数');
    await holder.close();
    const later = io();
    const server = await startServer({ db, port: 0, host: '127.0.0.1', demo: false, behindHttps: false }, later.io);
    expect(later.lines.join('\n')).toMatch(/一次性密码 [A-Za-z0-9]{14}/);
    await server.close();
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
