// node bench/rollup.js [--towns 30,400] [--problems 60] [--full] [--keep]
//
// The county roll-up at scale (issue 18): N towns' packets of P problems each
// (synthetic plans, bench/synthetic.js, each town its own 发文机关), rolled up
// by `zhenggai rollup` as the clerk runs it: wall time, CPU time and peak RSS
// of the one process (bench/paired.js measureProcess), judged against the
// targets in bench/README.md.
//
// Packets: up to 50 towns (and with --full, always) each town is packed by
// `zhenggai packet` itself — report, ledger, closure forms, data, manifest.
// Above 50 towns, packing 400 towns would take most of an hour on this
// machine, so each packet holds what the roll-up reads — data/ and a
// manifest.json with the SHA-256 of every file — written here the way
// write/packet.ts writes them; the roll-up then has fewer document bytes
// to hash than real packets would give it (about 90 KB a town).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureProcess } from './paired.js';
import { syntheticPlanInput, syntheticProgressInput } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    towns: { type: 'string', default: '30,400' },
    problems: { type: 'string', default: '60' },
    full: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = options.towns.split(',').map(Number);
const PROBLEMS = Number(options.problems);
const PERIOD = '2023-10';
/** Issue 18: a county of 30 towns × 60 problems in ≤ 10 s; bench/README.md states the 400-town target. */
const TARGETS = { 30: { wallS: 10 }, 400: { wallS: 60, peakMB: 1024 } };

const sha = (data) => createHash('sha256').update(data).digest('hex');
const townName = (i) => `某某县第${i + 1}镇人民政府`;

function townFolder(root, i) {
  const dir = path.join(root, `town-${String(i + 1).padStart(3, '0')}`);
  mkdirSync(path.join(dir, 'progress'), { recursive: true });
  const plan = syntheticPlanInput(PROBLEMS, 20230907 + i);
  plan.notice.signatory = townName(i);
  plan.notice.issuerMark = `${townName(i)}文件`;
  const progress = syntheticProgressInput(PROBLEMS, PERIOD, '2023-10-31');
  progress.report.issuer = townName(i);
  progress.report.issuerMark = townName(i);
  const planText = `${JSON.stringify(plan, null, 2)}\n`;
  const progressText = `${JSON.stringify(progress, null, 2)}\n`;
  writeFileSync(path.join(dir, 'plan.json'), planText);
  writeFileSync(path.join(dir, 'progress', `${PERIOD}.json`), progressText);
  return { dir, planText, progressText, issuer: townName(i) };
}

/** A packet holding data/ and its manifest only (see the header). */
function dataPacket(root, town) {
  const dir = path.join(root, `${path.basename(town.dir)}-packet-${PERIOD}`);
  const descriptor = { format: 'zhenggai-packet-data', version: 1, period: PERIOD, asOf: '2023-10-31', issuer: town.issuer, plan: 'data/plan.json', progress: [`data/progress/${PERIOD}.json`] };
  const files = [
    ['data/packet.json', `${JSON.stringify(descriptor, null, 2)}\n`],
    ['data/plan.json', town.planText],
    [`data/progress/${PERIOD}.json`, town.progressText],
  ].map(([p, text]) => [p, Buffer.from(text)]);
  mkdirSync(path.join(dir, 'data', 'progress'), { recursive: true });
  for (const [p, data] of files) writeFileSync(path.join(dir, p), data);
  const entries = files.map(([p, data]) => ({ path: p, size: data.length, sha256: sha(data) })).sort((a, b) => (a.path < b.path ? -1 : 1));
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify({ files: entries }, null, 2)}\n`);
  return dir;
}

function realPacket(root, town) {
  const out = path.join(root, 'packets');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/zhenggai.js'), 'packet', town.dir, '--period', PERIOD, '--out', out], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`packet ${town.dir}: ${result.stderr}`);
  return path.join(out, path.basename(town.dir), `packet-${PERIOD}`);
}

const fmt = (x, d = 1) => (x === undefined ? '—' : x.toFixed(d));
const rows = [];
for (const towns of SIZES) {
  const root = mkdtempSync(path.join(os.tmpdir(), `zhenggai-bench-rollup-${towns}-`));
  const full = options.full || towns <= 50;
  const packets = Array.from({ length: towns }, (_, i) => {
    const town = townFolder(path.join(root, 'plans'), i);
    return full ? realPacket(root, town) : dataPacket(root, town);
  });
  const args = [path.join(ROOT, 'bin/zhenggai.js'), 'rollup', ...packets, '--title', '某某县整改进展情况的报告', '--issuer', '某某县整改办', '--doc-number', '某整改文〔2023〕1号', '--signer', '张某', '--recipients', '某某市整改办', '--out', path.join(root, 'out')];
  const m = measureProcess(args, { cwd: ROOT });
  if (m.status !== 0) throw new Error(`rollup of ${towns} towns failed: ${m.stderr}`);
  const target = TARGETS[towns];
  const met = target ? (m.wallMs / 1000 <= target.wallS && (target.peakMB === undefined || m.peakRssMB <= target.peakMB) ? 'MET' : 'NOT MET') : '';
  rows.push({ towns, problems: towns * PROBLEMS, packets: full ? 'zhenggai packet' : 'data only', wallS: m.wallMs / 1000, cpuS: m.cpuMs / 1000, peakMB: m.peakRssMB, target, met });
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}

console.log(`rollup, ${PROBLEMS} problems a town, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('towns  problems  packets          wall s  CPU s  peak MB  target');
for (const r of rows) {
  const target = r.target ? `≤ ${r.target.wallS} s${r.target.peakMB ? `, ≤ ${r.target.peakMB} MB` : ''}  ${r.met}` : '';
  console.log(`${String(r.towns).padStart(5)}  ${String(r.problems).padStart(8)}  ${r.packets.padEnd(15)}  ${fmt(r.wallS).padStart(6)}  ${fmt(r.cpuS).padStart(5)}  ${fmt(r.peakMB, 0).padStart(7)}  ${target}`);
}
