// Process timing for the cold-start figures: each command run alternately
// with the import floor (bench/floor.js), so both see the same load, with
// wall time measured here and CPU time (user + system) and peak RSS from
// /usr/bin/time (or, where it is missing, from the process itself through
// bench/rss-hook.js). The ratio is the median of each pair's ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';
const TIMEOUT = '/usr/bin/timeout';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * One process: `node <nodeArgs>` in `cwd`, killed after `timeoutMs` when
 * given. Returns wall ms, CPU ms (user + system, children included), peak RSS
 * in MB, exit status (137 when killed) and stderr.
 */
export function measureProcess(nodeArgs, { cwd, env = {}, timeoutMs } = {}) {
  const useTime = existsSync(TIME);
  const statsFile = path.join(os.tmpdir(), `zhenggai-bench-usage-${process.pid}`);
  // A bounded run goes through timeout(1), which kills node itself and waits for it, so time(1) still counts it.
  const bounded = timeoutMs !== undefined && useTime && existsSync(TIMEOUT) ? [TIMEOUT, '-s', 'KILL', String(Math.ceil(timeoutMs / 1000))] : [];
  const command = useTime ? TIME : process.execPath;
  const args = useTime ? ['-f', 'zhenggai-bench %e %U %S %M %x', ...bounded, process.execPath, ...nodeArgs] : ['--import', new URL('./rss-hook.js', import.meta.url).href, ...nodeArgs];
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env, ZHENGGAI_BENCH_RSS_FILE: statsFile }, maxBuffer: 256 * 2 ** 20, ...(bounded.length === 0 && timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}) });
  const wallMs = performance.now() - start;
  let cpuMs;
  let peakRssMB;
  let status = result.status;
  let stderr = result.stderr;
  if (useTime) {
    const m = /zhenggai-bench ([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)\s*$/.exec(result.stderr);
    if (m) {
      cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
      peakRssMB = Number(m[4]) / 1024;
      status = Number(m[5]);
      stderr = result.stderr.slice(0, m.index).replace(/Command (exited with non-zero status|terminated by signal) \d+\s*$/, '');
    }
  } else if (existsSync(statsFile)) {
    const usage = JSON.parse(readFileSync(statsFile, 'utf8'));
    cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    peakRssMB = usage.maxRSS / 1024;
    rmSync(statsFile, { force: true });
  }
  return { wallMs, cpuMs, peakRssMB, status, stderr };
}

/**
 * `repeat` pairs of (floor, command), alternating which goes first, after one
 * warm-up of each (disk cache). Returns medians for each and the median of
 * the pairs' ratios, wall and CPU.
 */
export function pairedWithFloor(commandArgs, floorArgs, { repeat, cwd, env }) {
  measureProcess(floorArgs, { cwd, env });
  measureProcess(commandArgs, { cwd, env });
  const pairs = [];
  for (let i = 0; i < repeat; i += 1) {
    const order = i % 2 === 0 ? ['floor', 'command'] : ['command', 'floor'];
    const pair = {};
    for (const which of order) pair[which] = measureProcess(which === 'floor' ? floorArgs : commandArgs, { cwd, env });
    pairs.push(pair);
  }
  const failed = pairs.map((p) => p.command).find((r) => r.status !== 0);
  if (failed) return { error: `exit ${failed.status}: ${failed.stderr.split('\n').filter(Boolean).slice(0, 3).join(' | ')}` };
  const pick = (which, key) => pairs.map((p) => p[which][key]);
  const ratio = (key) => median(pairs.map((p) => p.command[key] / p.floor[key]));
  return {
    wallMs: median(pick('command', 'wallMs')),
    cpuMs: median(pick('command', 'cpuMs')),
    peakRssMB: Math.max(...pick('command', 'peakRssMB')),
    floorWallMs: median(pick('floor', 'wallMs')),
    floorCpuMs: median(pick('floor', 'cpuMs')),
    floorPeakRssMB: Math.max(...pick('floor', 'peakRssMB')),
    wallRatio: ratio('wallMs'),
    cpuRatio: ratio('cpuMs'),
    runs: pairs.map((p) => ({ wall: Math.round(p.command.wallMs), cpu: Math.round(p.command.cpuMs), floorWall: Math.round(p.floor.wallMs), floorCpu: Math.round(p.floor.cpuMs) })),
  };
}
