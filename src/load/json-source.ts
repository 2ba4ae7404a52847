// JSON with positions: a clerk needs "plan.json:120:17", not a zod path.
// jsonc-parser (Microsoft's, used by VS Code) gives every node's offset and
// recovers from syntax errors, so one pass yields both the value and the map.
import * as jsonc from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonPath } from '../diagnostics/json-path.js';

export type { JsonPath } from '../diagnostics/json-path.js';

export interface JsonSource {
  file: string;
  text: string;
  value: unknown;
  root: jsonc.Node | undefined;
  lineStarts: number[];
}

export interface Position {
  line: number;
  column: number;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为带双引号的属性名',
  ValueExpected: '此处应为一个值',
  ColonExpected: '此处应为冒号“:”',
  CommaExpected: '此处应为逗号“,”',
  CloseBraceExpected: '此处应为“}”（对象未闭合）',
  CloseBracketExpected: '此处应为“]”（数组未闭合）',
  EndOfFileExpected: '文件应在此结束（多余的内容）',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少右双引号）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '字符串中有不允许的字符（如未转义的换行或控制字符）',
};

/** Where each line starts: after LF, after CR LF, and after a lone CR (an old Mac's line end, which editors also count). */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

/** Offset of a comma that directly precedes a closing bracket at `offset`, the commonest hand-editing slip. */
function trailingCommaBefore(text: string, offset: number, code: string): number | undefined {
  if (code !== 'PropertyNameExpected' && code !== 'ValueExpected') return undefined;
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i -= 1;
  return text[i] === ',' ? i : undefined;
}

/**
 * Deepest nesting of objects and arrays a plan or progress file may have. The
 * schemas need five levels (plan.requirements.items[i].heading); the parser
 * and the tree walk recurse once a level, so an unbounded depth would end in
 * a stack overflow instead of a message.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Offset of the first `{` or `[` that opens level MAX_JSON_DEPTH + 1, outside
 * strings and comments; undefined when the text stays within the limit. One
 * pass over the characters, no recursion.
 */
export function tooDeepAt(text: string, maxDepth = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 1;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

export function parseJsonSource(file: string, rawText: string): { source?: JsonSource; diagnostics: Diagnostic[] } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineStarts = computeLineStarts(text);
  if (text.trim() === '') {
    return { diagnostics: [{ file, line: 1, column: 1, ruleId: 'json-syntax', severity: 'error', message: '文件为空，应为一个 JSON 对象' }] };
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const message = `JSON 嵌套过深：此处是第 ${MAX_JSON_DEPTH + 1} 层对象或数组，最多允许 ${MAX_JSON_DEPTH} 层（方案和进展文件只需要几层，请检查是否误粘贴了多余的括号）`;
    return { diagnostics: [{ file, ...positionAt(lineStarts, deep), ruleId: 'json-depth', severity: 'error', message }] };
  }
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // The first error is the real one; later ones are usually its echoes.
    const first = errors[0]!;
    const code = jsonc.printParseErrorCode(first.error);
    const comma = trailingCommaBefore(text, first.offset, code);
    const message = comma === undefined ? (SYNTAX_MESSAGES[code] ?? code) : '多余的逗号（JSON 不允许在最后一项后加逗号）';
    return {
      diagnostics: [
        { file, ...positionAt(lineStarts, comma ?? first.offset), ruleId: 'json-syntax', severity: 'error', message: `JSON 语法错误：${message}` },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const duplicate = (key: jsonc.Node, path: JsonPath, first: jsonc.Node) => {
    const firstAt = positionAt(lineStarts, first.offset);
    diagnostics.push({
      file,
      ...positionAt(lineStarts, key.offset),
      path,
      ruleId: 'json-duplicate-key',
      severity: 'error',
      message: `字段“${String(key.value)}”重复：同一对象中第 ${firstAt.line} 行第 ${firstAt.column} 列已有此字段，只会使用其中一个——请删去多余的一个`,
    });
  };
  const value = root ? nodeValue(root, [], duplicate) : undefined;
  return { source: { file, text, value, root, lineStarts }, diagnostics };
}

/**
 * The value of a parse tree node, as JSON.parse would give it, except:
 *
 * - every property is the object's own, even one named `__proto__` (which an
 *   assignment would turn into the object's prototype, hiding it from the
 *   schema's unknown-key check);
 * - a key written twice in one object is reported through `onDuplicate` (the
 *   later one is kept, as JSON.parse does);
 * - a line end typed on Windows (\r\n, or a lone \r) inside a string becomes
 *   \n. An XML reader turns a literal CR into LF (XML 1.0 §2.11), so a CR
 *   could never reach a Word or Excel file unchanged; one line-end form keeps
 *   the checker, the renderers and the documents in agreement.
 *
 * Recursive, once a level: parseJsonSource has bounded the depth first.
 */
function nodeValue(node: jsonc.Node, path: JsonPath, onDuplicate: (key: jsonc.Node, path: JsonPath, first: jsonc.Node) => void): unknown {
  switch (node.type) {
    case 'string': {
      const text = node.value as string;
      return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    }
    case 'array':
      return (node.children ?? []).map((child, i) => nodeValue(child, [...path, i], onDuplicate));
    case 'object': {
      const object: Record<string, unknown> = {};
      const seen = new Map<string, jsonc.Node>();
      for (const property of node.children ?? []) {
        const [key, valueNode] = property.children ?? [];
        if (!key) continue;
        const name = key.value as string;
        const earlier = seen.get(name);
        if (earlier) onDuplicate(key, [...path, name], earlier);
        else seen.set(name, key);
        const value = valueNode ? nodeValue(valueNode, [...path, name], onDuplicate) : undefined;
        Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    default:
      return node.value;
  }
}

/**
 * Let go of the source's parse tree, the map from JSON paths to places in the
 * text. For a 5,000-problem plan it is about 30 MB of nodes, needed only to
 * place diagnostics: a command releases it once the folder is checked (issue
 * 14, peak memory). A diagnostic placed later still gets its line:column —
 * nodeAt parses the text again, once.
 */
export function releasePositions(source: JsonSource): void {
  source.root = undefined;
}

/** The parse tree of the source, parsed again from its text when releasePositions let it go. */
function rootOf(source: JsonSource): jsonc.Node | undefined {
  source.root ??= jsonc.parseTree(source.text, [], { disallowComments: true, allowTrailingComma: false });
  return source.root;
}

/** The node at `path`, or the deepest existing ancestor (a missing key points at its object). */
export function nodeAt(source: JsonSource, path: JsonPath): jsonc.Node | undefined {
  let node = rootOf(source);
  for (const segment of path) {
    const child = node ? jsonc.findNodeAtLocation(node, [segment]) : undefined;
    if (!child) break;
    node = child;
  }
  return node;
}

/** Position of the value at `path` — for a property, the start of its key, which is where an editor jumps. */
export function locate(source: JsonSource, path: JsonPath): Position {
  const node = nodeAt(source, path);
  if (!node) return { line: 1, column: 1 };
  const anchor = node.parent?.type === 'property' ? node.parent : node;
  return positionAt(source.lineStarts, anchor.offset);
}
