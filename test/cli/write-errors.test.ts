// Issue 13 kind 6 (test/fixtures/cases/write-errors/): writing can fail
// anywhere, and every command says so the same way — exit 1, a message
// naming the path and saying 之前的文件保持不变 — never an internal error
// (exit 2), never a half-written output. Faults are injected at each write
// step (ZHENGGAI_FAIL_WRITE, src/write/faults.ts), since these tests run as
// root, where permissions stop no write; the cases that need no root tricks
// (--out a file, a parent a file, the zip path a folder) are made for real.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { twoPlanVersions } from '../helpers/plan-versions.js';
import { snapshot } from '../helpers/tree.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from '../import/broken-forms.js';

const KEPT = '之前的文件保持不变';
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-wfail-${name}-`));

let previousPlan: string;
let plan: string;
beforeAll(() => {
  ({ previousPlan, plan } = twoPlanVersions());
});

type Args = (plan: string, out: string) => string[];
const COMMANDS: Record<string, Args> = {
  table: (p, out) => ['table', p, '--out', out],
  notice: (p, out) => ['notice', p, '--out', out],
  report: (p, out) => ['report', p, '--period', '2023-11', '--out', out],
  'closure-forms': (p, out) => ['closure-forms', p, '--period', '2023-11', '--out', out],
  forms: (p, out) => ['forms', p, '--period', '2023-11', '--out', out],
  packet: (p, out) => ['packet', p, '--period', '2023-11', '--zip', '--out', out],
  schema: (_p, out) => ['schema', '--out', path.join(out, 'guanyang-2022')],
};

/**
 * The write steps each command goes through when it replaces its previous
 * output (faults.ts names them): every one must fail cleanly.
 */
const POINTS: Record<string, string[]> = {
  table: ['mkdir', 'lock', 'temp', 'journal', 'retire', 'install'],
  notice: ['mkdir', 'lock', 'temp', 'install'],
  report: ['mkdir', 'lock', 'temp', 'journal', 'retire', 'install'],
  'closure-forms': ['lock', 'temp', 'journal', 'retire', 'install'],
  forms: ['lock', 'temp 社保所.xlsx', 'journal', 'retire', 'install 水利办.xlsx'],
  packet: ['mkdir', 'lock', 'stage', 'stage 01-*', 'stage 08-佐证材料/*', 'stage manifest.json', 'temp packet-2023-11.zip', 'journal', 'retire packet-2023-11', 'install packet-2023-11', 'install packet-2023-11.zip'],
  schema: ['lock', 'temp', 'journal', 'retire', 'install'],
};

/** Every errno a disk can give is one kind; a few words each message must carry, written from what the errno means. */
const ERRNOS: Record<string, string> = {
  ENOSPC: '磁盘空间已满',
  EROFS: '只读',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EDQUOT: '磁盘配额',
  EMFILE: '打开的文件太多',
  ENFILE: '打开的文件太多',
  EIO: '磁盘读写出错',
  EBUSY: '正被其他程序',
  EFBIG: '文件超过',
  ENOTDIR: '不是文件夹',
  EEXIST: '已存在',
  EISDIR: '文件夹',
  ENOTEMPTY: '文件夹不是空的',
  ENOENT: '不存在',
  ENAMETOOLONG: '路径太长',
  ESOMETHINGNEW: 'ESOMETHINGNEW',
};
const CODES = Object.keys(ERRNOS);

function expectCleanFailure(result: { exit: number; err: string }, names: string): void {
  expect(result.err).not.toContain('内部错误');
  expect(result.exit, result.err).toBe(1);
  expect(result.err).toContain(KEPT);
  expect(result.err).toContain(names);
}

/** A fresh output root holding the previous version's output of `command`. */
async function previousOutput(command: string): Promise<string> {
  const out = tmp(command);
  const result = await runCli(COMMANDS[command]!(previousPlan, out));
  expect(result.exit, result.err).toBe(0);
  return out;
}

describe('a failing write step of every command: exit 1 naming the path, the previous output as it was, no leftovers', () => {
  for (const command of Object.keys(COMMANDS)) {
    it(command, async () => {
      const out = await previousOutput(command);
      const before = snapshot(out);
      // A run leaves no lock, journal or temporary file behind.
      expect(Object.keys(before).filter((k) => k.split('/').some((part) => part.startsWith('.')))).toEqual([]);
      for (const [i, point] of POINTS[command]!.entries()) {
        const code = CODES[i % CODES.length]!;
        const result = await runCli(COMMANDS[command]!(plan, out), { ZHENGGAI_FAIL_WRITE: `${point}:${code}` });
        expectCleanFailure(result, path.join(out, 'guanyang-2022'));
        expect(result.err, `${point}:${code}`).toContain(ERRNOS[code]);
        expect(snapshot(out), `${point}:${code}`).toEqual(before);
      }
      // And with no fault the same run goes through, replacing the output.
      expect((await runCli(COMMANDS[command]!(plan, out))).exit).toBe(0);
    });
  }

  it('every errno, at the step that writes the first file', async () => {
    const out = await previousOutput('report');
    const before = snapshot(out);
    for (const code of CODES) {
      const result = await runCli(COMMANDS.report!(plan, out), { ZHENGGAI_FAIL_WRITE: `temp:${code}` });
      expectCleanFailure(result, path.join(out, 'guanyang-2022', '2023-11', '官阳府文〔2023〕41号-'));
      expect(result.err, code).toContain(ERRNOS[code]);
      expect(result.err).toContain(code);
      expect(snapshot(out)).toEqual(before);
    }
  });

  it('a build step failing after it ran (ZHENGGAI_FAIL_AFTER) leaves the previous packet and zip', async () => {
    const out = await previousOutput('packet');
    const before = snapshot(out);
    for (const step of ['documents', 'evidence', 'contents', 'manifest', 'zip']) {
      const result = await runCli(COMMANDS.packet!(plan, out), { ZHENGGAI_FAIL_AFTER: step });
      expect(result.exit).toBe(1);
      expect(result.err).toContain(`“${step}”之后中止`);
      expect(result.err).toContain(KEPT);
      expect(snapshot(out)).toEqual(before);
    }
  });
});

describe('without tricks: a file or folder standing where the output goes', () => {
  for (const command of Object.keys(COMMANDS)) {
    it(`${command} --out naming a file`, async () => {
      const dir = tmp('afile');
      const afile = path.join(dir, 'afile.txt');
      writeFileSync(afile, 'hello\n');
      const result = await runCli(COMMANDS[command]!(plan, afile));
      expectCleanFailure(result, `${afile} 是文件，不是文件夹`);
      expect(readFileSync(afile, 'utf8')).toBe('hello\n');
      expect(snapshot(dir)).toEqual({ 'afile.txt': expect.any(String) });
    });
  }

  it('out/<plan> is a file (packet, report)', async () => {
    for (const command of ['packet', 'report']) {
      const out = tmp('o5');
      writeFileSync(path.join(out, 'guanyang-2022'), 'x\n');
      const result = await runCli(COMMANDS[command]!(plan, out));
      expectCleanFailure(result, `${path.join(out, 'guanyang-2022')} 是文件，不是文件夹`);
      expect(snapshot(out)).toEqual({ 'guanyang-2022': expect.any(String) });
    }
  });

  it('report: the period folder is a file', async () => {
    const out = tmp('period-file');
    mkdirSync(path.join(out, 'guanyang-2022'));
    writeFileSync(path.join(out, 'guanyang-2022', '2023-11'), 'x\n');
    const before = snapshot(out);
    const result = await runCli(COMMANDS.report!(plan, out));
    expectCleanFailure(result, `${path.join(out, 'guanyang-2022', '2023-11')} 是文件，不是文件夹`);
    expect(snapshot(out)).toEqual(before);
  });

  it('packet --zip: the zip path is a folder — the packet folder is not replaced either', async () => {
    const out = await previousOutput('packet');
    const zip = path.join(out, 'guanyang-2022', 'packet-2023-11.zip');
    rmSync(zip);
    mkdirSync(zip);
    writeFileSync(path.join(zip, 'note.txt'), 'a folder the clerk made');
    const before = snapshot(out);
    const result = await runCli(COMMANDS.packet!(plan, out));
    expectCleanFailure(result, zip);
    expect(result.err).toContain('是文件夹');
    expect(snapshot(out)).toEqual(before);
  });

  it('report: the ledger’s path is a folder — the report is not replaced either', async () => {
    const out = await previousOutput('report');
    const period = path.join(out, 'guanyang-2022', '2023-11');
    const ledger = path.join(period, '整改台账-2023-11.xlsx');
    rmSync(ledger);
    mkdirSync(ledger);
    const before = snapshot(out);
    const result = await runCli(COMMANDS.report!(plan, out));
    expectCleanFailure(result, ledger);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('another run holding the folder', () => {
  for (const command of Object.keys(COMMANDS)) {
    it(`${command}: exit 1 naming who holds it, nothing written, the lock left to its owner`, async () => {
      const out = await previousOutput(command);
      const root = path.join(out, 'guanyang-2022');
      // This very process is alive, so its lock is not stale.
      const holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: 'zhenggai packet …', token: '0123abcd' };
      writeFileSync(path.join(root, '.zhenggai.lock'), JSON.stringify(holder));
      const before = snapshot(out);
      const result = await runCli(COMMANDS[command]!(plan, out), { ZHENGGAI_LOCK_WAIT: '0' });
      expect(result.exit).toBe(1);
      expect(result.err).toContain(`另一个 zhenggai 正在写入 ${root}（进程 ${process.pid}，主机 ${os.hostname()}`);
      expect(result.err).toContain('未写入任何文件');
      expect(snapshot(out)).toEqual(before);
    });
  }
});

describe('import: a read-only or full plan folder', () => {
  async function setUp() {
    const dir = path.join(tmp('import'), 'plan');
    cpSync(CORPUS_PLAN, dir, { recursive: true });
    const form = path.join(path.dirname(dir), '农办.xlsx');
    writeFileSync(form, await goodForm());
    return { dir, form, args: ['import', dir, '--period', CORPUS_PERIOD, form] };
  }

  it('the lock cannot be made (read-only), the file cannot be written (full, over quota), or moved in: exit 1, the plan folder as it was', async () => {
    const { dir, args } = await setUp();
    const before = snapshot(dir);
    const cases: Array<[string, string]> = [
      ['lock:EROFS', dir],
      ['temp:ENOSPC', path.join(dir, 'progress', `${CORPUS_PERIOD}.json`)],
      ['temp:EDQUOT', path.join(dir, 'progress', `${CORPUS_PERIOD}.json`)],
      [`install ${CORPUS_PERIOD}.json:EACCES`, path.join(dir, 'progress', `${CORPUS_PERIOD}.json`)],
    ];
    for (const [fault, names] of cases) {
      const result = await runCli(args, { ZHENGGAI_FAIL_WRITE: fault });
      expectCleanFailure(result, names);
      expect(snapshot(dir), fault).toEqual(before);
    }
    const ok = await runCli(args);
    expect(ok.exit, ok.err).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual([`progress/${CORPUS_PERIOD}.json`]);
  });
});

describe('init', () => {
  let table: string;
  beforeAll(async () => {
    const out = tmp('init-table');
    expect((await runCli(['table', 'data/guanyang-2022', '--type', 'xlsx', '--out', out])).exit).toBe(0);
    const dir = path.join(out, 'guanyang-2022');
    table = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.xlsx'))!);
  });

  it('a failure writing either file writes neither, and leaves no folder it made', async () => {
    for (const fault of ['temp plan.json:ENOSPC', 'temp 未映射内容.txt:EROFS', 'journal:EIO', 'install plan.json:EPERM', 'install 未映射内容.txt:EMFILE']) {
      const parent = tmp('init');
      const dir = path.join(parent, '新方案');
      const result = await runCli(['init', dir, '--from-table', table], { ZHENGGAI_FAIL_WRITE: fault });
      expectCleanFailure(result, dir);
      expect(snapshot(parent), fault).toEqual({});
    }
  });

  it('the new plan folder is a file', async () => {
    const parent = tmp('init');
    const dir = path.join(parent, '新方案');
    writeFileSync(dir, 'x');
    const result = await runCli(['init', dir, '--from-table', table]);
    expectCleanFailure(result, `${dir} 是文件，不是文件夹`);
  });
});
