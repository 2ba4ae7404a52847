// A folder that appears whole or not at all: build it beside its destination,
// then swap it in with renames. A failure at any step leaves the previous
// folder as it was and removes the half-built one.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Test hook: `ZHENGGAI_FAIL_AFTER=<step>` makes a build fail right after the named step. */
export class InjectedFailure extends Error {
  constructor(readonly step: string) {
    super(`按 ZHENGGAI_FAIL_AFTER 的要求在“${step}”之后中止 (failure injected after step "${step}")`);
    this.name = 'InjectedFailure';
  }
}

export function failAfter(step: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.ZHENGGAI_FAIL_AFTER === step) throw new InjectedFailure(step);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Run `build(stagingDir)`, then replace `destination` with what it built.
 * The staging folder is a hidden sibling, so the final renames stay on one filesystem.
 */
export async function buildFolderAtomically<T>(destination: string, build: (stagingDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(destination);
  await mkdir(parent, { recursive: true });
  const token = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${path.basename(destination)}.building-${token}`);
  const retired = path.join(parent, `.${path.basename(destination)}.old-${token}`);
  await mkdir(staging);
  let result: T;
  try {
    result = await build(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await exists(destination);
  if (hadPrevious) await rename(destination, retired);
  try {
    await rename(staging, destination);
  } catch (error) {
    if (hadPrevious) await rename(retired, destination);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
  return result;
}
