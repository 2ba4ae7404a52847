// One evidence file (佐证材料) as the documents list it, with the period that first
// listed it: evidence is cumulative over periods (docs/domain.md#closure).

/** An evidence file and the period that first listed it. */
export interface EvidenceItem {
  /** Path relative to evidence/ with forward slashes, as evidence/ is listed (PlanFolder.evidenceFiles). */
  path: string;
  /** The period whose progress file first listed it. */
  period: string;
}

/**
 * Reads one evidence file by its path under evidence/ (forward slashes, as the
 * plan folder lists it), so a pipeline or writer never needs the folder's
 * place on disk. Throws UserError for anything that is not a plain file
 * inside the evidence folder (a link, a path climbing out with ../).
 */
export interface EvidenceReader {
  read(relativePath: string): Promise<Uint8Array>;
}
