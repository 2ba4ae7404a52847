import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic, formatJson } from '../../src/diagnostics/format.js';
import { formatJsonPath } from '../../src/diagnostics/json-path.js';

describe('formatJsonPath', () => {
  it('joins names with dots and puts indices in brackets', () => {
    expect(formatJsonPath(['problems', 3, 'deadline'])).toBe('problems[3].deadline');
    expect(formatJsonPath(['problems', 3, 'evidence', 0])).toBe('problems[3].evidence[0]');
    expect(formatJsonPath(['problems', 0, 'extension', 'approvedOn'])).toBe('problems[0].extension.approvedOn');
    expect(formatJsonPath(['plan', 'goal', 'paragraphs', 0])).toBe('plan.goal.paragraphs[0]');
    expect(formatJsonPath(['categories', 1])).toBe('categories[1]');
  });

  it('prints a single name as itself and the whole document as nothing', () => {
    expect(formatJsonPath(['period'])).toBe('period');
    expect(formatJsonPath([])).toBe('');
  });

  it('prints an index first in brackets, and a name after it with a dot', () => {
    expect(formatJsonPath([2, 'name'])).toBe('[2].name');
  });
});

describe('a diagnostic’s path when printed', () => {
  const at: Diagnostic = {
    file: 'plan.json',
    line: 12,
    column: 5,
    path: ['problems', 3, 'deadline'],
    ruleId: 'deadline-phrase',
    severity: 'error',
    message: '无法识别的时限',
  };

  it('follows the message in parentheses in text', () => {
    expect(formatDiagnostic(at)).toBe('plan.json:12:5  error  无法识别的时限 (problems[3].deadline)  [deadline-phrase]');
  });

  it('is left out of the text when it is empty or absent', () => {
    expect(formatDiagnostic({ ...at, path: [] })).toBe('plan.json:12:5  error  无法识别的时限  [deadline-phrase]');
    const { path: _omitted, ...withoutPath } = at;
    expect(formatDiagnostic(withoutPath)).toBe('plan.json:12:5  error  无法识别的时限  [deadline-phrase]');
  });

  it('is a string in JSON, in its place among the fields', () => {
    expect(formatJson([at])).toBe(
      [
        '[',
        '  {',
        '    "file": "plan.json",',
        '    "line": 12,',
        '    "column": 5,',
        '    "path": "problems[3].deadline",',
        '    "ruleId": "deadline-phrase",',
        '    "severity": "error",',
        '    "message": "无法识别的时限"',
        '  }',
        ']',
      ].join('\n'),
    );
    expect(formatJson([{ file: 'progress/2024-06.json', path: [], ruleId: 'schema', severity: 'error', message: '应为对象 {...}' }])).toBe(
      '[\n  {\n    "file": "progress/2024-06.json",\n    "path": "",\n    "ruleId": "schema",\n    "severity": "error",\n    "message": "应为对象 {...}"\n  }\n]',
    );
  });
});
