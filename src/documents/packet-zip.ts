// The packet's zip as bytes, for a caller that keeps no output folder (the
// server): the packet is built by the same writer the CLI uses, in a scratch
// folder that is removed afterwards, so its zip is byte-identical to
// `zhenggai packet --zip` on the same data.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceReader } from '../model/evidence-item.js';
import { writePacket } from '../write/packet.js';
import { silentProgress } from '../write/progress.js';
import type { PacketBuild } from './packet.js';

/**
 * `buildPacket`'s result written with its evidence (read through `evidence`)
 * and zipped, in a new folder under `scratchRoot`; returns the zip's bytes and
 * its file name (`packet-<period>.zip`). The scratch folder is removed
 * whatever happens. Errors are writePacket's (UserError for evidence that
 * cannot be read).
 */
export async function packetZip(build: PacketBuild, period: string, evidence: EvidenceReader, scratchRoot: string): Promise<{ name: string; data: Buffer }> {
  const scratch = await mkdtemp(path.join(scratchRoot, 'packet-'));
  try {
    const name = `packet-${period}.zip`;
    const zipPath = path.join(scratch, name);
    await writePacket({
      destination: path.join(scratch, `packet-${period}`),
      zipPath,
      layout: build.layout,
      documents: build.documents,
      evidence,
      pdf: false,
      date: build.date,
      progress: silentProgress,
      contents: build.contents,
    });
    return { name, data: await readFile(zipPath) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
