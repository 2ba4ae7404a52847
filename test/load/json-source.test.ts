import { describe, expect, it } from 'vitest';
import { locate, parseJsonSource } from '../../src/load/json-source.js';

describe('parseJsonSource', () => {
  it('points at the first syntax error with line and column', () => {
    const { source, diagnostics } = parseJsonSource('a.json', '{\n  "x": 1,\n  "y": \n}');
    expect(source).toBeUndefined();
    expect(diagnostics).toMatchObject([{ file: 'a.json', line: 4, column: 1, ruleId: 'json-syntax', message: 'JSON 语法错误：此处应为一个值' }]);
  });
  it('refuses comments and trailing commas, which JSON does not allow', () => {
    expect(parseJsonSource('a.json', '{"x": 1, // note\n}').diagnostics[0]!.message).toContain('注释');
    expect(parseJsonSource('a.json', '{"x": [1, 2,]}').diagnostics).toHaveLength(1);
  });
  it('reports an empty file and tolerates a byte-order mark', () => {
    expect(parseJsonSource('a.json', '  \n').diagnostics[0]!.message).toContain('文件为空');
    expect(parseJsonSource('a.json', '\uFEFF{"x": 1}').source?.value).toEqual({ x: 1 });
  });
  it('locates a value by path, and a missing key at its object', () => {
    const { source } = parseJsonSource('a.json', '{\n  "list": [\n    {"name": "甲"},\n    {"name": "乙"}\n  ]\n}');
    expect(locate(source!, ['list', 1, 'name'])).toEqual({ line: 4, column: 6 });
    expect(locate(source!, ['list', 1, 'missing'])).toEqual({ line: 4, column: 5 });
  });
});
