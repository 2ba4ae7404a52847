// zod issues become diagnostics with the clerk's line and column; never printed raw.
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type JsonSource } from './json-source.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本（带双引号）',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '数组 [...]',
  object: '对象 {...}',
};

function describeReceived(value: unknown): string {
  if (value === undefined) return '缺少此字段';
  if (value === null) return '实际为 null';
  if (Array.isArray(value)) return '实际为数组';
  return `实际为${TYPE_NAMES[typeof value] ?? typeof value}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function messageFor(issue: z.core.$ZodIssue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = valueAt(root, issue.path);
      if (received === undefined) return `缺少必填字段，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，${describeReceived(received)}`;
    }
    case 'invalid_value': {
      const choices = issue.values.map((v) => String(v)).join('、');
      // A required choice left out is missing, not invalid (a fresh tester: "numbering": {} said 取值无效).
      if (valueAt(root, issue.path) === undefined) return `缺少必填字段，应为以下之一：${choices}`;
      return `取值无效，应为以下之一：${choices}`;
    }
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.map((k) => `“${k}”`).join('、')}（拼写是否有误？）`;
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `应不小于 ${String(issue.minimum)}${issue.inclusive ? '' : '（不含）'}`;
    case 'too_big':
      return `应不大于 ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function ruleFor(issue: z.core.$ZodIssue): string {
  return issue.code === 'custom' && issue.message === '不存在的日期' ? 'invalid-date' : 'schema';
}

export function zodIssuesToDiagnostics(source: JsonSource, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // A missing key has no node of its own: for unknown keys point at the key itself.
    const target = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
    return {
      file: source.file,
      ...locate(source, target),
      path: target,
      ruleId: ruleFor(issue),
      severity: 'error' as const,
      message: messageFor(issue, source.value),
    };
  });
}
