// Progress of long steps (PDF conversion, copying many files). The write layer
// reports through this interface; the CLI decides whether a terminal shows it.
export interface ProgressReporter {
  start(label: string, total: number): void;
  advance(): void;
  stop(): void;
}

export const silentProgress: ProgressReporter = { start() {}, advance() {}, stop() {} };
