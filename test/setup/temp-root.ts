// Every test run gets its own temporary root, removed when the run ends: the
// tests make thousands of folders with mkdtemp(os.tmpdir()) (plans, outputs,
// LibreOffice profiles, fault injection), and a tester found 22,800 of them
// left in /tmp. os.tmpdir() reads TMPDIR, which the workers and the CLI
// processes the tests start inherit from here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'zhenggai-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    // A test may have left a read-only folder or a mount (write-errors-real-disk unmounts its own): best effort.
    rmSync(root, { recursive: true, force: true, maxRetries: 2 });
  };
}
