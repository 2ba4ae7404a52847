// What reading a form may cost (docs/inputs.md#limits): a form small on disk
// but as large inside as the package checks let through — 95 MB of sheet XML,
// 190,000 rows of text below the table — is read by `zhenggai import` in a
// child process whose JavaScript heap is capped at 256 MB, and its peak
// memory is measured. It must end with exit 1 and the one extra-row message,
// within the stated memory, never with a crash.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_XLSX_UNCOMPRESSED_BYTES } from '../../src/load/xlsx-limits.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from './broken-forms.js';
import { FormFile } from './form-builder.js';

/** The memory docs/inputs.md promises for reading any form: a small office PC has it to spare. */
const STATED_MB = 600;

function runImport(form: string, dir: string): { status: number | null; stderr: string; maxRssMb: number; seconds: number } {
  const main = path.resolve('dist/cli/main.js');
  const script = `import { main } from ${JSON.stringify(main)};
const code = await main(${JSON.stringify(['import', dir, '--period', CORPUS_PERIOD, form])});
process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = code;`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=256', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const kb = Number(/MAXRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { status: child.status, stderr: child.stderr, maxRssMb: kb / 1024, seconds: (performance.now() - started) / 1000 };
}

describe('reading a form stays within the stated memory', () => {
  it(`95 MB of sheet XML (1.5 MB on disk): exit 1 with one extra-row message, under ${STATED_MB} MB`, async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-limits-'));
    const dir = path.join(tmp, 'plan');
    cpSync(CORPUS_PLAN, dir, { recursive: true });
    const form = path.join(tmp, '农办.xlsx');
    writeFileSync(form, new FormFile(await goodForm()).appendRows('进展填报', 7, 190_000, 'I', '整改进展说明文字'.repeat(18)).bytes());
    expect(statSync(form).size).toBeLessThan(2 * 1024 * 1024);
    const unzipped = Object.values(unzipSync(new Uint8Array(readFileSync(form)))).reduce((n, part) => n + part.length, 0);
    expect(unzipped).toBeGreaterThan(0.9 * MAX_XLSX_UNCOMPRESSED_BYTES); // as large inside as the zip checks allow

    const r = runImport(form, dir);
    expect(r.status, r.stderr.slice(0, 2000)).toBe(1);
    expect(r.stderr).toContain('进展填报!I7  error  表格末尾多出的内容不会被导入（I7、I8、I9、I10、I11 及另外 189,995 处）');
    expect(r.maxRssMb).toBeLessThan(STATED_MB);
    console.log(`form-limits: ${(unzipped / 1024 / 1024).toFixed(0)} MB unzipped read in ${r.seconds.toFixed(1)} s, peak ${r.maxRssMb.toFixed(0)} MB`);
  }, 120_000);
});
