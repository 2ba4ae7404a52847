import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolderAtomically, failAfter, InjectedFailure } from '../../src/write/staged-folder.js';

function previousPacket() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-staged-'));
  const destination = path.join(root, 'packet-2024-06');
  mkdirSync(destination);
  writeFileSync(path.join(destination, 'old.txt'), 'previous');
  return { root, destination };
}

describe('buildFolderAtomically', () => {
  it('replaces the folder whole when the build succeeds', async () => {
    const { root, destination } = previousPacket();
    await buildFolderAtomically(destination, async (dir) => writeFileSync(path.join(dir, 'new.txt'), 'next'));
    expect(readdirSync(destination)).toEqual(['new.txt']);
    expect(readdirSync(root)).toEqual(['packet-2024-06']);
  });
  it('leaves the previous folder untouched and no partial folder when a step fails', async () => {
    const { root, destination } = previousPacket();
    const env = { ZHENGGAI_FAIL_AFTER: 'report' };
    await expect(
      buildFolderAtomically(destination, async (dir) => {
        writeFileSync(path.join(dir, 'report.docx'), 'x');
        failAfter('report', env);
        writeFileSync(path.join(dir, 'ledger.xlsx'), 'y');
      }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(readFileSync(path.join(destination, 'old.txt'), 'utf8')).toBe('previous');
    expect(readdirSync(root)).toEqual(['packet-2024-06']);
  });
  it('creates the folder when there was none', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-staged-'));
    const destination = path.join(root, 'a', 'packet');
    await buildFolderAtomically(destination, async (dir) => writeFileSync(path.join(dir, 'x'), '1'));
    expect(existsSync(path.join(destination, 'x'))).toBe(true);
  });
});
