// Case json-deep-nesting (issue 13, kind 4): nesting deeper than the stated
// limit (64 levels) is an error at its place — never a stack overflow, exit 2.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { bundledCopy, CASES, checkJson, shown, tmp } from './support.js';

describe('case json-deep-nesting', () => {
  it("the case: '['×5000 ']'×5000 is exit 1 with plan.json's place, line 1 column 65", async () => {
    const dir = path.join(CASES, 'json-deep-nesting', 'plan');
    const { exit, diagnostics, err } = await checkJson(dir);
    expect(err).toBe('');
    expect(exit).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: shown(path.join(dir, 'plan.json')), line: 1, column: 65, ruleId: 'json-depth', severity: 'error' });
    expect(diagnostics[0]!.message).toContain('嵌套过深');
  });

  it('3,000 levels inside an otherwise valid plan (c9): the place of the 65th level', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'plan.json');
    const text = readFileSync(file, 'utf8');
    // Added as the first key of the plan, on a line of its own: line 2, after 2 spaces and `"x": ` (7 characters).
    writeFileSync(file, text.replace('{\n', `{\n  "x": ${'['.repeat(3000)}${']'.repeat(3000)},\n`));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    // The root object is level 1, so the 64th '[' opens level 65: column 8 + 63.
    expect(diagnostics).toMatchObject([{ file: shown(file), line: 2, column: 71, ruleId: 'json-depth' }]);
  });

  it('50,000 levels in a progress file note: that file and place; the document commands refuse it, writing nothing', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'progress', '2023-10.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"status"'));
    const indent = lines[at]!.match(/^\s*/)![0];
    lines.splice(at, 0, `${indent}"note": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)},`);
    writeFileSync(file, lines.join('\n'));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const deep = diagnostics.filter((d) => d.ruleId === 'json-depth');
    // Level 1 the file, 2 problems[], 3 the entry: the k-th '{"a":' opens level 3 + k, so the 62nd opens level 65.
    expect(deep).toMatchObject([{ file: shown(file), line: at + 1, column: indent.length + '"note": '.length + 61 * 5 + 1 }]);

    const out = tmp('deep-out');
    const report = await runCli(['report', dir, '--period', '2023-11', '--out', out]);
    expect(report.exit).toBe(1);
    expect(report.err).toContain('嵌套过深');
    expect(report.err).not.toContain('内部错误');
    expect(existsSync(path.join(out, 'g'))).toBe(false);
  });
});
