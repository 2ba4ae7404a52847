// The county packet (报送材料): which parts it has, in which order, under which
// names. Pure: the files' bytes are made elsewhere and written by write/packet.
import type { EvidenceItem } from '../derive/evidence.js';
import type { Problem } from '../model/plan-schema.js';
import { safeFileName, safeFileStem, uniqueNames } from '../layout/safe-name.js';

export const CONTENTS_STEM = '00-报送材料清单';
export const EVIDENCE_FOLDER = '佐证材料';
/** Characters of a problem's summary kept in its evidence folder's name. */
export const SHORT_SUMMARY_CHARS = 16;

export type PartKind = 'report' | 'ledger' | 'closure-filled' | 'closure-blank' | 'evidence';

export interface PacketPart {
  /** 1-based place in the contents list. */
  index: number;
  kind: PartKind;
  /** 材料名称 as the contents list prints it. */
  title: string;
  /** Paths relative to the packet folder, forward slashes. */
  files: string[];
}

export interface EvidenceCopy {
  problem: number;
  /** Path relative to the plan's evidence/ folder. */
  from: string;
  /** Path relative to the packet folder. */
  to: string;
}

export interface PacketLayout {
  parts: PacketPart[];
  evidence: EvidenceCopy[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The summary up to its first full stop or comma, shortened: enough to recognise the problem in a folder list. */
export function shortSummary(summary: string): string {
  const clause = summary.split(/[。，；：,;:]/u)[0] ?? summary;
  return [...clause].slice(0, SHORT_SUMMARY_CHARS).join('');
}

export interface PacketDocuments {
  reportTitle: string;
  period: string;
  hasFilledForms: boolean;
  hasBlankForms: boolean;
}

/** Parts in their fixed order; a part with nothing in it is left out and the numbers close up. */
export function layoutPacket(docs: PacketDocuments, problems: readonly Problem[], evidence: ReadonlyMap<number, EvidenceItem[]>): PacketLayout {
  const specs: Array<{ kind: PartKind; title: string; file?: string }> = [
    { kind: 'report', title: docs.reportTitle, file: 'docx' },
    { kind: 'ledger', title: `整改台账（${docs.period}）`, file: 'xlsx' },
  ];
  if (docs.hasFilledForms) specs.push({ kind: 'closure-filled', title: '整改问题销号审批表（本期已销号）', file: 'docx' });
  if (docs.hasBlankForms) specs.push({ kind: 'closure-blank', title: '整改问题销号审批表（已完成待签字）', file: 'docx' });
  const copies = evidenceCopies(problems, evidence, `${pad(specs.length + 1)}-${EVIDENCE_FOLDER}`);
  if (copies.length > 0) specs.push({ kind: 'evidence', title: EVIDENCE_FOLDER });
  const parts = specs.map((spec, i): PacketPart => {
    const index = i + 1;
    const files =
      spec.kind === 'evidence'
        ? copies.map((c) => c.to)
        : [safeFileName(`${pad(index)}-${spec.kind === 'ledger' ? `整改台账-${docs.period}` : spec.title}`, spec.file!)];
    return { index, kind: spec.kind, title: spec.title, files };
  });
  return { parts, evidence: copies };
}

/** One folder a problem, `<序号>-<short summary>`, holding every evidence file so far. */
function evidenceCopies(problems: readonly Problem[], evidence: ReadonlyMap<number, EvidenceItem[]>, root: string): EvidenceCopy[] {
  const copies: EvidenceCopy[] = [];
  for (const problem of problems) {
    const items = evidence.get(problem.number) ?? [];
    if (items.length === 0) continue;
    const folder = `${root}/${safeFileStem(`${pad(problem.number)}-${shortSummary(problem.summary)}`)}`;
    // Files from different months may share a name: keep each, numbered.
    const names = uniqueNames(items.map((item) => safeFileStem(item.path.split('/').pop() ?? item.path)));
    items.forEach((item, i) => copies.push({ problem: problem.number, from: item.path, to: `${folder}/${names[i]}` }));
  }
  return copies;
}
