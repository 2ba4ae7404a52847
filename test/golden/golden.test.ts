// Every generated document of the bundled plan, part by part, against the
// committed golden files. A difference fails with the parts that differ; to
// accept a change on purpose run `npm run golden:update` and commit the
// regenerated files on their own (docs/ARCHITECTURE.md, "Golden files").

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, buildGoldenTree, readGoldenTree } from './build.js';

const UPDATE = process.env.ZHENGGAI_UPDATE_GOLDEN === '1';

async function writeTree(tree: Map<string, Buffer>): Promise<void> {
  await rm(GOLDEN_DIR, { recursive: true, force: true });
  for (const [name, data] of tree) {
    const file = path.join(GOLDEN_DIR, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }
}

function firstDifference(a: Buffer, b: Buffer): string {
  const left = a.toString('utf8').split('\n');
  const right = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return `line ${i + 1}: golden ${JSON.stringify(left[i]?.slice(0, 200))} / now ${JSON.stringify(right[i]?.slice(0, 200))}`;
  }
  return 'same lines, different bytes';
}

describe('golden documents of the bundled plan', () => {
  it(UPDATE ? 'regenerates test/golden/files' : 'match test/golden/files byte for byte', async () => {
    const now = await buildGoldenTree();
    if (UPDATE) {
      await writeTree(now);
      return;
    }
    const golden = await readGoldenTree();
    expect(golden.size, 'no golden files: run npm run golden:update').toBeGreaterThan(0);
    const missing = [...golden.keys()].filter((k) => !now.has(k));
    const added = [...now.keys()].filter((k) => !golden.has(k));
    const changed = [...now.keys()].filter((k) => golden.has(k) && !golden.get(k)!.equals(now.get(k)!)).map((k) => `${k}: ${firstDifference(golden.get(k)!, now.get(k)!)}`);
    expect({ missing, added, changed }).toEqual({ missing: [], added: [], changed: [] });
  });
});
