// `zhenggai supervise` on the bundled plan. Expected by hand from the sample
// progress files: on 2023-11-30 problem 8 (规建办, 10月底前) is overdue — red;
// problem 21 (党群办 and 经发办), reopened by the 2023-11-20 回头看 with the new
// deadline 12月5日, is due in 5 days — blue; nothing is yellow; the rest are green
// or uncoloured. The sample records 督办〔2023〕1–2号 in 2023-09 (农业服务中心 and 规建办:
// 11 and 8 behind schedule, yellow) and 3号 in 2023-10 (规建办, 8 still behind).
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run.js';

const NOVEMBER = ['督办〔2023〕4号-提醒函（经发办）.docx', '督办〔2023〕5号-催办通知（规建办）.docx', '督办〔2023〕6号-提醒函（党群办）.docx'];

function copyOfSample(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-supervise-sample-')), 'guanyang-2022');
  cpSync('data/guanyang-2022', dir, { recursive: true });
  return dir;
}

describe('zhenggai supervise on the bundled plan', () => {
  it('2023-11: exactly the units with blue, yellow or red problems, each of a jointly led one, by the right kind', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-supervise-out-'));
    const result = await run(['supervise', 'data/guanyang-2022', '--period', '2023-11', '--out', out]);
    expect(result.exit).toBe(0);
    // The sample records its numbers: nothing is written to the data.
    expect(result.out).not.toContain('记下');
    expect(readdirSync(path.join(out, 'guanyang-2022', '2023-11', '督办')).sort()).toEqual([...NOVEMBER].sort());
    const october = await run(['supervise', 'data/guanyang-2022', '--period', '2023-10', '--out', out]);
    expect(october.exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022', '2023-10', '督办'))).toEqual(['督办〔2023〕3号-督办单（规建办）.docx']);
  });

  it('numbers run on from October when November has none recorded, and a rerun keeps them', async () => {
    const dir = copyOfSample();
    const file = path.join(dir, 'progress', '2023-11.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete json.supervision;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    const out = path.join(dir, '..', 'out');
    const first = await run(['supervise', dir, '--period', '2023-11', '--out', out]);
    expect(first.exit).toBe(0);
    expect(first.out).toContain('经发办 4号、规建办 5号、党群办 6号');
    // Written as the sample had it: the same numbers and date, in the same place in the file.
    expect(readFileSync(file, 'utf8')).toBe(readFileSync('data/guanyang-2022/progress/2023-11.json', 'utf8'));
    const again = await run(['supervise', dir, '--period', '2023-11', '--out', out]);
    expect(again.exit).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync('data/guanyang-2022/progress/2023-11.json', 'utf8'));
    expect(readdirSync(path.join(out, 'guanyang-2022', '2023-11', '督办')).sort()).toEqual([...NOVEMBER].sort());
  });

  it('the packet leaves out notices not numbered yet, and says to run supervise first', async () => {
    const dir = copyOfSample();
    const file = path.join(dir, 'progress', '2023-11.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete json.supervision;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    const result = await run(['packet', dir, '--period', '2023-11', '--out', path.join(dir, '..', 'out')]);
    expect(result.exit).toBe(0);
    expect(result.err).toContain('2023-11 有 3 份督办文书尚未编号，未放入报送材料');
    const names = readdirSync(path.join(dir, '..', 'out', 'guanyang-2022', 'packet-2023-11'));
    expect(names.filter((n) => n.includes('督办'))).toEqual([]);
    // The packet writes nothing to the data.
    expect(JSON.parse(readFileSync(file, 'utf8')).supervision).toBeUndefined();
  });

  it('the packet carries the same notices, byte for byte, after the closure forms', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-supervise-packet-'));
    expect((await run(['supervise', 'data/guanyang-2022', '--period', '2023-11', '--out', out])).exit).toBe(0);
    expect((await run(['packet', 'data/guanyang-2022', '--period', '2023-11', '--out', out])).exit).toBe(0);
    const packet = path.join(out, 'guanyang-2022', 'packet-2023-11');
    NOVEMBER.forEach((name, i) => {
      const inPacket = readFileSync(path.join(packet, `0${5 + i}-${name}`));
      expect(inPacket.equals(readFileSync(path.join(out, 'guanyang-2022', '2023-11', '督办', name))), name).toBe(true);
    });
  });
});
