import { describe, expect, it } from 'vitest';
import { locate, MAX_JSON_DEPTH, parseJsonSource, releasePositions, tooDeepAt } from '../../src/load/json-source.js';

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
  it('still locates a value after its parse tree is released (issue 14: the tree is let go once a folder is checked)', () => {
    // A byte-order mark, CR LF line ends and a lone CR: the places are those of the text as the clerk's editor shows it.
    const { source } = parseJsonSource('a.json', '\uFEFF{\r\n  "list": [\r    {"name": "甲"},\r\n    {"name": "乙"}\n  ]\n}');
    releasePositions(source!);
    expect(source!.root).toBeUndefined();
    expect(locate(source!, ['list', 1, 'name'])).toEqual({ line: 4, column: 6 });
    expect(locate(source!, ['list', 0, 'missing'])).toEqual({ line: 3, column: 5 });
    expect(locate(source!, [])).toEqual({ line: 1, column: 1 });
  });
});

describe('parseJsonSource: keys written twice (issue 13, kind 4)', () => {
  it('is an error at the second place, with the JSON path and the line of the first', () => {
    const text = '{\n  "notice": {\n    "date": "2023-09-08",\n    "title": "通知",\n    "date": "2023-09-07"\n  }\n}';
    const { source, diagnostics } = parseJsonSource('plan.json', text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'plan.json', line: 5, column: 5, path: ['notice', 'date'], ruleId: 'json-duplicate-key', severity: 'error' });
    expect(diagnostics[0]!.message).toContain('“date”');
    expect(diagnostics[0]!.message).toContain('第 3 行第 5 列');
    // The value is still read (so the schema and the other rules can say what else is wrong).
    expect(source?.value).toEqual({ notice: { date: '2023-09-07', title: '通知' } });
  });
  it('finds them in objects inside arrays, at the root, and three times over', () => {
    const text = '{"problems": [{"number": 1}, {"number": 2, "status": "推进中", "status": "已完成"}], "period": "2023-10", "period": "2023-11", "period": "x"}';
    const { diagnostics } = parseJsonSource('progress/2023-11.json', text);
    expect(diagnostics.map((d) => [d.path, d.column])).toEqual([
      [['problems', 1, 'status'], 61],
      [['period'], 101],
      [['period'], 122],
    ]);
  });
  it('the same key in different objects is no duplicate', () => {
    expect(parseJsonSource('a.json', '{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 3}, {"x": 4}]}').diagnostics).toEqual([]);
  });
  it('keys that differ only in escapes are the same key', () => {
    const { diagnostics } = parseJsonSource('a.json', '{"date": 1, "d\\u0061te": 2}');
    expect(diagnostics).toMatchObject([{ path: ['date'], column: 13 }]);
  });
});

describe('parseJsonSource: own properties only', () => {
  it('keeps "__proto__" as an ordinary key (the schema then refuses it), never as the prototype', () => {
    const { source, diagnostics } = parseJsonSource('a.json', '{"__proto__": {"polluted": 1}, "a": 2}');
    expect(diagnostics).toEqual([]);
    const value = source!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });
  it('counts lines ended by CR LF or a lone CR as editors do', () => {
    expect(parseJsonSource('a.json', '{\r\n  "a": 1,\r\n  "a": 2\r\n}').diagnostics).toMatchObject([{ line: 3, column: 3 }]);
    expect(parseJsonSource('a.json', '{\r  "a": 1,\r  "a": 2\r}').diagnostics).toMatchObject([{ line: 3, column: 3 }]);
  });
  it('still turns Windows line ends inside strings into \\n', () => {
    expect(parseJsonSource('a.json', '{"a": ["x\\r\\ny\\rz"]}').source?.value).toEqual({ a: ['x\ny\nz'] });
  });
});

describe('parseJsonSource: nesting (issue 13, kind 4)', () => {
  it('states its limit: 64 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
  });
  it('reads nesting up to the limit', () => {
    const text = `{"a": ${'['.repeat(63)}1${']'.repeat(63)}}`;
    const { source, diagnostics } = parseJsonSource('a.json', text);
    expect(diagnostics).toEqual([]);
    expect(source?.value).toBeDefined();
  });
  it('refuses one level more, at the bracket that opens it', () => {
    const text = `{\n  "a": ${'['.repeat(64)}1${']'.repeat(64)}\n}`;
    // Line 2: two spaces, "a", colon, space = 7 characters, then 64 brackets: the 64th is at column 8 + 63 = 71.
    expect(parseJsonSource('a.json', text).diagnostics).toMatchObject([{ file: 'a.json', line: 2, column: 71, ruleId: 'json-depth', severity: 'error' }]);
  });
  it('50,000 levels of objects are an error with a place, not a stack overflow', () => {
    const text = `{"note": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    const { source, diagnostics } = parseJsonSource('progress/2023-11.json', text);
    expect(source).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    // The root is level 1; "note"'s object level 2; the 65th level opens at the 64th '{"a":' — 9 + 63 × 5 + 1.
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 325, ruleId: 'json-depth' });
    expect(diagnostics[0]!.message).toContain('嵌套过深');
    expect(diagnostics[0]!.message).toContain('64');
  });
  it('brackets inside strings, escaped quotes and comments do not count', () => {
    const text = `{"a": "${'['.repeat(100)}\\"${'{'.repeat(100)}", "b": 1}`;
    expect(parseJsonSource('a.json', text).diagnostics).toEqual([]);
    expect(tooDeepAt(`// ${'['.repeat(100)}\n/* ${'{'.repeat(100)} */ {}`)).toBeUndefined();
  });
  it('a deep but unclosed file is still a depth error, not a syntax error further on', () => {
    expect(parseJsonSource('a.json', '['.repeat(5000)).diagnostics).toMatchObject([{ ruleId: 'json-depth', column: 65 }]);
  });
});
