// Symbolic links in the evidence folder pointing outside the plan: listed as
// warnings and never read (so evidence that names one is missing, an error),
// and the packet writer refuses anything that is not a plain file inside
// evidence/ even if a layout names it. Made in a temp copy of the sample plan.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { folderEvidenceReader, listEvidence } from '../../src/load/evidence.js';
import { runRules } from '../../src/check/run.js';
import { writePacket } from '../../src/write/packet.js';
import { silentProgress } from '../../src/write/progress.js';
import { UserError } from '../../src/diagnostics/user-error.js';

const SAMPLE = path.resolve('data/guanyang-2022');
const root = mkdtempSync(path.join(tmpdir(), 'zhenggai-hostile-links-'));
const outside = path.join(root, 'outside');
const SECRET = '机密：不应出现在报送材料中';

function copyPlan(name: string): string {
  const dir = path.join(root, name);
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

/** Adds an evidence reference to the first problem of progress/2023-10.json. */
function referenceEvidence(dir: string, evidencePath: string): void {
  const file = path.join(dir, 'progress', '2023-10.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { problems: Array<{ number: number; evidence?: string[] }> };
  data.problems[0]!.evidence = [...(data.problems[0]!.evidence ?? []), evidencePath];
  writeFileSync(file, JSON.stringify(data, null, 2));
}

async function diagnosticsOf(dir: string) {
  const loaded = await loadPlanFolder(dir);
  return [...loaded.diagnostics, ...(loaded.folder ? runRules(loaded.folder) : [])];
}

beforeAll(() => {
  mkdirSync(path.join(outside, 'docs'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  writeFileSync(path.join(outside, 'docs', 'secret.txt'), SECRET);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('symlinks in evidence/', () => {
  test('a linked file: reported, not listed; evidence naming it is missing (an error)', async () => {
    const dir = copyPlan('file-link');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'evidence', '01', 'leak.txt'));
    referenceEvidence(dir, '01/leak.txt');
    const listed = await listEvidence(path.join(dir, 'evidence'));
    expect([...listed.files].some((f) => f.includes('leak'))).toBe(false);
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'evidence-symlink', severity: 'warning', message: expect.stringContaining('符号链接') }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'missing-evidence', severity: 'error', message: expect.stringContaining('evidence/01/leak.txt') }));
  });

  test('a linked folder: reported, not descended into', async () => {
    const dir = copyPlan('dir-link');
    symlinkSync(path.join(outside, 'docs'), path.join(dir, 'evidence', '99'));
    referenceEvidence(dir, '99/secret.txt');
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics.filter((d) => d.ruleId === 'evidence-symlink')).toHaveLength(1);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'missing-evidence', message: expect.stringContaining('evidence/99/secret.txt') }));
  });

  test('evidence/ itself a link to a folder outside the plan: nothing in it is read (regression: it was followed)', async () => {
    const dir = copyPlan('root-link');
    renameSync(path.join(dir, 'evidence'), path.join(outside, 'evidence-elsewhere'));
    writeFileSync(path.join(outside, 'evidence-elsewhere', 'secret.txt'), SECRET);
    symlinkSync(path.join(outside, 'evidence-elsewhere'), path.join(dir, 'evidence'));
    referenceEvidence(dir, 'secret.txt');
    const listed = await listEvidence(path.join(dir, 'evidence'));
    expect(listed.files.size).toBe(0);
    expect(listed.diagnostics).toEqual([expect.objectContaining({ ruleId: 'evidence-symlink', message: expect.stringContaining('evidence/ 是符号链接') })]);
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors.some((d) => d.ruleId === 'missing-evidence' && d.message.includes('secret.txt'))).toBe(true);
  });

  test('the packet writer refuses a linked file even when a layout names it, and leaves no packet', async () => {
    const dir = copyPlan('writer');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'evidence', '01', 'leak.txt'));
    const destination = path.join(root, 'out', 'packet-2023-10');
    const build = writePacket({
      destination,
      zipPath: `${destination}.zip`,
      layout: {
        parts: [{ index: 1, kind: 'evidence', title: '佐证材料', files: ['01-佐证材料/01-x/leak.txt'] }],
        evidence: [{ problem: 1, from: '01/leak.txt', to: '01-佐证材料/01-x/leak.txt' }],
      },
      documents: new Map(),
      evidence: folderEvidenceReader(path.join(dir, 'evidence')),
      contents: async () => new Uint8Array([1]),
      pdf: false,
      date: '2023-10-31',
      progress: silentProgress,
    });
    await expect(build).rejects.toBeInstanceOf(UserError);
    await expect(build).rejects.toThrow('应为 evidence/ 中的普通文件');
    expect(existsSync(destination)).toBe(false);
    expect(existsSync(`${destination}.zip`)).toBe(false);
    expect(readdirSync(path.dirname(destination))).toEqual([]); // no staging folder left behind
  });

  test('…and a path that climbs out of evidence/ with ../', async () => {
    const dir = copyPlan('climb');
    const destination = path.join(root, 'out2', 'packet-2023-10');
    const build = writePacket({
      destination,
      layout: { parts: [], evidence: [{ problem: 1, from: '../../outside/secret.txt', to: '01-佐证材料/secret.txt' }] },
      documents: new Map(),
      evidence: folderEvidenceReader(path.join(dir, 'evidence')),
      contents: async () => new Uint8Array([1]),
      pdf: false,
      date: '2023-10-31',
      progress: silentProgress,
    });
    await expect(build).rejects.toThrow('应为 evidence/ 中的普通文件');
    expect(existsSync(destination)).toBe(false);
  });
});
