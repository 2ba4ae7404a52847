// npm run bench (= npm run build && node bench/run.js): the figures of issue 8,
// each printed with its target and whether it is met; bench/results.json gets
// them all. A target not met is explained by a CPU profile of a reproduction
// (node --cpu-prof), summarised below the table (bench/profile.js).
//
//   node bench/run.js [--repeat N] [--sizes 100,1000,5000] [--quick] [--no-profile]
//
// --quick: one run each and sizes 100,1000 (a smoke test; targets at 5,000 are
// then reported as not measured).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProfile, summarizeProfile } from './profile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = path.join(ROOT, 'bench');
const PLAN = 'data/guanyang-2022';
const PERIOD = '2023-10';
const TIME = '/usr/bin/time';

const { values: options } = parseArgs({
  options: {
    repeat: { type: 'string' },
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
  },
});
const REPEAT = Number(options.repeat ?? (options.quick ? 1 : 5));
const INPROC_REPEAT = Number(options.repeat ?? (options.quick ? 1 : 3));
const SIZES = (options.sizes ?? (options.quick ? '100,1000' : '100,1000,5000')).split(',').map(Number);

if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// --- cold start -----------------------------------------------------------------

/** One process run: wall time (ms, measured here around the spawn) and peak RSS (MB). */
function measureProcess(nodeArgs, env = {}) {
  const useTime = existsSync(TIME);
  const rssFile = path.join(os.tmpdir(), `zhenggai-bench-rss-${process.pid}`);
  const command = useTime ? TIME : process.execPath;
  const args = useTime ? ['-v', process.execPath, ...nodeArgs] : ['--import', new URL('./rss-hook.js', import.meta.url).href, ...nodeArgs];
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env, ZHENGGAI_BENCH_RSS_FILE: rssFile }, maxBuffer: 64 * 2 ** 20 });
  const wallMs = performance.now() - start;
  let peakRssMB;
  let status = result.status;
  if (useTime) {
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    peakRssMB = rss ? Number(rss[1]) / 1024 : undefined;
    const exit = /Exit status: (\d+)/.exec(result.stderr);
    if (exit) status = Number(exit[1]);
  } else {
    peakRssMB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
    rmSync(rssFile, { force: true });
  }
  return { wallMs, peakRssMB, status, stderr: result.stderr };
}

/** Median wall time and largest peak RSS over `REPEAT` runs, after one warm-up run (disk cache). */
function coldStart(label, nodeArgs) {
  measureProcess(nodeArgs);
  const runs = Array.from({ length: REPEAT }, () => measureProcess(nodeArgs));
  const failed = runs.find((r) => r.status !== 0);
  if (failed) return { label, error: `exit ${failed.status}: ${failed.stderr.split('\n').filter(Boolean).slice(0, 3).join(' | ')}` };
  return { label, wallMs: median(runs.map((r) => r.wallMs)), peakRssMB: Math.max(...runs.map((r) => r.peakRssMB ?? 0)), runs: runs.map((r) => Math.round(r.wallMs)) };
}

function availableCommands() {
  const help = spawnSync(process.execPath, ['bin/zhenggai.js', '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout;
  return new Set([...help.matchAll(/^\s+zhenggai (\w+)/gm)].map((m) => m[1]));
}

function commandRuns(outRoot) {
  const present = availableCommands();
  const out = ['--out', outRoot];
  const wanted = [
    { name: 'check', args: ['check', PLAN] },
    { name: 'table', args: ['table', PLAN, ...out] },
    { name: 'notice', args: ['notice', PLAN, ...out] },
    { name: 'report', args: ['report', PLAN, '--period', PERIOD, ...out] },
    { name: 'packet', args: ['packet', PLAN, '--period', PERIOD, ...out] },
  ];
  return wanted.map((w) => (present.has(w.name) ? { ...w, present: true } : { ...w, present: false }));
}

// --- in process -----------------------------------------------------------------

function child(task, n, extraNodeArgs = []) {
  const result = spawnSync(process.execPath, [...extraNodeArgs, path.join(BENCH, 'child.js'), task, String(n)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) return { task, n, error: result.stderr.split('\n').filter(Boolean).slice(-3).join(' | ') };
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

function inProcess(task, n) {
  const runs = Array.from({ length: INPROC_REPEAT }, () => child(task, n));
  const bad = runs.find((r) => r.error || r.missing);
  if (bad) return bad;
  const ms = median(runs.map((r) => r.ms));
  return { task, n, ms, msPerProblem: ms / n, peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)), bytes: runs[0].bytes, runs: runs.map((r) => Math.round(r.ms)) };
}

// --- profiles -------------------------------------------------------------------

function profile(label, nodeArgs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-prof-'));
  try {
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...nodeArgs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return { label, error: 'no profile written' };
    return { label, command: `node --cpu-prof ${nodeArgs.join(' ')}`, ...summarizeProfile(path.join(dir, file)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- main -----------------------------------------------------------------------

const TASK_LABELS = { docx: 'task table docx', xlsx: 'task table xlsx', ledger: 'ledger xlsx', docxtemplater: 'docxtemplater fill', compose: '(compose model only)' };
const fmt = (x, digits = 0) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pad = (s, w, right = false) => (right ? String(s).padStart(w) : String(s).padEnd(w));

const outRoot = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-bench-out-'));
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))) },
  settings: { repeat: REPEAT, inProcessRepeat: INPROC_REPEAT, sizes: SIZES, plan: PLAN, period: PERIOD, peakMemory: existsSync(TIME) ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' },
  coldStart: [],
  inProcess: [],
  targets: [],
  profiles: [],
};

try {
  console.log(`zhenggai bench — Node ${process.version}, ${results.machine.cpus} CPUs, load average ${results.machine.loadAverage.join(' ')}; cold start: median of ${REPEAT}; in process: median of ${INPROC_REPEAT}`);
  console.log('(figures are wall-clock: another busy process on the machine slows them; compare runs at a load average near 0)\n');

  // Cold start.
  const bare = coldStart('node (bare start)', ['-e', '0']);
  const floor = coldStart('floor: node + import docx, exceljs', [path.join('bench', 'floor.js')]);
  results.coldStart.push(bare, floor);
  for (const cmd of commandRuns(outRoot)) {
    if (!cmd.present) {
      results.coldStart.push({ label: cmd.name, command: cmd.args.join(' ').replace(outRoot, '<tmp>'), missing: true });
      continue;
    }
    results.coldStart.push({ ...coldStart(cmd.name, ['bin/zhenggai.js', ...cmd.args]), command: cmd.args.join(' ').replace(outRoot, '<tmp>') });
  }
  console.log(`Cold start on ${PLAN}         ${pad('wall ms', 8, true)} ${pad('× floor', 8, true)} ${pad('peak MB', 8, true)}`);
  for (const r of results.coldStart) {
    const label = pad(r.command ? `zhenggai ${r.command.replace(PLAN, '<plan>')}` : r.label, 37);
    if (r.missing) console.log(`${label} (command not present)`);
    else if (r.error) console.log(`${label} FAILED ${r.error}`);
    else console.log(`${label} ${pad(fmt(r.wallMs), 8, true)} ${pad(fmt(r.wallMs / floor.wallMs, 2), 8, true)} ${pad(fmt(r.peakRssMB), 8, true)}`);
  }
  for (const r of results.coldStart) if (r.wallMs !== undefined) r.floorRatio = r.wallMs / floor.wallMs;

  // In process.
  console.log(`\nIn process (start-up excluded)   ${pad('n', 5, true)} ${pad('ms', 8, true)} ${pad('ms/problem', 11, true)} ${pad('peak MB', 8, true)} ${pad('÷ docxtemplater', 16, true)}`);
  for (const n of SIZES) {
    const row = {};
    for (const task of ['docx', 'xlsx', 'ledger', 'docxtemplater', 'compose']) {
      const r = inProcess(task, n);
      row[task] = r;
      results.inProcess.push(r);
    }
    for (const task of ['docx', 'xlsx', 'ledger', 'docxtemplater', 'compose']) {
      const r = row[task];
      const label = pad(TASK_LABELS[task], 32);
      if (r.missing) console.log(`${label} ${pad(n, 5, true)} (not present)`);
      else if (r.error) console.log(`${label} ${pad(n, 5, true)} FAILED ${r.error}`);
      else {
        const ratio = task === 'docx' && row.docxtemplater.ms ? fmt(r.ms / row.docxtemplater.ms, 2) : '';
        console.log(`${label} ${pad(n, 5, true)} ${pad(fmt(r.ms), 8, true)} ${pad(fmt(r.msPerProblem, 3), 11, true)} ${pad(fmt(r.peakRssMB), 8, true)} ${pad(ratio, 16, true)}`);
      }
    }
  }

  // Targets.
  const find = (task, n) => results.inProcess.find((r) => r.task === task && r.n === n && r.ms !== undefined);
  const target = (name, goal, value, shown, met, reproduce) => results.targets.push({ name, goal, value, shown, met, reproduce });
  const packet = results.coldStart.find((r) => r.label === 'packet');
  if (packet?.wallMs !== undefined) {
    target('bundled packet, cold start', '≤ 2.0 × import floor', packet.floorRatio, `${fmt(packet.floorRatio, 2)} × (${fmt(packet.wallMs)} ms vs ${fmt(floor.wallMs)} ms)`, packet.floorRatio <= 2.0, {
      label: 'zhenggai packet (cold start)',
      args: ['bin/zhenggai.js', 'packet', PLAN, '--period', PERIOD, '--out', outRoot],
    });
  } else target('bundled packet, cold start', '≤ 2.0 × import floor', undefined, packet?.error ? `failed: ${packet.error}` : 'packet command not present', undefined);
  for (const task of ['docx', 'xlsx', 'ledger']) {
    const small = find(task, 100);
    const large = find(task, 5000);
    if (small && large) {
      const ratio = large.msPerProblem / small.msPerProblem;
      target(`${TASK_LABELS[task]}: time per problem, 5,000 vs 100`, '≤ 1.5 ×', ratio, `${fmt(ratio, 2)} × (${fmt(large.msPerProblem, 3)} vs ${fmt(small.msPerProblem, 3)} ms)`, ratio <= 1.5, {
        label: `${TASK_LABELS[task]}, 5,000 problems`,
        args: [path.join('bench', 'child.js'), task, '5000'],
      });
    } else target(`${TASK_LABELS[task]}: time per problem, 5,000 vs 100`, '≤ 1.5 ×', undefined, 'not measured', undefined);
  }
  for (const n of [1000, 5000]) {
    const docx = find('docx', n);
    const dt = find('docxtemplater', n);
    if (docx && dt) {
      const ratio = docx.ms / dt.ms;
      target(`task table docx vs docxtemplater, ${n.toLocaleString('en')} rows`, '≤ 1.0 × (no slower)', ratio, `${fmt(ratio, 2)} × (${fmt(docx.ms)} vs ${fmt(dt.ms)} ms)`, ratio <= 1.0, {
        label: `task table docx, ${n.toLocaleString('en')} problems`,
        args: [path.join('bench', 'child.js'), 'docx', String(n)],
      });
    } else target(`task table docx vs docxtemplater, ${n.toLocaleString('en')} rows`, '≤ 1.0 ×', undefined, 'not measured', undefined);
  }
  for (const task of ['docx', 'xlsx', 'ledger']) {
    const r = find(task, 1000);
    if (r) target(`${TASK_LABELS[task]}: peak memory, 1,000 problems`, '< 400 MB', r.peakRssMB, `${fmt(r.peakRssMB)} MB`, r.peakRssMB < 400);
    else target(`${TASK_LABELS[task]}: peak memory, 1,000 problems`, '< 400 MB', undefined, 'not measured', undefined);
  }

  console.log(`\nTargets (issue 8)`);
  for (const t of results.targets) {
    const met = t.met === undefined ? 'not measured' : t.met ? 'met' : 'NOT MET';
    console.log(`${pad(t.name, 52)} ${pad(t.goal, 22)} ${pad(t.shown, 38)} ${met}`);
  }

  // Profiles of what was not met (one per reproduction).
  if (!options['no-profile']) {
    const seen = new Set();
    for (const t of results.targets.filter((x) => x.met === false && x.reproduce)) {
      const key = t.reproduce.args.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const p = profile(t.reproduce.label, t.reproduce.args);
      results.profiles.push({ target: t.name, ...p });
      console.log(`\nProfile — ${t.reproduce.label} (why “${t.name}” is not met)`);
      console.log(p.error ? `  ${p.error}` : formatProfile(p));
    }
  }
} finally {
  rmSync(outRoot, { recursive: true, force: true });
  writeFileSync(path.join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/results.json`);
}
