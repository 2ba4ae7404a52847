// The county packet's layout as data: its numbered parts, their file names and the
// evidence copies. compose/packet.ts decides it; write/packet.ts writes it.

export const CONTENTS_STEM = '00-报送材料清单';

export const EVIDENCE_FOLDER = '佐证材料';

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
