// A lint rule: one check, one file, its own tests (ESLint / remark-lint style).
import type { Severity } from '../diagnostics/diagnostic.js';
import type { JsonPath, JsonSource } from '../load/json-source.js';
import type { CheckContext } from './context.js';

export interface Finding {
  source: JsonSource;
  path: JsonPath;
  message: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /**
   * One line: what the rule reports, in Chinese, then " / " and a short
   * English gloss. Listed by describeRules() for `zhenggai check --rules`.
   */
  description: string;
  check(ctx: CheckContext): Finding[];
}
