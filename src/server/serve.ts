// `zhenggai serve`: open (or create) the database, bring it to the latest
// version, make the first office account (or the demo), and listen — on
// 127.0.0.1 unless --host says otherwise — printing the address.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../diagnostics/user-error.js';
import type { Io } from '../documents/files.js';
import { loadTemplates } from '../documents/templates.js';
import { createAccount, DEFAULT_LOCKOUT, type LockoutPolicy } from './accounts.js';
import { buildApp } from './app.js';
import type { ServerContext } from './context.js';
import { openDatabase, type Database } from './database.js';
import { readFolderFiles } from './folder-files.js';
import { migrateToLatest } from './migrations.js';
import { importPlan } from './plan-store.js';
import { sweepSessions } from './session-store.js';

/** The options of `zhenggai serve`. */
export interface ServeOptions {
  /** The SQLite file (created when missing); ':memory:' in tests. */
  db: string;
  /** The data folder; default: zhenggai-data beside the database. */
  data?: string;
  port: number;
  host: string;
  demo: boolean;
  /** Behind an HTTPS reverse proxy on this machine: Secure cookies, X-Forwarded-* trusted from loopback. */
  behindHttps: boolean;
  lockout?: LockoutPolicy;
  loginAttemptsPerMinute?: number;
}

/** The bundled plan the demo loads (data/guanyang-2022, two folders above src/server and dist/server). */
export const BUNDLED_PLAN = fileURLToPath(new URL('../../data/guanyang-2022', import.meta.url));

/** The demo's accounts: known passwords, printed at start and on no page; never for real use (every page says demo). */
export const DEMO_ACCOUNTS = [
  { username: 'demo-office', displayName: '演示：县乡村振兴办', role: 'office', password: 'demo-office-2023' },
  { username: 'demo-leader', displayName: '演示：分管领导', role: 'viewer', password: 'demo-leader-2023' },
  { username: 'demo-unit', displayName: '演示：牵头单位', role: 'unit', password: 'demo-unit-2023' },
] as const;

/** A running server: its address, the app (for inject in tests) and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The data folder for `options`: --data, else zhenggai-data beside the database. */
export function dataFolder(options: Pick<ServeOptions, 'db' | 'data'>): string {
  if (options.data !== undefined) return path.resolve(options.data);
  return path.join(options.db === ':memory:' ? process.cwd() : path.dirname(path.resolve(options.db)), 'zhenggai-data');
}

async function firstStart(db: Database, dataDir: string, demo: boolean, io: Io): Promise<void> {
  const existing = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (demo) {
    if (!existing) for (const a of DEMO_ACCOUNTS) await createAccount(db, a, a.password);
    const office = await db.selectFrom('accounts').select('id').where('username', '=', DEMO_ACCOUNTS[0].username).executeTakeFirst();
    const name = path.basename(BUNDLED_PLAN);
    if (office && !(await db.selectFrom('plans').select('id').where('name', '=', name).executeTakeFirst())) {
      const { id } = await importPlan(db, dataDir, { name, files: await readFolderFiles(BUNDLED_PLAN), accountId: office.id, allowErrors: false });
      const unit = await db.selectFrom('accounts').select('id').where('username', '=', DEMO_ACCOUNTS[2].username).executeTakeFirst();
      const firstUnit = await db.selectFrom('problemUnits').select('unit').where('planId', '=', id).orderBy('number').limit(1).executeTakeFirst();
      if (unit && firstUnit) await db.insertInto('unitAssignments').values({ accountId: unit.id, planId: id, unit: firstUnit.unit }).execute();
    }
    io.out('演示模式：已载入自带方案 guanyang-2022（示例数据）。演示账户（用户名 / 密码）：');
    for (const a of DEMO_ACCOUNTS) io.out(`  ${a.username} / ${a.password}`);
    return;
  }
  if (existing) return;
  const { password } = await createAccount(db, { username: 'office', displayName: '办公室', role: 'office' });
  io.out('首次启动：已创建办公室账户。');
  io.out(`  用户名 office，一次性密码 ${password}`);
  io.out('  首次登录后须修改密码；此密码只显示这一次。');
}

/**
 * Start the server. UserError when better-sqlite3 is missing, the database
 * cannot be opened or migrated, or the port cannot be bound.
 */
export async function startServer(options: ServeOptions, io: Io): Promise<RunningServer> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new UserError(`--port ${options.port}：端口应为 0–65535 的整数 (bad port)`);
  const dataDir = dataFolder(options);
  if (options.demo && !existsSync(BUNDLED_PLAN)) throw new UserError(`找不到自带方案 ${BUNDLED_PLAN}，无法启动演示模式`);
  if (options.db !== ':memory:') await mkdir(path.dirname(path.resolve(options.db)), { recursive: true });
  const db = await openDatabase(options.db);
  try {
    await mkdir(dataDir, { recursive: true });
    await migrateToLatest(db);
    await sweepSessions(db);
    const ctx: ServerContext = {
      db,
      dataDir,
      demo: options.demo,
      templates: await loadTemplates(undefined),
      lockout: options.lockout ?? DEFAULT_LOCKOUT,
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
      behindHttps: options.behindHttps,
    };
    const app = await buildApp(ctx);
    let url: string;
    try {
      url = await app.listen({ host: options.host, port: options.port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(
        code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用：用 --port 换一个端口` : `无法在 ${options.host}:${options.port} 上启动：${code ?? (error as Error).message}`,
      );
    }
    // The first account only once the port is ours: a failed start must not use up the one printing of its password.
    try {
      await firstStart(db, dataDir, options.demo, io);
    } catch (error) {
      await app.close();
      throw error;
    }
    const sweeper = setInterval(() => void sweepSessions(db).catch(() => undefined), 60 * 60 * 1000);
    sweeper.unref();
    io.out(`zhenggai 服务已启动：${url}/`);
    if (options.host !== '127.0.0.1' && options.host !== 'localhost' && !options.behindHttps) {
      io.err('提示：服务可从本机以外访问，但未经 HTTPS；请放在 HTTPS 反向代理之后（见 README“在局域网中使用”）');
    }
    return {
      app,
      url,
      async close() {
        clearInterval(sweeper);
        await app.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
