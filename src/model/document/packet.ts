// The county packet's layout as data: its numbered parts, their file names and the
// evidence copies, and its contents list as printed. compose/packet.ts decides
// them; write/packet.ts writes the layout, render/docx/contents-list.ts the list.

import { FIELD_LABELS } from '../vocabulary.js';

export const CONTENTS_STEM = '00-报送材料清单';

/** The evidence part: its folder's name and its entry in the contents list, the field's label. */
export const EVIDENCE_FOLDER = FIELD_LABELS.evidence;

export type PartKind = 'report' | 'ledger' | 'closure-filled' | 'closure-blank' | 'supervision' | 'evidence';

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
  /** The problem's internal key (model/numbering.ts). */
  problem: number;
  /** Its shown number (model/numbering.ts shownNumber), for messages. */
  shownNumber: string;
  /** Path relative to the plan's evidence/ folder. */
  from: string;
  /** Path relative to the packet folder. */
  to: string;
}

export interface PacketLayout {
  parts: PacketPart[];
  evidence: EvidenceCopy[];
}

/** A row of the contents list: one part. */
export interface ContentsRow {
  index: number;
  title: string;
  fileCount: number;
  /** Undefined when no PDFs were made. */
  pageCount?: number;
}

/** The contents list (报送材料清单) as printed: title and subtitle from templates/packet.hbs, headers from the vocabulary. */
export interface ContentsList {
  title: string;
  /** One line under the title: whose packet, which period. */
  subtitle: string;
  /** The table's column headers: 序号, 材料名称, 文件数, 页数. */
  headers: readonly string[];
  rows: ContentsRow[];
  /** The file's fixed timestamp (YYYY-MM-DD). */
  date: string;
}
