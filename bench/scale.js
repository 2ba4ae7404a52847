// Scale limits (issue 13, kind 10): wall time and peak memory of each document
// command, run as the clerk runs it (node bin/zhenggai.js …), on synthetic plan
// folders of growing size (bench/synthetic.js: one plan, one month of progress).
// The figures behind the limits in docs/domain.md#scale-limits.
//
//   node bench/scale.js [--sizes 1000,5000,10000] [--commands table-docx,report,packet]
//                       [--text K] [--progress-text K] [--units U] [--months M]
//                       [--timeout 300] [--heap <MB>] [--bin <zhenggai.js>] [--out bench/scale-results.json]
//
// --text K repeats every summary and measure K times (the synthetic plan has
// about 206 characters a problem), --progress-text K every progress text;
// --units U gives each problem one lead unit of U, in turn (the synthetic
// plan has 12 units, one or two leading each problem); --months M writes M
// monthly progress files from 2023-10 (the documents are made for the last).
//
// Each run is bounded by --timeout seconds (default 300) and killed after it.
// --heap sets node's --max-old-space-size for the runs (default: node's own).
// Peak memory is the process's peak RSS (/usr/bin/time -v, or
// process.resourceUsage() through bench/rss-hook.js where time is missing).
// Plans above the limits are refused by every command before rendering: their
// rows then measure the refusal. To measure what the limits keep away, point
// --bin at the bin/zhenggai.js of a build without the plan-size rule (the
// figures in docs/domain.md were taken so, on a build of the commit before it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticPlanInput, syntheticProgressInput } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
/** The n-th month from October 2023 (0 → 2023-10): the periods of the synthetic progress files. */
function periodAt(n) {
  const year = 2023 + Math.floor((9 + n) / 12);
  const month = ((9 + n) % 12) + 1;
  return { period: `${year}-${String(month).padStart(2, '0')}`, asOf: `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}` };
}

const COMMANDS = {
  check: (dir) => ['check', dir],
  'table-docx': (dir, out) => ['table', dir, '--type', 'docx', '--out', out],
  'table-xlsx': (dir, out) => ['table', dir, '--type', 'xlsx', '--out', out],
  notice: (dir, out) => ['notice', dir, '--out', out],
  report: (dir, out, last) => ['report', dir, '--period', last, '--out', out],
  'closure-forms': (dir, out, last) => ['closure-forms', dir, '--period', last, '--out', out],
  forms: (dir, out, last, next) => ['forms', dir, '--period', next, '--out', out],
  packet: (dir, out, last) => ['packet', dir, '--period', last, '--out', out],
};

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,2000,5000' },
    commands: { type: 'string', default: Object.keys(COMMANDS).join(',') },
    timeout: { type: 'string', default: '300' },
    heap: { type: 'string' },
    bin: { type: 'string', default: path.join(ROOT, 'bin/zhenggai.js') },
    text: { type: 'string', default: '1' },
    'progress-text': { type: 'string', default: '1' },
    units: { type: 'string' },
    months: { type: 'string', default: '1' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'scale-results.json') },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const NAMES = options.commands.split(',');
const TIMEOUT_S = Number(options.timeout);
for (const name of NAMES) if (!COMMANDS[name]) throw new Error(`unknown command ${name}; one of ${Object.keys(COMMANDS).join(', ')}`);
if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** The synthetic folder of n problems, with its text and units as the options say; the plan's and the progress file's characters of text. */
function writeFolder(n) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-')), `synthetic-${n}`);
  const plan = syntheticPlanInput(n);
  const textK = Number(options.text);
  const progressK = Number(options['progress-text']);
  for (const problem of plan.problems) {
    problem.summary = problem.summary.repeat(textK);
    problem.measures = problem.measures.map((m) => m.repeat(textK));
  }
  if (options.units) {
    const names = Array.from({ length: Number(options.units) }, (_, i) => `第${i + 1}责任单位`);
    plan.units = names.map((name) => ({ name }));
    plan.problems.forEach((problem, i) => {
      problem.leadUnits = [names[i % names.length]];
      problem.cooperatingUnits = [];
    });
  }
  mkdirSync(path.join(dir, 'progress'), { recursive: true });
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  let progressChars = 0;
  for (let m = 0; m < Number(options.months); m += 1) {
    const { period, asOf } = periodAt(m);
    const progress = syntheticProgressInput(n, period, asOf);
    for (const entry of progress.problems) if (entry.progress) entry.progress = entry.progress.repeat(progressK);
    progressChars += textChars(progress);
    writeFileSync(path.join(dir, 'progress', `${period}.json`), JSON.stringify(progress, null, 2));
  }
  return { dir, planChars: textChars(plan), progressChars };
}

function textChars(value) {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum, v) => sum + textChars(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum, v) => sum + textChars(v), 0);
  return 0;
}

/** One bounded run: exit status (or 'timeout' / the signal), wall seconds, peak RSS in MB, the last line printed. */
function run(args) {
  const useTime = existsSync(TIME);
  const rssFile = path.join(os.tmpdir(), `zhenggai-scale-rss-${process.pid}`);
  const nodeArgs = [...(options.heap ? [`--max-old-space-size=${options.heap}`] : []), path.resolve(options.bin), ...args];
  const command = useTime ? TIME : process.execPath;
  const commandArgs = useTime ? ['-v', process.execPath, ...nodeArgs] : ['--import', new URL('./rss-hook.js', import.meta.url).href, ...nodeArgs];
  const start = performance.now();
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_S * 1000,
    killSignal: 'SIGKILL',
    env: { ...process.env, ZHENGGAI_BENCH_RSS_FILE: rssFile },
    maxBuffer: 256 * 2 ** 20,
  });
  const wallS = (performance.now() - start) / 1000;
  let peakMB;
  if (useTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1];
    if (kb) peakMB = Number(kb) / 1024;
  } else if (existsSync(rssFile)) {
    peakMB = JSON.parse(readFileSync(rssFile, 'utf8')).maxRSS / 1024;
    rmSync(rssFile);
  }
  const timedOut = result.error?.code === 'ETIMEDOUT' || (result.signal === 'SIGKILL' && wallS >= TIMEOUT_S - 1);
  // With time -v, the child's own death by signal shows as "Command terminated by signal N".
  const signalled = /Command terminated by signal (\d+)/.exec(result.stderr ?? '')?.[1];
  const status = timedOut ? `timeout ${TIMEOUT_S} s` : signalled ? `signal ${signalled}` : String(result.status);
  const printed = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s/.test(l) && !/^(Command being timed|Command exited|Command terminated)/.test(l))
    .at(-1);
  return { status, wallS, peakMB, last: printed ?? '' };
}

const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${load}${options.heap ? `, --max-old-space-size=${options.heap}` : ''}, timeout ${TIMEOUT_S} s a run`);
console.log(`${'problems'.padStart(9)}  ${'units'.padStart(5)}  ${'months'.padStart(6)}  ${'plan Mchar'.padStart(10)}  ${'progress Mchar'.padStart(14)}  ${'command'.padEnd(14)}  ${'exit'.padEnd(14)}  ${'wall s'.padStart(7)}  ${'peak MB'.padStart(8)}`);
const results = [];
for (const n of SIZES) {
  const { dir, planChars, progressChars } = writeFolder(n);
  const units = options.units ?? '12';
  for (const name of NAMES) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-out-'));
    const months = Number(options.months);
    const r = run(COMMANDS[name](dir, out, periodAt(months - 1).period, periodAt(months).period));
    rmSync(out, { recursive: true, force: true });
    results.push({ problems: n, units: Number(units), months: Number(options.months), planChars, progressChars, command: name, ...r });
    const row = [String(n).padStart(9), units.padStart(5), options.months.padStart(6), (planChars / 1e6).toFixed(1).padStart(10), (progressChars / 1e6).toFixed(2).padStart(14), name.padEnd(14), r.status.padEnd(14), r.wallS.toFixed(1).padStart(7), (r.peakMB?.toFixed(0) ?? '?').padStart(8)];
    console.log(`${row.join('  ')}${r.status === '0' ? '' : `  ${r.last.slice(0, 100)}`}`);
  }
  rmSync(path.dirname(dir), { recursive: true, force: true });
}
writeFileSync(options.out, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, load, heapMB: options.heap ?? null, timeoutS: TIMEOUT_S, results }, null, 2)}\n`);
