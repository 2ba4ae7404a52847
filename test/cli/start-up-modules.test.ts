// Issue 14 (cold start): `packet` on the bundled plan loads only the code it
// runs. Two libraries bring more than the packet uses, and the program keeps
// it out: exceljs's CSV module (fast-csv; formats/xlsx/exceljs.ts leaveOutCsv)
// and handlebars' compiler (the bundled templates are precompiled;
// templates/render.ts compilerEnv). The CommonJS modules a run loaded are read
// from Node's module cache when the process exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function loadedModules(args: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-modules-'));
  const list = join(dir, 'modules.json');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, `import { createRequire } from 'node:module';\nimport { writeFileSync } from 'node:fs';\nconst cache = createRequire(import.meta.url).cache;\nprocess.on('exit', () => writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(cache))));\n`);
  const result = spawnSync(process.execPath, ['--import', hook, resolve('bin/zhenggai.js'), ...args, '--out', join(dir, 'out')], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(readFileSync(list, 'utf8')) as string[];
}

describe('packet start-up', () => {
  it('writes the packet without loading exceljs CSV or the handlebars compiler', () => {
    const modules = loadedModules(['packet', resolve('data/guanyang-2022'), '--period', '2023-10']);
    expect(modules.some((m) => m.includes('/exceljs/lib/doc/workbook.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/handlebars/dist/cjs/handlebars.runtime.js'))).toBe(true);
    // csv.js itself is in the cache: the stand-in, under its path.
    expect(modules.filter((m) => m.includes('fast-csv'))).toEqual([]);
    expect(modules.filter((m) => m.includes('/handlebars/dist/cjs/handlebars/compiler/'))).toEqual([]);
  });

  it('loads the handlebars compiler when a template is not precompiled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-templates-'));
    writeFileSync(join(dir, 'report.hbs'), readFileSync('templates/report.hbs', 'utf8').replace(/\n*$/, '\n本报告由 zhenggai 生成。\n'));
    const modules = loadedModules(['report', resolve('data/guanyang-2022'), '--period', '2023-10', '--templates', dir]);
    expect(modules.some((m) => m.includes('/handlebars/dist/cjs/handlebars/compiler/'))).toBe(true);
  });
});
