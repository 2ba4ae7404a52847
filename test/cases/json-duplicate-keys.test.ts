// Case json-duplicate-keys (issue 13, kind 4): a key written twice is an error
// at its second place, with the JSON path — the clerk's edit of the first copy
// must not be silently ignored.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { bundledCopy, CASES, checkJson, shown, tmp } from './support.js';

describe('case json-duplicate-keys', () => {
  it('the case: notice.date twice in plan.json is an error at the second, line 13 column 5, naming line 12', async () => {
    const dir = path.join(CASES, 'json-duplicate-keys', 'g');
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: shown(path.join(dir, 'plan.json')), line: 13, column: 5, path: 'notice.date', ruleId: 'json-duplicate-key' });
    expect(errors[0]!.message).toContain('“date”');
    expect(errors[0]!.message).toContain('第 12 行');
  });

  it('a problem entry with two "status" keys in a progress file; report and packet refuse it, writing nothing', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'progress', '2023-11.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    // The first entry's status line, copied above itself with another value.
    const at = lines.findIndex((l) => l.includes('"status"'));
    lines.splice(at, 0, lines[at]!.replace(/"status": "[^"]*"/, '"status": "推进中"'));
    writeFileSync(file, lines.join('\n'));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const indent = lines[at]!.indexOf('"');
    expect(diagnostics.filter((d) => d.ruleId === 'json-duplicate-key')).toMatchObject([
      { file: shown(file), line: at + 2, column: indent + 1, path: 'problems[0].status', severity: 'error' },
    ]);
    const out = tmp('dup-out');
    for (const command of ['report', 'packet']) {
      const result = await runCli([command, dir, '--period', '2023-11', '--out', out]);
      expect(result.exit).toBe(1);
      expect(result.err).toContain('“status”');
    }
    expect(existsSync(path.join(out, 'g'))).toBe(false);
  });

  it('duplicates deep in plan.json: a category id, a measure-list key, the same problem object', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'plan.json');
    const plan = readFileSync(file, 'utf8');
    // Duplicates spliced in by text; their places are found by searching the edited text.
    const edited = plan
      .replace(/"categories": \[\n(\s*)\{\n(\s*)"id": ("[^"]*"),/, (m, a, b, id) => `${m}\n${b}"id": ${id},`)
      .replace(/("number": 3,)/, '$1 "number": 3,');
    writeFileSync(file, edited);
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const dups = diagnostics.filter((d) => d.ruleId === 'json-duplicate-key');
    expect(dups.map((d) => d.path)).toEqual(['categories[0].id', 'problems[2].number']);
    const editedLines = edited.split('\n');
    const secondId = editedLines.findIndex((l, i) => l.includes('"id"') && editedLines[i - 1]!.includes('"id"'));
    expect(dups[0]).toMatchObject({ line: secondId + 1 });
    const numberLine = editedLines.findIndex((l) => l.includes('"number": 3, "number": 3,'));
    expect(dups[1]).toMatchObject({ line: numberLine + 1, column: editedLines[numberLine]!.lastIndexOf('"number"') + 1 });
  });
});
