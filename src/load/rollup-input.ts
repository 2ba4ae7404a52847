// The inputs of `zhenggai rollup` (docs/domain.md#roll-up): a town's packet
// (folder or zip, load/packet.ts) or a lower roll-up (its rollup.json, or the
// rollup-<period> folder holding it), told apart by what is on disk. A
// rollup.json is validated field by field; an unknown format or version is
// refused with the file named.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../diagnostics/display-path.js';
import { UserError } from '../diagnostics/user-error.js';
import { decodeUtf8Text } from '../formats/text.js';
import { rollupFileSchema } from '../model/rollup-schema.js';
import { ROLLUP_FILE, ROLLUP_FORMAT, ROLLUP_VERSION, type RollupFile } from '../model/rollup.js';
import { loadPacket, type LoadedPacket } from './packet.js';

/** One input: a packet read back, or a roll-up one level down. `sha256` fingerprints it (a packet: its manifest.json). */
export type RollupInput =
  | { readonly kind: 'packet'; readonly source: string; readonly sha256: string; readonly packet: LoadedPacket }
  | { readonly kind: 'rollup'; readonly source: string; readonly sha256: string; readonly rollup: RollupFile };

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** rollup.json's text as a RollupFile; UserError naming the file and the JSON path of the first fault. */
export function parseRollupFile(bytes: Uint8Array, shown: string): RollupFile {
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) throw new UserError(`${shown}：${decoded.problem.line} 行 ${decoded.problem.column} 列：${decoded.problem.message}`);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    throw new UserError(`${shown} 不是有效的 JSON（${(error as Error).message}）(not valid JSON)`);
  }
  const head = value as { format?: unknown; version?: unknown };
  if (head?.format !== ROLLUP_FORMAT) throw new UserError(`${shown}：format 应为“${ROLLUP_FORMAT}”，不是 zhenggai 的汇总文件 (not a rollup.json)`);
  if (head.version !== ROLLUP_VERSION) {
    throw new UserError(`${shown}：汇总格式版本为 ${JSON.stringify(head.version)}，本程序只读版本 ${ROLLUP_VERSION} (unknown rollup version)`);
  }
  const result = rollupFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`${shown}：${issue.path.join('.') || '(根)'}：${issue.message} (rollup.json does not validate)`);
  }
  return result.data as RollupFile;
}

async function rollupInput(file: string): Promise<RollupInput> {
  const bytes = await readFile(file);
  const shown = displayPath(file);
  return { kind: 'rollup', source: shown, sha256: sha(bytes), rollup: parseRollupFile(bytes, shown) };
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/**
 * An input as named on the command line: a .json file or a folder holding
 * rollup.json is a roll-up; anything else a packet (folder or zip). Throws
 * UserError as loadPacket and parseRollupFile do.
 */
export async function loadRollupInput(input: string): Promise<RollupInput> {
  const info = await stat(input).catch(() => undefined);
  if (info === undefined) throw new UserError(`${displayPath(input)}：文件或文件夹不存在 (no such file or folder)`);
  if (info.isDirectory() && (await isFile(path.join(input, ROLLUP_FILE)))) return rollupInput(path.join(input, ROLLUP_FILE));
  if (info.isFile() && input.toLowerCase().endsWith('.json')) return rollupInput(input);
  const packet = await loadPacket(input);
  return { kind: 'packet', source: packet.source, sha256: packet.manifestSha256, packet };
}

/**
 * The units a roll-up expects (--towns): a UTF-8 text file, one name a line
 * as the unit's plan signs (巫山县官阳镇人民政府); blank lines and lines
 * starting with # are skipped. UserError naming the file and line of a
 * name given twice, or when the file cannot be read.
 */
export async function loadUnitList(file: string): Promise<string[]> {
  const shown = displayPath(file);
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) throw new UserError(`${shown}：无法读取名单文件 (cannot read the --towns file)`);
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) throw new UserError(`${shown}：${decoded.problem.line} 行 ${decoded.problem.column} 列：${decoded.problem.message}`);
  const names: string[] = [];
  decoded.text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const name = raw.trim();
    if (name === '' || name.startsWith('#')) return;
    if (names.includes(name)) throw new UserError(`${shown}:${i + 1}：“${name}”在名单中出现了两次 (a name listed twice)`);
    names.push(name);
  });
  if (names.length === 0) throw new UserError(`${shown}：名单是空的，每行应写一个单位名称（如 巫山县官阳镇人民政府）(empty list)`);
  return names;
}
