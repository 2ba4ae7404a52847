// Leftovers of interrupted runs, swept by the next run: in an output folder
// (under its lock), and in the temp folder (only a process that is gone).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepLeftovers, sweepTempFolders } from '../../src/write/sweep.js';
import { snapshot } from '../helpers/tree.js';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function put(root: string, relative: string, text = 'x'): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
}

describe('sweepLeftovers', () => {
  it('removes staging folders, temporary files, moved-aside versions and lock remnants; restores a packet folder left only aside; keeps the rest', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-sweep-'));
    // Ours, left by killed runs:
    put(root, '.packet-2024-06.building-0123abcd/01-报告.docx');
    put(root, '.packet-2024-06.old-0123abcd/01-报告.docx');
    put(root, '.整改台账-2024-06.xlsx.89abcdef.tmp');
    put(root, '.zhenggai-journal-0a1b2c3d.json.0f0f0f0f.tmp');
    put(root, '.zhenggai.lock.stale-00ff00ff');
    put(root, '2024-06/.报告.docx.deadbeef.tmp');
    put(root, '2024-06/.报告.docx.old-deadbeef', 'report moved aside');
    put(root, '.packet-2024-05.old-cafef00d/01-报告.docx', 'the May packet');
    // The clerk's and the current outputs:
    put(root, 'packet-2024-06/01-报告.docx', 'current');
    put(root, '2024-06/报告.docx', 'current report');
    put(root, '.notes.txt', 'a hidden file of the clerk');
    put(root, 'backup.tmp', 'not one of ours');
    const swept = await sweepLeftovers(root, 'all');
    expect(snapshot(root)).toEqual({
      'packet-2024-06/': 'dir',
      'packet-2024-06/01-报告.docx': expect.any(String),
      'packet-2024-05/': 'dir',
      'packet-2024-05/01-报告.docx': expect.any(String),
      '2024-06/': 'dir',
      '2024-06/报告.docx': expect.any(String),
      '.notes.txt': expect.any(String),
      'backup.tmp': expect.any(String),
    });
    expect(readFileSync(path.join(root, 'packet-2024-05', '01-报告.docx'), 'utf8')).toBe('the May packet');
    expect(swept.restored).toEqual([path.join(root, 'packet-2024-05')]);
    expect(swept.removed).toHaveLength(7);
  });

  it('looks only into the subfolders named (a plan folder: progress/, never evidence/)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-sweep-'));
    put(root, 'progress/.2024-06.json.01234567.tmp');
    put(root, 'evidence/01/.照片.jpg.01234567.tmp', 'the clerk’s file, whatever its name');
    await sweepLeftovers(root, ['progress']);
    expect(Object.keys(snapshot(root)).sort()).toEqual(['evidence/', 'evidence/01/', 'evidence/01/.照片.jpg.01234567.tmp', 'progress/']);
  });
});

describe('sweepTempFolders', () => {
  it('removes PDF staging folders and LibreOffice profiles of processes that are gone, and nothing else', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-sweep-tmp-'));
    const dead = deadPid();
    for (const name of [`zhenggai-lo-${dead}-0123456789abcdef`, `zhenggai-pdf-${dead}-Ab12Cd`, `zhenggai-lo-${process.pid}-0123456789abcdef`, `zhenggai-pdf-${process.pid}-Xy34Zw`, 'zhenggai-pdf-profiles-Ab12Cd', 'zhenggai-lo-0123abcd', 'other-app-1234']) {
      put(tmp, `${name}/user/registrymodifications.xcu`);
    }
    const removed = await sweepTempFolders(tmp);
    expect(removed.map((p) => path.basename(p)).sort()).toEqual([`zhenggai-lo-${dead}-0123456789abcdef`, `zhenggai-pdf-${dead}-Ab12Cd`]);
    expect(Object.keys(snapshot(tmp)).filter((k) => !k.includes('/user')).sort()).toEqual(
      [`zhenggai-lo-${process.pid}-0123456789abcdef/`, `zhenggai-pdf-${process.pid}-Xy34Zw/`, 'zhenggai-pdf-profiles-Ab12Cd/', 'zhenggai-lo-0123abcd/', 'other-app-1234/'].sort(),
    );
  });
});
