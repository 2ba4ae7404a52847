// Issue 13 kind 7 (test/fixtures/cases/packet-concurrent-runs/): two runs at
// once on the same output. Run A (a child process, the real binary) is held
// between its two renames — the race window of the case — by
// ZHENGGAI_PAUSE_AT until the test lets it go, so B reliably arrives while A
// holds the folder. Also: the temporary folders of interrupted PDF runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';
import { copyOfPrevious, buildPackets, leftovers, packetArgs, PLAN_OUT, tmp, until, visible, zhenggaiAsync, zhenggaiSync, type Packets } from '../helpers/packet-runs.js';

let packets: Packets;
beforeAll(async () => {
  packets = await buildPackets();
});

/** Start run A and hold it between its two renames until `release()`. */
async function runAHeld(out: string) {
  const go = path.join(tmp('go'), 'go');
  const a = zhenggaiAsync(packetArgs(packets.plan, out), { ZHENGGAI_PAUSE_AT: `install packet-2023-11:@${go}` });
  const root = path.join(out, PLAN_OUT);
  await until(() => existsSync(root) && readdirSync(root).some((n) => n.startsWith('.packet-2023-11.old-')), 'run A to move the previous packet aside');
  return { ...a, release: () => writeFileSync(go, '') };
}

const WAITING = '另一个 zhenggai 正在写入';

describe('two packet runs on the same output at once', () => {
  it('the second waits for the first, then builds; both succeed, the packet is whole, nothing is left over', async () => {
    const out = copyOfPrevious(packets);
    const a = await runAHeld(out);
    const b = zhenggaiAsync(packetArgs(packets.plan, out));
    await until(() => b.stderr.includes(WAITING), 'run B to wait');
    a.release();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    expect(rb.stderr).toContain(`${WAITING} ${path.join(out, PLAN_OUT)}（进程 ${a.pid}`);
    expect(rb.stderr).not.toContain('内部错误');
    expect(visible(out)).toEqual(packets.NEW);
    expect(leftovers(out)).toEqual([]);
  });

  it('a second run that may not wait exits 1 saying who holds the folder; the first finishes', async () => {
    const out = copyOfPrevious(packets);
    const a = await runAHeld(out);
    const rb = await zhenggaiAsync(packetArgs(packets.plan, out), { ZHENGGAI_LOCK_WAIT: '0' }).done;
    a.release();
    const ra = await a.done;
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status).toBe(1);
    expect(rb.stderr).toContain(`${WAITING} ${path.join(out, PLAN_OUT)}（进程 ${a.pid}，主机 ${os.hostname()}`);
    expect(rb.stderr).toContain(`packet ${packets.plan} --period 2023-11 --zip --out ${out}`);
    expect(rb.stderr).toContain('未写入任何文件');
    expect(visible(out)).toEqual(packets.NEW);
    expect(leftovers(out)).toEqual([]);
  });

  it('a report and a packet at once on the same output: the report waits for the packet', async () => {
    const out = copyOfPrevious(packets);
    const a = await runAHeld(out);
    const b = zhenggaiAsync(['report', packets.plan, '--period', '2023-11', '--out', out]);
    await until(() => b.stderr.includes(WAITING), 'the report to wait');
    a.release();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.status, rb.status]).toEqual([0, 0]);
    expect(visible(out)).toEqual(packets.NEW);
    expect(readdirSync(path.join(out, PLAN_OUT, '2023-11'))).toHaveLength(2);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('temporary folders of interrupted runs', () => {
  it('PDF staging folders and LibreOffice profiles of processes that are gone are swept by the next run; a live one is kept', () => {
    const tempDir = tmp('tmpdir');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const gone = [`zhenggai-lo-${dead}-0123456789abcdef`, `zhenggai-pdf-${dead}-Ab12Cd`];
    const live = `zhenggai-lo-${process.pid}-fedcba9876543210`;
    for (const name of [...gone, live]) {
      mkdirSync(path.join(tempDir, name, 'user'), { recursive: true });
      writeFileSync(path.join(tempDir, name, 'user', 'registrymodifications.xcu'), '<items/>');
    }
    const out = tmp('out');
    expect(zhenggaiSync(['table', packets.plan, '--out', out], { TMPDIR: tempDir }).status).toBe(0);
    expect(readdirSync(tempDir)).toEqual([live]);
  });
});

describeWithTools(['soffice'], 'packet --pdf killed while converting', () => {
  it('leaves its staging folder, PDF temp folder and LibreOffice profile, which the next run sweeps', () => {
    const out = copyOfPrevious(packets);
    const tempDir = tmp('tmpdir');
    // Killed once LibreOffice has made the PDFs, before its profile and the PDF folder are removed.
    const killed = zhenggaiSync([...packetArgs(packets.plan, out), '--pdf'], { ZHENGGAI_KILL_AT: 'cleanup zhenggai-lo-*', TMPDIR: tempDir });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(readdirSync(tempDir).map((n) => n.replace(/-[^-]+$/, '')).sort()).toEqual([`zhenggai-lo-${killed.pid}`, `zhenggai-pdf-${killed.pid}`]);
    expect(leftovers(out).some((k) => k.includes('.packet-2023-11.building-'))).toBe(true);
    expect(visible(out)).toEqual(packets.OLD);
    expect(zhenggaiSync(['notice', packets.plan, '--out', out], { TMPDIR: tempDir }).status).toBe(0);
    expect(readdirSync(tempDir)).toEqual([]);
    expect(leftovers(out)).toEqual([]);
    expect(visible(out)).toEqual(packets.OLD);
  });
});
