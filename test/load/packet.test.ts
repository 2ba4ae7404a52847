// The packet carries its data and reads back exactly (issue 18, step 1): the
// plan and progress files byte for byte, from the folder and from the zip;
// a changed byte, an older packet without data and an unknown version are refused.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPacket, zipPacketFiles } from '../../src/load/packet.js';
import { UserError } from '../../src/diagnostics/user-error.js';
import { runCli } from '../cli/run.js';

const SEED = 'data/guanyang-2022';
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function copyPacket(from: string): string {
  const to = path.join(tmp('packet-copy'), 'packet-2023-11');
  cpSync(from, to, { recursive: true });
  return to;
}

async function refusal(input: string): Promise<string> {
  const error = await loadPacket(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('the packet’s data', () => {
  let folder: string;
  let zip: string;
  beforeAll(async () => {
    const out = tmp('packet-data');
    const result = await runCli(['packet', SEED, '--period', '2023-11', '--out', out, '--zip']);
    expect(result.exit).toBe(0);
    folder = path.join(out, 'guanyang-2022', 'packet-2023-11');
    zip = `${folder}.zip`;
  });

  it('holds the plan and every progress file up to the period, byte for byte, each in the manifest with its SHA-256', () => {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    const listed = new Map(manifest.files.map((f) => [f.path, f.sha256]));
    const pairs: [string, string][] = [
      ['data/plan.json', 'plan.json'],
      ['data/progress/2023-09.json', 'progress/2023-09.json'],
      ['data/progress/2023-10.json', 'progress/2023-10.json'],
      ['data/progress/2023-11.json', 'progress/2023-11.json'],
    ];
    for (const [inPacket, inPlan] of pairs) {
      const original = readFileSync(path.join(SEED, inPlan));
      expect(readFileSync(path.join(folder, inPacket)).equals(original)).toBe(true);
      expect(listed.get(inPacket)).toBe(sha(original));
    }
    const descriptor = JSON.parse(readFileSync(path.join(folder, 'data/packet.json'), 'utf8'));
    expect(descriptor).toEqual({
      format: 'zhenggai-packet-data',
      version: 1,
      period: '2023-11',
      asOf: '2023-11-30',
      issuer: '巫山县官阳镇人民政府',
      plan: 'data/plan.json',
      progress: ['data/progress/2023-09.json', 'data/progress/2023-10.json', 'data/progress/2023-11.json'],
    });
    expect(listed.has('data/packet.json')).toBe(true);
  });

  it('reads back the same from the folder and from the zip', async () => {
    for (const input of [folder, zip]) {
      const packet = await loadPacket(input);
      expect(packet.descriptor.issuer).toBe('巫山县官阳镇人民政府');
      expect(packet.data.plan.problems).toHaveLength(21);
      expect(packet.data.progress.map((p) => p.fileperiod)).toEqual(['2023-09', '2023-10', '2023-11']);
      expect(packet.data.planSource.text).toBe(readFileSync(path.join(SEED, 'plan.json'), 'utf8'));
    }
  });

  it('refuses a packet in which one byte of one file changed, naming the file', async () => {
    const copy = copyPacket(folder);
    const file = path.join(copy, 'data/progress/2023-11.json');
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('推进中')] ^= 1;
    writeFileSync(file, bytes);
    expect(await refusal(copy)).toMatch(/data\/progress\/2023-11\.json 与 manifest\.json 记录的校验值不符/);
  });

  it('refuses a file the manifest does not list', async () => {
    const copy = copyPacket(folder);
    writeFileSync(path.join(copy, 'extra.txt'), 'x');
    expect(await refusal(copy)).toMatch(/extra\.txt 不在 manifest\.json 中/);
  });

  it('refuses an older packet without data, saying what to do', async () => {
    const copy = copyPacket(folder);
    rmSync(path.join(copy, 'data'), { recursive: true });
    const manifestFile = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { path: string }[] };
    writeFileSync(manifestFile, JSON.stringify({ files: manifest.files.filter((f) => !f.path.startsWith('data/')) }));
    expect(await refusal(copy)).toMatch(/旧版 zhenggai 生成的材料包.*重新生成/);
  });

  it('refuses an unknown data format version (manifest updated to match)', async () => {
    const copy = copyPacket(folder);
    const descriptorFile = path.join(copy, 'data/packet.json');
    const descriptor = JSON.parse(readFileSync(descriptorFile, 'utf8'));
    const changed = Buffer.from(JSON.stringify({ ...descriptor, version: 2 }));
    writeFileSync(descriptorFile, changed);
    const manifestFile = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
    for (const f of manifest.files) if (f.path === 'data/packet.json') Object.assign(f, { size: changed.length, sha256: sha(changed) });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(await refusal(copy)).toMatch(/数据格式版本为 2，本程序只读版本 1/);
  });

  it('refuses a file that is no zip, and a zip that is no packet', async () => {
    const dir = tmp('not-packet');
    const text = path.join(dir, 'a.zip');
    writeFileSync(text, 'hello');
    expect(await refusal(text)).toMatch(/a\.zip：不是有效的 zip 压缩包/);
    // A workbook is a zip, but not a packet.
    const xlsx = path.join(folder, '02-整改台账-2023-11.xlsx');
    expect(await refusal(xlsx)).toMatch(/没有 manifest\.json，不是 zhenggai 生成的报送材料包/);
  });

  it('refuses a zip whose file expands beyond 200 times its compressed size (a zip bomb) before inflating it', () => {
    const bomb = zipSync({ 'packet-2023-11/manifest.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(() => zipPacketFiles(bomb, 'bomb.zip')).toThrow(/bomb\.zip：packet-2023-11\/manifest\.json 的压缩比异常/);
  });

  it('takes off the zip’s one top folder only', () => {
    const files = zipPacketFiles(readFileSync(zip), 'p.zip');
    expect(files.has('manifest.json')).toBe(true);
    expect(files.has('data/packet.json')).toBe(true);
  });
});
