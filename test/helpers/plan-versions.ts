// Two versions of the bundled plan under the same folder name, so both write
// to the same out/guanyang-2022/ but with different bytes: a "previous"
// output can then be told apart from a new one.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function twoPlanVersions(): { previousPlan: string; plan: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-plan-versions-'));
  const previousPlan = path.join(base, 'v1', 'guanyang-2022');
  const plan = path.join(base, 'v2', 'guanyang-2022');
  cpSync('data/guanyang-2022', previousPlan, { recursive: true });
  cpSync('data/guanyang-2022', plan, { recursive: true });
  const planJson = JSON.parse(readFileSync(path.join(previousPlan, 'plan.json'), 'utf8'));
  planJson.problems[0].summary = `（上一版）${planJson.problems[0].summary}`;
  writeFileSync(path.join(previousPlan, 'plan.json'), JSON.stringify(planJson, null, 2));
  const progress = JSON.parse(readFileSync(path.join(previousPlan, 'progress', '2023-11.json'), 'utf8'));
  progress.problems[0].progress = `（上一版）${progress.problems[0].progress}`;
  writeFileSync(path.join(previousPlan, 'progress', '2023-11.json'), JSON.stringify(progress, null, 2));
  return { previousPlan, plan };
}
