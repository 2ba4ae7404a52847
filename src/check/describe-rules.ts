import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

/** One line of `zhenggai check --rules`. */
export interface RuleDescription {
  /** The rule's id, as printed in brackets after each of its diagnostics: `[deadline-phrase]`. */
  id: string;
  /** What the rule reports, in Chinese, then " / " and a short English gloss. */
  description: string;
}

/**
 * Every rule `zhenggai check` runs, with what it reports — the listing behind
 * `zhenggai check --rules`. The order is the order the rules run in
 * (src/check/rules/index.ts: errors first), the same on every call.
 */
export function describeRules(rules: readonly Rule[] = RULES): RuleDescription[] {
  return rules.map(({ id, description }) => ({ id, description }));
}
