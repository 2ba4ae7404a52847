// Every evidence reference of a progress entry with its JSON path: the
// entry's own files, then its 回头看 records' (docs/domain.md#回头看). The
// evidence rules check both alike.
import type { JsonPath } from '../load/json-source.js';
import type { ProblemProgress } from '../model/progress-schema.js';

export interface EvidenceReference {
  readonly name: string;
  readonly path: JsonPath;
}

/** The references of the entry at `problems[index]`, in file order. */
export function evidenceReferences(index: number, entry: ProblemProgress): EvidenceReference[] {
  return [
    ...entry.evidence.map((name, i) => ({ name, path: ['problems', index, 'evidence', i] })),
    ...(entry.reviews ?? []).flatMap((review, r) => review.evidence.map((name, i) => ({ name, path: ['problems', index, 'reviews', r, 'evidence', i] }))),
  ];
}
