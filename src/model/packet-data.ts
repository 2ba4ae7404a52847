// The packet's data (issue 18): the plan and the progress files the period
// needs, as JSON inside the packet, so a county reads a town's packet back
// exactly (load/packet.ts) instead of retyping its figures. The descriptor
// data/packet.json names the format and its version; manifest.json lists
// every file with its SHA-256, these included (docs/domain.md#roll-up).

/** The folder inside a packet holding its data. */
export const PACKET_DATA_FOLDER = 'data';
/** The descriptor's path inside the packet. */
export const PACKET_DATA_DESCRIPTOR = `${PACKET_DATA_FOLDER}/packet.json`;
/** The format's name, written into the descriptor. */
export const PACKET_DATA_FORMAT = 'zhenggai-packet-data';
/** The one version this program writes and reads; a reader refuses any other. */
export const PACKET_DATA_VERSION = 1;
/** The manifest's name at the packet's top. */
export const PACKET_MANIFEST = 'manifest.json';

/** data/packet.json: what the packet's data holds. Paths are relative to the packet folder, forward slashes. */
export interface PacketDataDescriptor {
  readonly format: typeof PACKET_DATA_FORMAT;
  readonly version: number;
  /** The packet's period, YYYY-MM. */
  readonly period: string;
  /** The period's as-of date, YYYY-MM-DD. */
  readonly asOf: string;
  /** The town: the plan's 发文机关 (plan.notice.signatory), which identifies it in a roll-up. */
  readonly issuer: string;
  /** The plan as the office wrote it: data/plan.json. */
  readonly plan: string;
  /** Every progress file up to and including the period, oldest first: data/progress/<YYYY-MM>.json. */
  readonly progress: readonly string[];
}

/** One file of manifest.json. */
export interface PacketManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** The path of a period's progress file inside the packet's data. */
export function packetProgressPath(period: string): string {
  return `${PACKET_DATA_FOLDER}/progress/${period}.json`;
}
