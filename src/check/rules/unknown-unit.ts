import type { Finding, Rule } from '../rule.js';

/** Units a message names: a plan may list hundreds, and a message must stay readable. */
export const LISTED_UNITS_MAX = 12;

function knownList(known: ReadonlySet<string>): string {
  const names = [...known];
  const shown = names.slice(0, LISTED_UNITS_MAX).join('、');
  return names.length > LISTED_UNITS_MAX ? `${shown} 等 ${names.length} 个` : shown;
}

export const unknownUnit: Rule = {
  id: 'unknown-unit',
  severity: 'error',
  description: '牵头单位或配合单位不在单位名录 units 中 / lead or cooperating unit not in the units list',
  check({ folder }) {
    const { planSource, plan } = folder;
    const known = new Set(plan.units.map((u) => u.name));
    const findings: Finding[] = [];
    for (const [index, problem] of plan.problems.entries()) {
      for (const key of ['leadUnits', 'cooperatingUnits'] as const) {
        for (const [i, unit] of problem[key].entries()) {
          if (!known.has(unit)) {
            findings.push({ source: planSource, path: ['problems', index, key, i], message: `单位“${unit}”不在单位名录中（已有：${knownList(known)}）` });
          }
        }
      }
    }
    return findings;
  },
};
