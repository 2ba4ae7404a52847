// The broken-form corpus: every file is refused with its file, sheet and
// cell, the allowed values where there are some, exit 1, and nothing written.
// ZHENGGAI_WRITE_FIXTURES=1 rewrites the committed files from broken-forms.ts.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { brokenCases, brokenFiles, CORPUS_DIR, CORPUS_PERIOD, CORPUS_PLAN, goodForm } from './broken-forms.js';

const run = (args: string[]) => runCli(args);

function planCopy(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-broken-')), 'plan');
  cpSync(CORPUS_PLAN, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const progress = path.join(dir, 'progress');
  return Object.fromEntries(readdirSync(progress).map((n) => [n, readFileSync(path.join(progress, n), 'utf8')]));
}

const cases = brokenCases();

describe('the broken-form corpus', () => {
  beforeAll(async () => {
    if (process.env.ZHENGGAI_WRITE_FIXTURES !== '1') return;
    for (const [name, data] of await brokenFiles()) writeFileSync(path.join(CORPUS_DIR, name), data);
  });

  it('has at least 15 cases, and the committed files are what broken-forms.ts makes (else: ZHENGGAI_WRITE_FIXTURES=1)', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const [name, data] of await brokenFiles()) {
      expect(Buffer.from(readFileSync(path.join(CORPUS_DIR, name))).equals(Buffer.from(data)), name).toBe(true);
    }
  });

  it('starts from a good form that imports', async () => {
    const dir = planCopy();
    const good = path.join(path.dirname(dir), '农办.xlsx');
    writeFileSync(good, await goodForm());
    const result = await run(['import', dir, '--period', CORPUS_PERIOD, good]);
    expect(result.err).not.toMatch(/  error  /);
    expect(result.exit).toBe(0);
    expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(true);
  });

  for (const c of cases) {
    const where = c.expect.sheet ? ` ${c.expect.sheet}!${c.expect.cell ?? ''}` : '';
    it(`${c.name}: [${c.expect.ruleId}] at ${c.expect.file}${where}, nothing written`, async () => {
      const dir = planCopy();
      const before = snapshot(dir);
      const files = c.files.map((f) => path.join(CORPUS_DIR, f));
      const result = await run(['import', dir, '--period', CORPUS_PERIOD, ...files]);
      expect(result.exit).toBe(1);
      const place = `${path.join(CORPUS_DIR, c.expect.file)}${where}`;
      const line = result.err.split('\n').find((l) => l.startsWith(`${place}  error  `) && l.endsWith(`[${c.expect.ruleId}]`));
      expect(line, result.err).toBeDefined();
      expect(line).toContain(c.expect.message);
      expect(result.err).toContain('未写入任何文件');
      expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});
