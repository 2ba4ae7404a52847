// Evidence (佐证材料) accumulates: each progress file lists only what was added
// that month, while a closure form and a packet need everything so far
// (docs/domain.md#evidence and docs/domain.md#closure: "the evidence list (cumulative over all months)").
import type { Progress } from '../model/progress-schema.js';
import { type EvidenceItem } from '../model/evidence-item.js';

/** The same file typed with Windows backslashes is the same file (as the missing-evidence rule reads it). */
function evidencePath(path: string): string {
  return path.replaceAll('\\', '/');
}

/** Files up to and including `period`, by period (YYYY-MM strings sort by date); input order is not trusted. */
function upTo(progress: readonly Progress[], period: string): Progress[] {
  return progress.filter((p) => p.period <= period).sort((a, b) => a.period.localeCompare(b.period));
}

/** Evidence of every problem up to and including `period`, de-duplicated in first-seen order. */
export function cumulativeEvidenceByProblem(progress: readonly Progress[], period: string): Map<number, EvidenceItem[]> {
  const result = new Map<number, EvidenceItem[]>();
  for (const file of upTo(progress, period)) {
    for (const entry of file.problems) {
      const items = result.get(entry.number) ?? [];
      for (const path of entry.evidence.map(evidencePath)) {
        if (!items.some((item) => item.path === path)) items.push({ path, period: file.period });
      }
      result.set(entry.number, items);
    }
  }
  return result;
}

/** One problem's evidence up to and including `period`; [] when it has none. */
export function cumulativeEvidence(progress: readonly Progress[], problemNumber: number, period: string): EvidenceItem[] {
  return cumulativeEvidenceByProblem(progress, period).get(problemNumber) ?? [];
}
