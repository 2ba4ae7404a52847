// Where documents go (docs/domain.md#output-locations): out/<plan>/… unless --out names another root.
import path from 'node:path';
import { safeFileStem } from '../layout/safe-name.js';

export const DEFAULT_OUT_ROOT = 'out';

export function planOutputDir(outRoot: string, planName: string): string {
  return path.join(outRoot, safeFileStem(planName));
}

export function periodOutputDir(outRoot: string, planName: string, period: string): string {
  return path.join(planOutputDir(outRoot, planName), period);
}
