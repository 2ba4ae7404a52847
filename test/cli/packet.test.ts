// The county packet: reproducible to the byte, atomic, refusing missing evidence.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { describeWithTools, runTool } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

async function buildPacket(out: string, extra: string[] = [], env: Record<string, string> = {}, plan = 'data/guanyang-2022') {
  return runCli(['packet', plan, '--period', '2023-11', '--out', out, ...extra], env);
}

describe('zhenggai packet', () => {
  let out: string;
  let packet: string;
  beforeAll(async () => {
    out = tmp('packet');
    const result = await buildPacket(out, ['--zip']);
    expect(result.err).not.toContain('error');
    expect(result.exit).toBe(0);
    packet = path.join(out, 'guanyang-2022', 'packet-2023-11');
  });

  it('has numbered parts, the contents list, evidence by problem and a manifest', () => {
    const files = listFiles(packet);
    expect(files.filter((f) => !f.includes('/'))).toEqual([
      '00-报送材料清单.docx',
      '01-巫山县官阳镇人民政府关于2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况的报告.docx',
      '02-整改台账-2023-11.xlsx',
      '03-整改问题销号审批表（本期已销号）.docx',
      '04-整改问题销号审批表（已完成待签字）.docx',
      // The period's 督办 notices under the numbers progress/2023-11.json records (docs/domain.md#督办).
      '05-督办〔2023〕4号-提醒函（经发办）.docx',
      '06-督办〔2023〕5号-催办通知（规建办）.docx',
      '07-督办〔2023〕6号-提醒函（党群办）.docx',
      'manifest.json',
    ]);
    expect(files).toContain('08-佐证材料/02-某村村民等2户享受易地扶贫搬迁政/旧房拆除验收照片.png');
    // Evidence accumulates over the months: problem 1's September and October files are both there.
    expect(files.filter((f) => f.startsWith('08-佐证材料/01-')).length).toBeGreaterThanOrEqual(2);
  });

  it('has a manifest whose sizes and SHA-256 sums verify', () => {
    const manifest = JSON.parse(readFileSync(path.join(packet, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; size: number; sha256: string }> };
    expect(manifest.files.map((f) => f.path)).toEqual(listFiles(packet).filter((f) => f !== 'manifest.json'));
    for (const entry of manifest.files) {
      expect(readFileSync(path.join(packet, entry.path)).length).toBe(entry.size);
      expect(sha(path.join(packet, entry.path))).toBe(entry.sha256);
    }
  });

  it('writes a zip that lists every part under the packet folder, with UTF-8 names', () => {
    const zip = readFileSync(path.join(out, 'guanyang-2022', 'packet-2023-11.zip'));
    const names = Object.keys(unzipSync(zip));
    expect(names).toEqual(listFiles(packet).map((f) => `packet-2023-11/${f}`));
    expect(zip.readUInt16LE(6) & 0x800).toBe(0x800);
  });

  it('gives byte-identical docx, xlsx, manifest and zip when built again', async () => {
    const again = tmp('packet');
    expect((await buildPacket(again, ['--zip'])).exit).toBe(0);
    const second = path.join(again, 'guanyang-2022', 'packet-2023-11');
    for (const file of listFiles(packet)) expect(sha(path.join(second, file)), file).toBe(sha(path.join(packet, file)));
    expect(sha(path.join(again, 'guanyang-2022', 'packet-2023-11.zip'))).toBe(sha(path.join(out, 'guanyang-2022', 'packet-2023-11.zip')));
  });

  it('a build made to fail after its first step leaves the earlier packet intact and no partial folder', async () => {
    const before = Object.fromEntries(listFiles(packet).map((f) => [f, sha(path.join(packet, f))]));
    const result = await buildPacket(out, ['--zip'], { ZHENGGAI_FAIL_AFTER: 'documents' });
    expect(result.exit).toBe(1);
    expect(result.err).toContain('documents');
    expect(Object.fromEntries(listFiles(packet).map((f) => [f, sha(path.join(packet, f))]))).toEqual(before);
    expect(readdirSync(path.join(out, 'guanyang-2022')).sort()).toEqual(['packet-2023-11', 'packet-2023-11.zip']);
  });

  it('a missing evidence file: exit 1 naming the problem and the path, nothing written', async () => {
    const plan = path.join(tmp('plan'), 'guanyang-2022');
    cpSync('data/guanyang-2022', plan, { recursive: true });
    const progress = JSON.parse(readFileSync(path.join(plan, 'progress', '2023-11.json'), 'utf8'));
    const entry = progress.problems.find((p: { evidence?: string[] }) => p.evidence && p.evidence.length > 0);
    entry.evidence[0] = '02/不存在的照片.png';
    writeFileSync(path.join(plan, 'progress', '2023-11.json'), JSON.stringify(progress, null, 2));
    const fresh = tmp('packet');
    const result = await buildPacket(fresh, [], {}, plan);
    expect(result.exit).toBe(1);
    expect(result.err).toContain(`第 ${entry.number} 号问题的佐证材料不存在：evidence/02/不存在的照片.png`);
    expect(existsSync(path.join(fresh, 'guanyang-2022'))).toBe(false);
  });
});

describeWithTools(['soffice', 'pdfinfo'], 'zhenggai packet --pdf', () => {
  it('adds a PDF beside every Word and Excel part, each of which opens, and page counts in the contents list', async () => {
    const out = tmp('packet-pdf');
    expect((await buildPacket(out, ['--pdf'])).exit).toBe(0);
    const packet = path.join(out, 'guanyang-2022', 'packet-2023-11');
    const office = listFiles(packet).filter((f) => /\.(docx|xlsx)$/.test(f));
    for (const file of office) {
      const pdf = path.join(packet, file.replace(/\.(docx|xlsx)$/, '.pdf'));
      expect(runTool('pdfinfo', [pdf])).toMatch(/Pages:\s+[1-9]/);
    }
    const manifest = JSON.parse(readFileSync(path.join(packet, 'manifest.json'), 'utf8')) as { files: Array<{ path: string }> };
    expect(manifest.files.filter((f) => f.path.endsWith('.pdf') && !f.path.includes('/'))).toHaveLength(office.length);
    const contents = zipText(readFileSync(path.join(packet, '00-报送材料清单.docx')), 'word/document.xml');
    // Every Word and Excel part has its page count; only the evidence row has none.
    expect(contents.split('>—<')).toHaveLength(2);
    const reportPdf = office.find((f) => f.startsWith('01-'))!.replace(/\.docx$/, '.pdf');
    const reportPages = /Pages:\s+(\d+)/.exec(runTool('pdfinfo', [path.join(packet, reportPdf)]))![1]!;
    expect(contents).toContain(`>${reportPages}<`);
  });
});

describe('zhenggai packet without --zip beside an earlier zip', () => {
  it('removes the zip together with the swap, so an old zip never stands beside a new folder; a failing run keeps both', async () => {
    const out = tmp('packet-stale-zip');
    expect((await buildPacket(out, ['--zip'])).exit).toBe(0);
    const root = path.join(out, 'guanyang-2022');
    const zipBefore = sha(path.join(root, 'packet-2023-11.zip'));
    const failed = await buildPacket(out, [], { ZHENGGAI_FAIL_WRITE: 'install packet-2023-11:EIO' });
    expect(failed.exit).toBe(1);
    expect(sha(path.join(root, 'packet-2023-11.zip'))).toBe(zipBefore);
    const result = await buildPacket(out);
    expect(result.exit).toBe(0);
    expect(result.out).toContain(`已删除与新材料包不一致的旧压缩包 ${path.join(root, 'packet-2023-11.zip')}`);
    expect(readdirSync(root)).toEqual(['packet-2023-11']);
  });
});
