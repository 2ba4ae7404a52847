import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/write/atomic.js';

describe('writeFileAtomic', () => {
  it('creates folders, replaces the file whole and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-atomic-'));
    const target = path.join(dir, '子目录', '台账.xlsx');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(target))).toEqual(['台账.xlsx']);
  });
});
