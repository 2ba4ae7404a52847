// `zhenggai closure-forms`: the document type added by following the recipe in
// docs/ARCHITECTURE.md (template wording, one pipeline file, one command file).
// Expected problems come from reading the sample progress files by hand:
// in 2023-11 problems 2, 14 and 15 were closed (closure dates in November),
// and 1, 4, 5, 6, 7, 9, 16 and 18 are completed but not yet closed.

import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipText } from '../helpers/unzip.js';
import { runCli as run } from './run.js';

const plan = JSON.parse(readFileSync('data/guanyang-2022/plan.json', 'utf8')) as { problems: Array<{ number: number; summary: string }> };
const summary = (n: number) => plan.problems.find((p) => p.number === n)!.summary;
const FILLED = '整改问题销号审批表（本期已销号）.docx';
const BLANK = '整改问题销号审批表（已完成待签字）.docx';

/** The document's visible text: every w:t run joined. */
function documentText(file: string): string {
  const xml = zipText(readFileSync(file), 'word/document.xml');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('zhenggai closure-forms', () => {
  it('writes the filled and the blank forms of the period under <out>/<plan>/<period>/', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-closure-'));
    const result = await run(['closure-forms', 'data/guanyang-2022', '--period', '2023-11', '--out', out]);
    expect(result.exit).toBe(0);
    const dir = path.join(out, 'guanyang-2022', '2023-11');
    expect(readdirSync(dir).sort()).toEqual([BLANK, FILLED].sort());
    const filled = documentText(path.join(dir, FILLED));
    const blank = documentText(path.join(dir, BLANK));
    for (const n of [2, 14, 15]) {
      expect(filled).toContain(summary(n));
      expect(blank).not.toContain(summary(n));
    }
    for (const n of [1, 4, 5, 6, 7, 9, 16, 18]) {
      expect(blank).toContain(summary(n));
      expect(filled).not.toContain(summary(n));
    }
    expect(result.out).toContain(path.join(dir, FILLED));
  });

  it('makes the same bytes as the packet carries for the same period', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-closure-'));
    expect((await run(['closure-forms', 'data/guanyang-2022', '--period', '2023-10', '--out', out])).exit).toBe(0);
    expect((await run(['packet', 'data/guanyang-2022', '--period', '2023-10', '--out', out])).exit).toBe(0);
    const packet = path.join(out, 'guanyang-2022', 'packet-2023-10');
    const inPacket = readdirSync(packet).find((f) => f.endsWith(FILLED))!;
    expect(readFileSync(path.join(packet, inPacket)).equals(readFileSync(path.join(out, 'guanyang-2022', '2023-10', FILLED)))).toBe(true);
  });

  it('refuses a period without a progress file, naming it, and writes nothing', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-closure-'));
    const result = await run(['closure-forms', 'data/guanyang-2022', '--period', '2024-01', '--out', out]);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('progress/2024-01.json');
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'guanyang-2022'))).toBe(false);
  });

  it('refuses a malformed period', async () => {
    const result = await run(['closure-forms', 'data/guanyang-2022', '--period', '2023-13']);
    expect(result.exit).toBe(1);
    expect(result.err).toContain('YYYY-MM');
  });
});
