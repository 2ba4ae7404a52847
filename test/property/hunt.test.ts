// A longer hunt, off by default: FC_HUNT=200 npx vitest run test/property/hunt.test.ts
// samples that many random folders and prints the first fault of each kind
// (with its input) instead of stopping at one and shrinking it.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { planFolder, SMALL } from './support/arbitraries.js';
import { huntFaults } from './support/check.js';

const count = Number(process.env.FC_HUNT ?? 0);

test.skipIf(count === 0)(`hunt over ${count} random folders`, async () => {
  const samples = fc.sample(planFolder(SMALL), { numRuns: count, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) });
  const kinds = await huntFaults(samples);
  const dir = process.env.FC_HUNT_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  [...kinds.values()].forEach(({ fault, sample }, i) => {
    const input = JSON.stringify(sample, (_k, v) => (v instanceof Set ? [...v] : v));
    if (dir) writeFileSync(`${dir}/${i}.json`, JSON.stringify({ fault, input: JSON.parse(input) }, null, 1));
    console.log(`${fault}\n  input: ${dir ? `${dir}/${i}.json` : input}\n`);
  });
  expect([...kinds.values()].map((k) => k.fault)).toEqual([]);
}, 600_000);
