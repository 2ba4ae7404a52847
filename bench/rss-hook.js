// Preloaded (node --import) when /usr/bin/time is missing: records the
// process's resource usage (peak RSS, CPU time) where bench/paired.js reads it.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.ZHENGGAI_BENCH_RSS_FILE;
  if (file) writeFileSync(file, JSON.stringify(process.resourceUsage()));
});
