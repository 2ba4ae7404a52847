// Preloaded (node --import) when /usr/bin/time is missing: records the
// process's peak resident set size where bench/run.js can read it.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.ZHENGGAI_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
