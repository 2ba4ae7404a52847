import { describe, expect, it } from 'vitest';
import { controlCharacters } from '../../../src/check/rules/control-characters.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('control-characters', () => {
  it('passes tabs, newlines, emoji and rare CJK', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.summary = '第一行\n第二行\t😀 𠀀';
    });
    expect(runRule(controlCharacters, { plan })).toEqual([]);
  });
  it('reports a vertical tab and a lone surrogate', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.summary = '河道\u000b垃圾';
      p.problems[1]!.summary = '污水\ud800直排';
    });
    const found = runRule(controlCharacters, { plan });
    expect(found.map((d) => d.path)).toEqual([['problems', 0, 'summary'], ['problems', 1, 'summary']]);
    expect(found[0]!.message).toContain('U+000B');
  });
  it('reports the noncharacters U+FDD0–U+FDEF, which templates reserve as value marks (property-test regression)', () => {
    const plan = withPlan((p) => {
      p.problems[0]!.summary = '河道\uFDD0垃圾';
      p.plan.title = '方案\uFDEF';
      p.problems[1]!.summary = '污水\u{1FFFE}直排'; // other noncharacters are valid XML and print unchanged
    });
    const found = runRule(controlCharacters, { plan });
    expect(found.map((d) => d.path)).toEqual([['plan', 'title'], ['problems', 0, 'summary']]);
    expect(found.map((d) => d.message).join()).toContain('Unicode 非字符 U+FDD0');
  });
});
