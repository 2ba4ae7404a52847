// Summarises a V8 CPU profile (node --cpu-prof): self time by function and by
// area (the docx library, exceljs, zod, zhenggai's own dist/, Node itself,
// garbage collection). `node bench/profile.js <file.cpuprofile> [top]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Which part of the program a script URL belongs to. */
export function areaOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return functionName.slice(1, -1);
  if (url === '') return 'v8/native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/dist/')) return `zhenggai ${url.slice(url.indexOf('/dist/') + 6).replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) return 'node';
  return url.replace(/^file:\/\//, '');
}

export function summarizeProfile(file, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map();
  const areas = new Map();
  for (const [id, ms] of selfMs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const area = areaOf(callFrame.url, name);
    const where = callFrame.url ? `${area}:${callFrame.lineNumber + 1}` : area;
    const key = `${name} ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  const sorted = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: ms / totalMs }));
  return { totalMs: Math.round(totalMs), functions: sorted(functions), areas: sorted(areas) };
}

export function formatProfile(summary) {
  const pct = (s) => `${(s * 100).toFixed(1).padStart(5)}%`;
  const lines = [`  sampled ${summary.totalMs} ms`, '  self time by area:'];
  for (const a of summary.areas) lines.push(`    ${pct(a.share)} ${String(a.ms).padStart(6)} ms  ${a.name}`);
  lines.push('  top functions by self time:');
  for (const f of summary.functions) lines.push(`    ${pct(f.share)} ${String(f.ms).padStart(6)} ms  ${f.name}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile.js <file.cpuprofile> [top]');
    process.exit(1);
  }
  console.log(formatProfile(summarizeProfile(file, Number(top ?? 15))));
}
