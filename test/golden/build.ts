// Golden documents: every document the CLI writes for the bundled plan,
// taken apart into the parts a reviewer can diff. Each Office file becomes a
// folder of its XML parts, one tag per line (a newline is put only between
// "><", never inside text), plus SHA256SUMS with the hash of every part as
// written, so the comparison stays byte-exact. JSON and text files are kept
// whole; other files (evidence pictures, PDFs) by hash only.
//
// Regenerate on purpose with `npm run golden:update` (see docs/ARCHITECTURE.md).

import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run.js';
import { unzip } from '../helpers/unzip.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'golden', 'files');
const PLAN_DIR = path.join(REPO_ROOT, 'data', 'guanyang-2022');
/** A fixed place inside the repository, so init's relative $schema path is the same on every machine. */
const WORK_DIR = path.join(REPO_ROOT, 'out', '.golden');
export const SAMPLE_PERIODS = ['2023-09', '2023-10', '2023-11'] as const;

const OFFICE = /\.(docx|xlsx)$/;
const WHOLE = /\.(json|txt|xml|rels)$/;

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One tag per line: a newline between "><" only, so text content is never touched. */
export function splitTags(xml: string): string {
  return `${xml.replaceAll('><', '>\n<')}\n`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

/** The golden form of one written file: relative golden path → bytes. */
function explode(name: string, data: Buffer, into: Map<string, Buffer>): void {
  if (OFFICE.test(name)) {
    const sums: string[] = [];
    const entries = [...unzip(data).values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      sums.push(`${sha256(entry.data)}  ${entry.name}`);
      if (WHOLE.test(entry.name)) into.set(path.join(name, entry.name), Buffer.from(splitTags(entry.data.toString('utf8'))));
    }
    into.set(path.join(name, 'SHA256SUMS'), Buffer.from(`${sums.join('\n')}\n`));
  } else if (WHOLE.test(name)) {
    into.set(name, data);
  } else {
    into.set(`${name}.sha256`, Buffer.from(`${sha256(data)}\n`));
  }
}

async function cli(args: string[]): Promise<void> {
  const result = await runCli(args);
  if (result.exit !== 0) throw new Error(`zhenggai ${args.join(' ')} exited ${result.exit}:\n${result.err}`);
}

/**
 * Run every document command on the bundled plan and return the golden tree
 * (path under test/golden/files → bytes). Writes under out/.golden/ only.
 */
export async function buildGoldenTree(): Promise<Map<string, Buffer>> {
  await rm(WORK_DIR, { recursive: true, force: true });
  const out = path.join(WORK_DIR, 'out');
  await cli(['table', PLAN_DIR, '--out', out]);
  await cli(['notice', PLAN_DIR, '--out', out]);
  for (const period of SAMPLE_PERIODS) {
    await cli(['report', PLAN_DIR, '--period', period, '--out', out]);
    await cli(['packet', PLAN_DIR, '--period', period, '--out', out]);
    // Every sample period records its 督办 numbers, so this never writes to the plan folder.
    await cli(['supervise', PLAN_DIR, '--period', period, '--out', out]);
    await cli(['forms', PLAN_DIR, '--period', period, '--out', out]);
  }
  const plan = path.join(out, 'guanyang-2022');
  // The county's side: the 2023-11 packet rolled up (issue 18), a county of one town.
  await cli(['rollup', path.join(plan, 'packet-2023-11'), '--title', '巫山县整改进展情况的报告', '--issuer', '巫山县乡村振兴局', '--doc-number', '巫山乡振文〔2023〕58号', '--signer', '张某', '--recipients', '重庆市乡村振兴局', '--out', out]);
  const tables = (await readdir(plan)).filter((f) => f.includes('任务分解') && OFFICE.test(f));
  for (const table of tables) {
    await cli(['init', path.join(WORK_DIR, `init-from-${path.extname(table).slice(1)}`), '--from-table', path.join(plan, table)]);
  }
  await mkdir(WORK_DIR, { recursive: true });
  const tree = new Map<string, Buffer>();
  for (const file of await filesUnder(WORK_DIR)) {
    explode(file.split(path.sep).join('/'), await readFile(path.join(WORK_DIR, file)), tree);
  }
  return tree;
}

/** The committed golden tree. */
export async function readGoldenTree(): Promise<Map<string, Buffer>> {
  const tree = new Map<string, Buffer>();
  for (const file of await filesUnder(GOLDEN_DIR)) tree.set(file.split(path.sep).join('/'), await readFile(path.join(GOLDEN_DIR, file)));
  return tree;
}
