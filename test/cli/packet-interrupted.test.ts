// Issue 13 kind 7 (test/fixtures/cases/packet-kill-between-renames/): packet
// runs killed (SIGKILL, like a power cut or a closed window) at every step of
// the build and the swap, by ZHENGGAI_KILL_AT (src/write/faults.ts), in a
// child process running the real binary. After the kill, and once the next
// run in the folder has recovered, the packet folder and its zip are both
// the previous ones or both the new ones — each built separately as the
// expected value — and nothing else is left.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { copyOfPrevious, buildPackets, leftovers, packetArgs, PLAN_OUT, visible, zhenggaiSync, type Packets } from '../helpers/packet-runs.js';

let packets: Packets;
beforeAll(async () => {
  packets = await buildPackets();
});

type State = 'old' | 'new' | 'no folder, old zip' | 'new folder, old zip';

/** Where the run is killed, what the folder shows right after, and what it shows once the next run has recovered. */
const KILLS: Array<{ point: string; atKill: State; after: 'old' | 'new' }> = [
  { point: 'lock', atKill: 'old', after: 'old' },
  { point: 'stage', atKill: 'old', after: 'old' },
  { point: 'stage 08-佐证材料/*', atKill: 'old', after: 'old' },
  { point: 'stage manifest.json', atKill: 'old', after: 'old' },
  { point: 'temp packet-2023-11.zip', atKill: 'old', after: 'old' },
  { point: 'journal', atKill: 'old', after: 'old' },
  { point: 'retire packet-2023-11', atKill: 'old', after: 'old' },
  // The case itself: between moving the previous folder aside and moving the new one in.
  { point: 'install packet-2023-11', atKill: 'no folder, old zip', after: 'old' },
  { point: 'install packet-2023-11.zip', atKill: 'new folder, old zip', after: 'old' },
  { point: 'commit', atKill: 'new', after: 'new' },
  { point: 'cleanup', atKill: 'new', after: 'new' },
];

function expectVisible(out: string, state: State): void {
  const now = visible(out);
  if (state === 'old') expect(now).toEqual(packets.OLD);
  else if (state === 'new') expect(now).toEqual(packets.NEW);
  else if (state === 'no folder, old zip') expect(now).toEqual({ folder: {}, zip: packets.OLD.zip });
  else expect(now).toEqual({ folder: packets.NEW.folder, zip: packets.OLD.zip });
}

describe('packet killed at each step of the build and the swap', () => {
  for (const kill of KILLS) {
    it(`at "${kill.point}": the next run in the folder leaves the ${kill.after} packet and zip, and nothing else`, async () => {
      const out = copyOfPrevious(packets);
      const killed = zhenggaiSync(packetArgs(packets.plan, out), { ZHENGGAI_KILL_AT: kill.point });
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expectVisible(out, kill.atKill);
      // The next command writing to out/<plan>/ — any command — finishes or undoes the interrupted swap first.
      const next = await runCli(['notice', packets.plan, '--out', out]);
      expect(next.exit, next.err).toBe(0);
      if (kill.point !== 'lock') expect(next.err).toContain('已中断，接管其锁');
      expectVisible(out, kill.after);
      expect(leftovers(out)).toEqual([]);
      if (kill.point === 'install packet-2023-11') {
        // And a packet run then replaces it as usual.
        expect((await runCli(packetArgs(packets.plan, out))).exit).toBe(0);
        expectVisible(out, 'new');
        expect(leftovers(out)).toEqual([]);
      }
    });
  }

  it('a recovery itself killed half-way is finished by the run after it', async () => {
    const out = copyOfPrevious(packets);
    expect(zhenggaiSync(packetArgs(packets.plan, out), { ZHENGGAI_KILL_AT: 'install packet-2023-11.zip' }).signal).toBe('SIGKILL');
    // The recovery undoes newest first: the new folder goes back to staging, then the previous one comes back. Kill it between.
    const recovering = zhenggaiSync(['notice', packets.plan, '--out', out], { ZHENGGAI_KILL_AT: 'undo packet-2023-11' });
    expect(recovering.signal).toBe('SIGKILL');
    expectVisible(out, 'no folder, old zip');
    const next = await runCli(['table', packets.plan, '--out', out]);
    expect(next.exit, next.err).toBe(0);
    expect(next.err).toContain('已还原之前的文件');
    expectVisible(out, 'old');
    expect(leftovers(out)).toEqual([]);
  });

  it('what an older version left when killed between its renames (only .packet-*.old-*) is put back', async () => {
    const out = copyOfPrevious(packets);
    const root = path.join(out, PLAN_OUT);
    renameSync(path.join(root, 'packet-2023-11'), path.join(root, '.packet-2023-11.old-32f1e43a'));
    mkdirSync(path.join(root, '.packet-2023-11.building-32f1e43a'));
    writeFileSync(path.join(root, '.packet-2023-11.building-32f1e43a', '01-报告.docx'), 'half');
    const next = await runCli(['notice', packets.plan, '--out', out]);
    expect(next.exit).toBe(0);
    expect(next.err).toContain('已从其留下的副本还原');
    expectVisible(out, 'old');
    expect(leftovers(out)).toEqual([]);
  });
});
