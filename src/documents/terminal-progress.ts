// A progress bar on a terminal (cli-progress), nothing when output is piped or in CI.
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import { silentProgress, type ProgressReporter } from '../write/progress.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY || process.env.CI) return silentProgress;
  // Loaded only for a terminal: piped and CI runs don't pay for it at start-up.
  const bars = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar = new bars.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream, hideCursor: true }, bars.Presets.shades_classic);
      bar.start(total, 0);
    },
    advance() {
      bar?.increment();
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
