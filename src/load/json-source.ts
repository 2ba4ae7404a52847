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

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
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

export function parseJsonSource(file: string, rawText: string): { source?: JsonSource; diagnostics: Diagnostic[] } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineStarts = computeLineStarts(text);
  if (text.trim() === '') {
    return { diagnostics: [{ file, line: 1, column: 1, ruleId: 'json-syntax', severity: 'error', message: '文件为空，应为一个 JSON 对象' }] };
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
  return { source: { file, text, value: root ? withUnixLineEnds(jsonc.getNodeValue(root)) : undefined, root, lineStarts }, diagnostics: [] };
}

/**
 * A line end typed on Windows (\r\n, or a lone \r) inside a string value
 * becomes \n. An XML reader turns a literal CR into LF (XML 1.0 §2.11), so a
 * CR could never reach a Word or Excel file unchanged; one line-end form keeps
 * the checker, the renderers and the documents in agreement.
 */
function withUnixLineEnds(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (Array.isArray(value)) return value.map(withUnixLineEnds);
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) (value as Record<string, unknown>)[key] = withUnixLineEnds(item);
  }
  return value;
}

/** The node at `path`, or the deepest existing ancestor (a missing key points at its object). */
export function nodeAt(source: JsonSource, path: JsonPath): jsonc.Node | undefined {
  let node = source.root;
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
