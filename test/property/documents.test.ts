// Property: random valid plans and progress, with text from all of Unicode,
// through every document generator (support/outputs.ts). Bounded runs keep
// the folder under a minute on two cores; FC_NUM_RUNS raises them for a
// longer hunt (FC_SEED reproduces a failure fast-check reports).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planFolder, SMALL } from './support/arbitraries.js';
import { assertDocumentsSound, loadValid } from './support/check.js';
import { allOutputs } from './support/outputs.js';

const runs = (n: number) => Number(process.env.FC_NUM_RUNS ?? n);
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

describe('every generator, on random valid plans', () => {
  test('every generator that exists is run (a renamed module must not be skipped silently)', async () => {
    const [sample] = fc.sample(planFolder(SMALL), { numRuns: 1, seed: 1 });
    const names = (await allOutputs(loadValid(sample!))).map((o) => o.name.replace(/ \(.*\)$/, ''));
    const expected = ['task table docx', 'task table xlsx', 'contents list docx', 'notice docx', 'report docx', 'ledger xlsx', 'unit form xlsx'];
    expect(names).toEqual(expect.arrayContaining(expected));
  });

  test('nothing throws; every zip and XML part is sound; every input text is printed unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(planFolder(SMALL), (generated) => assertDocumentsSound(generated)),
      { numRuns: runs(25), ...seed },
    );
  }, 120_000);
});
