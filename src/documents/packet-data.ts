// The packet's data files (model/packet-data.ts): the plan and the progress
// files up to the period, as the office wrote them (their text, byte for
// byte), and the descriptor naming them with the format's version.

import { PACKET_DATA_DESCRIPTOR, PACKET_DATA_FORMAT, PACKET_DATA_VERSION, PACKET_DATA_FOLDER, packetProgressPath, type PacketDataDescriptor } from '../model/packet-data.js';
import type { PlanData } from './pipeline.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The data files of a period's packet, by path inside the packet: the plan,
 * every progress file up to and including `period` (the report's history and
 * the 回头看 rounds need the earlier ones), and data/packet.json.
 * Precondition: the period has a progress file (periodContext checked it).
 */
export function packetDataFiles(data: PlanData, period: string, asOf: string): Map<string, Uint8Array> {
  const progress = data.progress.filter((p) => p.fileperiod <= period);
  const descriptor: PacketDataDescriptor = {
    format: PACKET_DATA_FORMAT,
    version: PACKET_DATA_VERSION,
    period,
    asOf,
    issuer: data.plan.notice.signatory,
    plan: `${PACKET_DATA_FOLDER}/plan.json`,
    progress: progress.map((p) => packetProgressPath(p.fileperiod)),
  };
  const files = new Map<string, Uint8Array>([[descriptor.plan, utf8(data.planSource.text)]]);
  for (const p of progress) files.set(packetProgressPath(p.fileperiod), utf8(p.source.text));
  files.set(PACKET_DATA_DESCRIPTOR, utf8(`${JSON.stringify(descriptor, null, 2)}\n`));
  return files;
}
