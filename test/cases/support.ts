// The cases of issue 13 (test/fixtures/cases/<name>/README.md: command,
// expectation, what happened): helpers to run them on copies.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrintedDiagnostic } from '../../src/diagnostics/format.js';
import { runCli } from '../cli/run.js';

export const CASES = path.resolve('test/fixtures/cases');

export const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));

/** A copy of the bundled plan in a new folder, named `name` (as the READMEs' `cp -r … g`). */
export function bundledCopy(name = 'g'): string {
  const dir = path.join(tmp('case'), name);
  cpSync('data/guanyang-2022', dir, { recursive: true });
  return dir;
}

/** `zhenggai check <dir> --format json`: exit code and diagnostics. */
export async function checkJson(dir: string): Promise<{ exit: number; diagnostics: PrintedDiagnostic[]; err: string }> {
  const result = await runCli(['check', dir, '--format', 'json']);
  return { exit: result.exit, diagnostics: JSON.parse(result.out) as PrintedDiagnostic[], err: result.err };
}

/** Every file under `dir` with its bytes: to compare output before and after a refused run. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

/** Shown as check prints it: relative to the working directory when below it, else absolute. */
export const shown = (file: string) => (file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file);
