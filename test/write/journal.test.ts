// Replacing a folder and a file together (the packet and its zip), and
// several files together: a failure at every step leaves the previous
// versions, a kill at every step is finished or undone by recoverJournals.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesTogether } from '../../src/write/atomic.js';
import { CannotWrite, SwapNotUndone } from '../../src/write/fs-errors.js';
import { installTogether, recoverJournals } from '../../src/write/journal.js';
import { snapshot, withEnv } from '../helpers/tree.js';

const PREVIOUS = { 'packet-2024-06/': 'dir', 'packet-2024-06/old.txt': 'previous', 'packet-2024-06.zip': 'previous zip' };
const NEXT = { 'packet-2024-06/': 'dir', 'packet-2024-06/new.txt': 'next', 'packet-2024-06.zip': 'next zip' };

/** The folder as name → content (folders as 'dir'), to compare with PREVIOUS and NEXT. */
function contents(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(snapshot(root))) out[key] = key.endsWith('/') ? 'dir' : readFileSync(path.join(root, key), 'utf8');
  return out;
}

/** A previous packet and zip, and the new ones written whole beside them (as staged-folder.ts leaves them before the swap). */
function packetRoot(withPrevious = true) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-journal-'));
  const destination = path.join(root, 'packet-2024-06');
  const zip = path.join(root, 'packet-2024-06.zip');
  if (withPrevious) {
    mkdirSync(destination);
    writeFileSync(path.join(destination, 'old.txt'), 'previous');
    writeFileSync(zip, 'previous zip');
  }
  const staging = path.join(root, '.packet-2024-06.building-0a0a0a0a');
  mkdirSync(staging);
  writeFileSync(path.join(staging, 'new.txt'), 'next');
  const zipTemp = path.join(root, '.packet-2024-06.zip.0b0b0b0b.tmp');
  writeFileSync(zipTemp, 'next zip');
  const installs = [
    { from: staging, to: destination },
    { from: zipTemp, to: zip },
  ];
  return { root, destination, zip, staging, zipTemp, installs };
}

describe('installTogether: the packet folder and its zip', () => {
  it('replaces both, leaving nothing else', async () => {
    const { root, installs } = packetRoot();
    await installTogether(root, installs);
    expect(contents(root)).toEqual(NEXT);
  });

  it('installs both where there were none', async () => {
    const { root, installs } = packetRoot(false);
    await installTogether(root, installs);
    expect(contents(root)).toEqual(NEXT);
  });

  for (const point of ['journal', 'retire packet-2024-06', 'install packet-2024-06', 'install packet-2024-06.zip']) {
    it(`a failure at "${point}" leaves both previous versions and nothing else`, async () => {
      const { root, installs, destination } = packetRoot();
      const error = await withEnv({ ZHENGGAI_FAIL_WRITE: `${point}:EIO` }, () => installTogether(root, installs).catch((e: unknown) => e));
      expect(error).toBeInstanceOf(CannotWrite);
      expect((error as CannotWrite).cause.code).toBe('EIO');
      // The message names a destination, never a hidden temporary name.
      expect([destination, `${destination}.zip`, root]).toContain((error as CannotWrite).target);
      expect(contents(root)).toEqual(PREVIOUS);
    });
  }

  it('a failure removing the journal after the last rename keeps the new versions; the next recovery cleans up', async () => {
    const { root, installs } = packetRoot();
    await withEnv({ ZHENGGAI_FAIL_WRITE: 'commit:EIO' }, () => installTogether(root, installs));
    const names = readdirSync(root);
    expect(names.some((n) => /^\.zhenggai-journal-[0-9a-f]{8}\.json$/.test(n))).toBe(true);
    expect(await recoverJournals(root)).toEqual([expect.objectContaining({ outcome: 'kept-new', destinations: ['packet-2024-06', 'packet-2024-06.zip'] })]);
    expect(contents(root)).toEqual(NEXT);
  });

  it('when undoing fails too: SwapNotUndone, the journal stays, and recovery restores the previous versions', async () => {
    const { root, installs } = packetRoot();
    const error = await withEnv({ ZHENGGAI_FAIL_WRITE: 'install packet-2024-06.zip:ENOSPC,undo:EIO' }, () => installTogether(root, installs).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(SwapNotUndone);
    expect(readdirSync(root).filter((n) => /^\.zhenggai-journal-[0-9a-f]{8}\.json$/.test(n))).toHaveLength(1);
    expect(await recoverJournals(root)).toEqual([expect.objectContaining({ outcome: 'restored-previous' })]);
    expect(contents(root)).toEqual(PREVIOUS);
  });

  it('a file to remove with the change (a zip a run without --zip makes stale) goes only if the change is made', async () => {
    const r = packetRoot();
    const folderOnly = [r.installs[0]!];
    const error = await withEnv({ ZHENGGAI_FAIL_WRITE: 'install packet-2024-06:EIO' }, () => installTogether(r.root, folderOnly, [r.zip]).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(CannotWrite);
    const { 'packet-2024-06.zip': zip, ...rest } = contents(r.root);
    expect(zip).toBe('previous zip');
    expect(rest).toEqual({ 'packet-2024-06/': 'dir', 'packet-2024-06/old.txt': 'previous', '.packet-2024-06.zip.0b0b0b0b.tmp': 'next zip' });
    const again = packetRoot();
    await installTogether(again.root, [again.installs[0]!], [again.zip]);
    expect(contents(again.root)).toEqual({ 'packet-2024-06/': 'dir', 'packet-2024-06/new.txt': 'next', '.packet-2024-06.zip.0b0b0b0b.tmp': 'next zip' });
  });

  it('refuses a file where the folder goes, touching nothing and removing the new versions', async () => {
    const { root, installs, destination } = packetRoot(false);
    writeFileSync(destination, 'a file of the same name');
    const error = await installTogether(root, installs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotWrite);
    expect((error as CannotWrite).target).toBe(destination);
    expect(contents(root)).toEqual({ 'packet-2024-06': 'a file of the same name' });
  });
});

describe('recoverJournals: a run killed after each rename', () => {
  // The renames installTogether makes for a packet with a previous version, in order.
  const steps = (r: ReturnType<typeof packetRoot>) => {
    const retired = path.join(r.root, '.packet-2024-06.old-0c0c0c0c');
    return { retired, renames: [[r.destination, retired], [r.staging, r.destination], [r.zipTemp, r.zip]] as const };
  };
  function killedAfter(count: number) {
    const r = packetRoot();
    const { retired, renames } = steps(r);
    const rel = (p: string) => path.relative(r.root, p);
    writeFileSync(
      path.join(r.root, '.zhenggai-journal-0d0d0d0d.json'),
      JSON.stringify({ version: 1, renames: renames.map(([a, b]) => [rel(a), rel(b)]), newcomers: [rel(r.staging), rel(r.zipTemp)], retired: [rel(retired)] }),
    );
    for (const [from, to] of renames.slice(0, count)) renameSync(from, to);
    return r;
  }

  const expected: Array<[number, string, Record<string, string>]> = [
    [0, 'no rename made: the previous versions stay', PREVIOUS],
    [1, 'the previous folder moved aside, no packet folder: it is put back', PREVIOUS],
    [2, 'the new folder in, the zip not yet: the folder is undone, so both are previous', PREVIOUS],
    [3, 'the last rename made: both new versions stay', NEXT],
  ];
  for (const [count, what, state] of expected) {
    it(`${count} of 3 renames: ${what}`, async () => {
      const { root } = killedAfter(count);
      const recovered = await recoverJournals(root);
      expect(recovered).toHaveLength(1);
      expect(recovered[0]!.outcome).toBe(count === 3 ? 'kept-new' : 'restored-previous');
      expect(contents(root)).toEqual(state);
      // Run again (as after a kill during recovery): nothing more to do.
      expect(await recoverJournals(root)).toEqual([]);
      expect(contents(root)).toEqual(state);
    });
  }

  it('a recovery itself killed after its first undo is finished by the next one', async () => {
    const r = killedAfter(2);
    // The first undo of the recovery: the new folder back to its staging name.
    renameSync(r.destination, r.staging);
    expect(await recoverJournals(r.root)).toEqual([expect.objectContaining({ outcome: 'restored-previous' })]);
    expect(contents(r.root)).toEqual(PREVIOUS);
  });
});

describe('writeFilesTogether', () => {
  function outputs() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-together-'));
    mkdirSync(path.join(root, '2024-06'));
    writeFileSync(path.join(root, '2024-06', 'report.docx'), 'report v1');
    writeFileSync(path.join(root, '2024-06', 'ledger.xlsx'), 'ledger v1');
    const files = [
      { path: path.join(root, '2024-06', 'report.docx'), data: 'report v2' },
      { path: path.join(root, '2024-06', 'ledger.xlsx'), data: 'ledger v2' },
      { path: path.join(root, 'forms', 'unit.xlsx'), data: 'form v2' },
    ];
    return { root, files };
  }
  const V1 = { '2024-06/': 'dir', '2024-06/report.docx': 'report v1', '2024-06/ledger.xlsx': 'ledger v1' };

  it('writes all, in new folders too, leaving nothing else', async () => {
    const { root, files } = outputs();
    await writeFilesTogether(root, files);
    expect(contents(root)).toEqual({ '2024-06/': 'dir', '2024-06/report.docx': 'report v2', '2024-06/ledger.xlsx': 'ledger v2', 'forms/': 'dir', 'forms/unit.xlsx': 'form v2' });
  });

  for (const [point, code] of [
    ['temp ledger.xlsx', 'ENOSPC'],
    ['journal', 'EDQUOT'],
    ['retire ledger.xlsx', 'EACCES'],
    ['install ledger.xlsx', 'EPERM'],
    ['install unit.xlsx', 'EIO'],
  ] as const) {
    it(`a failure at "${point}" (${code}) leaves every previous file and no other`, async () => {
      const { root, files } = outputs();
      const error = await withEnv({ ZHENGGAI_FAIL_WRITE: `${point}:${code}` }, () => writeFilesTogether(root, files).catch((e: unknown) => e));
      expect(error).toBeInstanceOf(CannotWrite);
      expect((error as CannotWrite).cause.code).toBe(code);
      // Folders made for the new files may stay (empty); files never do.
      const state = contents(root);
      delete state['forms/'];
      expect(state).toEqual(V1);
    });
  }

  it('a symbolic link where a file goes is replaced like a file (as a rename does), the file it pointed to untouched', async () => {
    const { root, files } = outputs();
    const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-elsewhere-')), 'ledger.xlsx');
    writeFileSync(elsewhere, 'somebody else’s');
    rmSync(files[1]!.path);
    symlinkSync(elsewhere, files[1]!.path);
    await writeFilesTogether(root, files);
    expect(readFileSync(files[1]!.path, 'utf8')).toBe('ledger v2');
    expect(lstatSync(files[1]!.path).isSymbolicLink()).toBe(false);
    expect(readFileSync(elsewhere, 'utf8')).toBe('somebody else’s');
  });

  it('refuses a folder where a file goes before writing any of them', async () => {
    const { root, files } = outputs();
    mkdirSync(path.join(root, 'forms', 'unit.xlsx'), { recursive: true });
    const error = await writeFilesTogether(root, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotWrite);
    expect((error as CannotWrite).target).toBe(files[2]!.path);
    expect((error as CannotWrite).cause.code).toBe('EISDIR');
    expect(contents(root)).toEqual({ ...V1, 'forms/': 'dir', 'forms/unit.xlsx/': 'dir' });
  });
});
