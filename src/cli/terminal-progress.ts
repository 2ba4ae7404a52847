// A progress bar on a terminal (cli-progress), nothing when output is piped or in CI.
import cliProgress from 'cli-progress';
import { silentProgress, type ProgressReporter } from '../write/progress.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY || process.env.CI) return silentProgress;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
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
