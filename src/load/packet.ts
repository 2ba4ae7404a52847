// Reading a town's packet back (issue 18, docs/domain.md#roll-up): a packet
// folder or its zip. Every file is checked against manifest.json (size and
// SHA-256, and no file the manifest does not list), the data's descriptor
// (data/packet.json) must name a format version this program reads, and the
// plan and progress files are parsed and validated exactly as a plan folder's
// are (assemblePlanFolder). Any failure is a UserError naming the packet and
// the file inside it; nothing here writes.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { displayPath } from '../diagnostics/display-path.js';
import { UserError } from '../diagnostics/user-error.js';
import { decodeUtf8Text } from '../formats/text.js';
import {
  PACKET_DATA_DESCRIPTOR,
  PACKET_DATA_FORMAT,
  PACKET_DATA_VERSION,
  PACKET_MANIFEST,
  type PacketDataDescriptor,
  type PacketManifestEntry,
} from '../model/packet-data.js';
import { assemblePlanFolder, type PlanFolder } from './plan-folder.js';

/** A packet read back: where it came from, its descriptor and its plan data (no evidence: a roll-up needs none). */
export interface LoadedPacket {
  /** The packet as the user named it, for messages. */
  readonly source: string;
  readonly descriptor: PacketDataDescriptor;
  readonly data: PlanFolder;
  /** SHA-256 of its manifest.json: one fingerprint of every file in it. */
  readonly manifestSha256: string;
}

/** A packet zip larger than this is no town's monthly packet (Node's readFile stops at 2 GiB anyway). */
export const MAX_PACKET_ZIP_BYTES = 1024 * 1024 * 1024;

/** What a packet zip may expand to, all files together: it is held in memory to be checked. */
export const MAX_PACKET_UNZIPPED_BYTES = 1024 * 1024 * 1024;
/** Documents deflate 5–20×, photos not at all; a zip bomb about 1,000× (the xlsx reader's limit, load/xlsx-limits.ts). */
export const MAX_PACKET_COMPRESSION_RATIO = 200;
/** Small files may have any ratio. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** The files of a packet by path inside it (forward slashes), from a folder or a zip. */
export type PacketFiles = ReadonlyMap<string, Uint8Array>;

async function folderFiles(root: string, prefix = ''): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [p, d] of await folderFiles(root, relative)) files.set(p, d);
    else if (entry.isFile()) files.set(relative, await readFile(path.join(root, relative)));
  }
  return files;
}

/**
 * A zip's files. zhenggai puts every entry under the packet folder's name
 * (packet-2023-11/…); that one top folder is taken off, so the paths are the
 * manifest's. Throws UserError when the file is no zip.
 */
export function zipPacketFiles(bytes: Uint8Array, shown: string): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  // Sizes as the zip's directory declares them, checked before each file is inflated.
  const filter = (file: { name: string; size: number; originalSize: number }) => {
    total += file.originalSize;
    if (total > MAX_PACKET_UNZIPPED_BYTES) throw new UserError(`${shown}：解压后超过 ${MAX_PACKET_UNZIPPED_BYTES / 2 ** 20} MB，不是乡镇的报送材料包 (expands beyond the limit)`);
    if (file.originalSize >= RATIO_CHECK_MIN_BYTES && file.originalSize / Math.max(1, file.size) > MAX_PACKET_COMPRESSION_RATIO) {
      throw new UserError(`${shown}：${file.name} 的压缩比异常（可能是“压缩炸弹”），不予读取 (compression ratio beyond ${MAX_PACKET_COMPRESSION_RATIO})`);
    }
    return true;
  };
  try {
    entries = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof UserError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${shown}：不是有效的 zip 压缩包（${reason}），不是报送材料包 (not a zip file)`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  const top = tops.size === 1 && !tops.has('') && !names.includes(PACKET_MANIFEST) ? `${[...tops][0]}/` : '';
  return new Map(names.map((n) => [n.slice(top.length), entries[n]!]));
}

/** The files of a packet given as a folder or a zip; a UserError when it is neither. */
export async function readPacketFiles(input: string): Promise<PacketFiles> {
  const shown = displayPath(input);
  const info = await stat(input).catch(() => undefined);
  if (info === undefined) throw new UserError(`${shown}：文件或文件夹不存在 (no such file or folder)`);
  if (info.isDirectory()) return folderFiles(input);
  if (info.size > MAX_PACKET_ZIP_BYTES) throw new UserError(`${shown}：文件过大（${info.size} 字节），不是乡镇的报送材料包 (too large for a packet)`);
  return zipPacketFiles(await readFile(input), shown);
}

function text(files: PacketFiles, name: string, shown: string): string {
  const decoded = decodeUtf8Text(files.get(name)!);
  if (!decoded.ok) throw new UserError(`${shown} 中的 ${name}：${decoded.problem.line} 行 ${decoded.problem.column} 列：${decoded.problem.message}`);
  return decoded.text;
}

function json(files: PacketFiles, name: string, shown: string): unknown {
  try {
    return JSON.parse(text(files, name, shown)) as unknown;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${shown} 中的 ${name} 不是有效的 JSON（${(error as Error).message}）(not valid JSON)`);
  }
}

function isEntry(value: unknown): value is PacketManifestEntry {
  const e = value as PacketManifestEntry;
  return typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.size === 'number' && typeof e.sha256 === 'string';
}

/** The manifest's entries; a UserError when the packet has none or it is malformed. */
function manifestEntries(files: PacketFiles, shown: string): PacketManifestEntry[] {
  if (!files.has(PACKET_MANIFEST)) throw new UserError(`${shown}：没有 ${PACKET_MANIFEST}，不是 zhenggai 生成的报送材料包 (not a packet: no manifest.json)`);
  const manifest = json(files, PACKET_MANIFEST, shown) as { files?: unknown };
  if (!Array.isArray(manifest?.files) || !manifest.files.every(isEntry)) {
    throw new UserError(`${shown} 中的 ${PACKET_MANIFEST} 应为 {"files": [{"path", "size", "sha256"}…]} (malformed manifest)`);
  }
  return manifest.files;
}

/**
 * Every file the manifest lists is there with its size and SHA-256, and every
 * file there is listed. Throws UserError naming the first file that differs.
 */
export function verifyManifest(files: PacketFiles, shown: string): void {
  const entries = manifestEntries(files, shown);
  const listed = new Set<string>();
  for (const entry of entries) {
    listed.add(entry.path);
    const data = files.get(entry.path);
    if (data === undefined) throw new UserError(`${shown}：manifest.json 列出的 ${entry.path} 不在包中（材料包不完整）(a file the manifest lists is missing)`);
    const sha = createHash('sha256').update(data).digest('hex');
    if (data.byteLength !== entry.size || sha !== entry.sha256) {
      throw new UserError(`${shown}：${entry.path} 与 manifest.json 记录的校验值不符（文件被改动或损坏），不予汇总 (the file does not match its checksum in manifest.json)`);
    }
  }
  const extra = [...files.keys()].filter((name) => name !== PACKET_MANIFEST && !listed.has(name));
  if (extra.length > 0) throw new UserError(`${shown}：${extra[0]} 不在 manifest.json 中（材料包被加入了文件）(a file the manifest does not list)`);
}

/** The descriptor, of the one format version read here. */
function descriptorOf(files: PacketFiles, shown: string): PacketDataDescriptor {
  if (!files.has(PACKET_DATA_DESCRIPTOR)) {
    throw new UserError(
      `${shown}：没有数据文件 ${PACKET_DATA_DESCRIPTOR}——这是旧版 zhenggai 生成的材料包，只有文档、没有可读回的数据，无法汇总；请乡镇用新版重新生成报送材料（zhenggai packet）(an older packet without data cannot be rolled up)`,
    );
  }
  const d = json(files, PACKET_DATA_DESCRIPTOR, shown) as Partial<PacketDataDescriptor>;
  if (d?.format !== PACKET_DATA_FORMAT) throw new UserError(`${shown} 中的 ${PACKET_DATA_DESCRIPTOR}：format 应为“${PACKET_DATA_FORMAT}”(unknown data format)`);
  if (d.version !== PACKET_DATA_VERSION) {
    throw new UserError(`${shown}：数据格式版本为 ${JSON.stringify(d.version)}，本程序只读版本 ${PACKET_DATA_VERSION}（材料包由另一版本的 zhenggai 生成，请用同一版本）(unknown packet data version)`);
  }
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (typeof d.period !== 'string' || typeof d.issuer !== 'string' || typeof d.plan !== 'string' || typeof d.asOf !== 'string' || !strings(d.progress)) {
    throw new UserError(`${shown} 中的 ${PACKET_DATA_DESCRIPTOR} 缺少 period、asOf、issuer、plan 或 progress (incomplete descriptor)`);
  }
  for (const name of [d.plan, ...d.progress!]) if (!files.has(name)) throw new UserError(`${shown}：${PACKET_DATA_DESCRIPTOR} 列出的 ${name} 不在包中`);
  return d as PacketDataDescriptor;
}

/** The packet's plan and progress, validated as a plan folder's; diagnostics name `<packet>:data/plan.json`. */
function planDataOf(files: PacketFiles, descriptor: PacketDataDescriptor, shown: string): PlanFolder {
  const texts = {
    dir: shown,
    plan: { file: `${shown}:${descriptor.plan}`, text: text(files, descriptor.plan, shown) },
    progress: descriptor.progress.map((name) => ({ file: `${shown}:${name}`, text: text(files, name, shown) })),
    evidenceFiles: new Set<string>(),
  };
  const result = assemblePlanFolder(texts);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.folder || errors.length > 0) throw new UserError(`${shown}：包中的方案或进展数据有错误，无法汇总 (the packet's data does not validate)`, errors);
  if (result.folder.plan.notice.signatory !== descriptor.issuer) {
    throw new UserError(`${shown}：${PACKET_DATA_DESCRIPTOR} 的 issuer“${descriptor.issuer}”与方案的发文机关“${result.folder.plan.notice.signatory}”不一致`);
  }
  return result.folder;
}

/**
 * Read a packet (folder or zip) back exactly. Throws UserError, naming the
 * packet and the file, when: it is not a packet (no zip, no manifest), a
 * file does not match the manifest, it has no data (an older packet), its
 * data format version is not this program's, or its data does not validate.
 */
export async function loadPacket(input: string): Promise<LoadedPacket> {
  const shown = displayPath(input);
  const files = await readPacketFiles(input);
  verifyManifest(files, shown);
  const descriptor = descriptorOf(files, shown);
  const manifestSha256 = createHash('sha256').update(files.get(PACKET_MANIFEST)!).digest('hex');
  return { source: shown, descriptor, data: planDataOf(files, descriptor, shown), manifestSha256 };
}
