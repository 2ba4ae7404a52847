// Property, at the edges docs/domain.md#excel-limits names: text as long as an Excel cell
// may hold, and hundreds of units with long names listed in one cell. Few
// runs: each document here is large.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { manyUnits, nearCellLimit } from './support/arbitraries.js';
import { assertDocumentsSound } from './support/check.js';

const runs = (n: number) => Number(process.env.FC_NUM_RUNS_LARGE ?? n);

describe('every generator at the limits', () => {
  test('a text of 30,000–32,767 characters is printed whole, and no cell exceeds Excel’s limit', async () => {
    await fc.assert(fc.asyncProperty(nearCellLimit(), (generated) => assertDocumentsSound(generated)), { numRuns: runs(3), endOnFailure: true });
  }, 240_000);

  test('hundreds of units with long names, many listed by one problem', async () => {
    await fc.assert(fc.asyncProperty(manyUnits(), (generated) => assertDocumentsSound(generated)), { numRuns: runs(2), endOnFailure: true });
  }, 240_000);
});
