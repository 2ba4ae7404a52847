import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A temporary root per run, removed at its end (test/setup/temp-root.ts).
    globalSetup: ['test/setup/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // LibreOffice conversions are batched per file; two workers match the CI machine's cores.
    maxWorkers: 2,
  },
});
