// Evidence (佐证材料) accumulates: each progress file lists only what was added
// that month, while a closure form and a packet need everything so far
// (docs/domain.md#evidence and docs/domain.md#closure: "the evidence list (cumulative over all months)").
import type { Progress } from '../model/progress-schema.js';
import { type EvidenceItem } from '../model/evidence-item.js';
import { evidencePathOnDisk, evidenceReferencePath } from '../model/evidence-name.js';

/** The same file typed with Windows backslashes is the same file (as the missing-evidence rule reads it). */
const evidencePath = evidenceReferencePath;

/**
 * The progress files with each evidence reference replaced by the name of the
 * file in evidence/ it names (model/evidence-name.ts): a reference that
 * differs from the file's name only invisibly — NFD for NFC, a leading "./",
 * spaces at the ends, a full-width slash — becomes the file's own name, so the
 * documents list, and the packet copies, the file that is there. A reference
 * that names no one file is left as typed (the checker has refused it).
 */
export function withEvidenceOnDisk(progress: readonly Progress[], files: ReadonlySet<string>): Progress[] {
  const onDisk = (names: readonly string[]) => names.map((name) => evidencePathOnDisk(name, files));
  return progress.map((file) => {
    if (!file.problems.some((entry) => entryEvidence(entry).some((name) => evidencePathOnDisk(name, files) !== name))) return file;
    return {
      ...file,
      problems: file.problems.map((entry) => ({
        ...entry,
        evidence: onDisk(entry.evidence),
        ...(entry.reviews ? { reviews: entry.reviews.map((r) => ({ ...r, evidence: onDisk(r.evidence) })) } : {}),
      })),
    };
  });
}

/** An entry's evidence, then its 回头看 records' (docs/domain.md#回头看): the problem's files from that period. */
function entryEvidence(entry: Progress['problems'][number]): string[] {
  return [...entry.evidence, ...(entry.reviews ?? []).flatMap((r) => r.evidence)];
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
      for (const path of entryEvidence(entry).map(evidencePath)) {
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
