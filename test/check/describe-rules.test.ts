import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRules } from '../../src/check/describe-rules.js';
import { RULES } from '../../src/check/rules/index.js';

const HAN = /\p{Script=Han}/u;

describe('describeRules', () => {
  const described = describeRules();

  it('lists every rule file under src/check/rules, each once, by the id its diagnostics carry', () => {
    const files = readdirSync('src/check/rules')
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -'.ts'.length));
    const ids = described.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.sort());
  });

  it('says in Chinese what each rule reports, then " / " and an English gloss, on one line', () => {
    for (const { id, description } of described) {
      const parts = description.split(' / ');
      expect(parts, id).toHaveLength(2);
      const [chinese, english] = parts as [string, string];
      expect(chinese.trim(), id).not.toBe('');
      expect(chinese, id).toMatch(HAN);
      expect(english, id).toMatch(/[a-z]{2,}/);
      expect(description, id).not.toMatch(/\n/);
      expect(description, id).toBe(description.trim());
    }
  });

  it('keeps the order the rules run in, errors first, the same on every call', () => {
    expect(described.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(describeRules()).toEqual(described);
    const severities = RULES.map((r) => r.severity);
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning'));
    expect(described[0]).toEqual({ id: 'problem-numbers', description: '问题编号重复、缺号或超出 1..N（全方案统一编号时 N 为问题个数；各类别分别编号时在每个类别内检查） / problem numbers repeated, missing or outside 1..N (plan-wide, or within each category when the plan numbers per category)' });
  });

  it('returns only the id and the description', () => {
    for (const entry of described) expect(Object.keys(entry)).toEqual(['id', 'description']);
  });
});
