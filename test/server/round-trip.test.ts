// Plan folder → server → plan folder (issue 15): imported as a zip or as a
// folder chosen in the browser, exported unchanged byte for byte; the
// exported folder passes `zhenggai check` with the diagnostics the check
// page lists; every download equals the CLI's document from that folder.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { planFolderZip } from '../../src/documents/plan-archive.js';
import { readFolderFiles } from '../../src/server/folder-files.js';
import { runCli } from '../cli/run.js';
import { describeWithTools } from '../helpers/tools.js';
import { BUNDLED, postMultipart, signedIn, startHarness, type Client, type Harness } from './harness.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));

/** path → bytes as hex digests would compare, but keeping bytes for a readable diff of names. */
function byPath(files: readonly { path: string; data: Uint8Array }[]): Map<string, Buffer> {
  return new Map(files.map((f) => [f.path, Buffer.from(f.data)]));
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, data] of expected) expect(actual.get(name)!.equals(data), name).toBe(true);
}

/** The export of plan `id` as files relative to the plan folder (the zip holds <name>/…). */
async function exported(client: Client, id: number, name: string): Promise<Map<string, Buffer>> {
  const response = await client.request('GET', `/plans/${id}/export`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(response.rawPayload));
  const prefix = `${name}/`;
  expect(Object.keys(entries).every((k) => k.startsWith(prefix))).toBe(true);
  return new Map(Object.entries(entries).map(([k, v]) => [k.slice(prefix.length), Buffer.from(v)]));
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

describeWithTools(['better-sqlite3'], 'plan folder round trip and downloads', () => {
  let harness: Harness;
  let office: Client;
  let original: Map<string, Buffer>;
  let exportDir: string;
  beforeAll(async () => {
    harness = await startHarness();
    office = await signedIn(harness.app, 'office');
    original = byPath(await readFolderFiles(BUNDLED));
    // The harness imported the bundled plan as plan 1; export it to disk for the CLI.
    exportDir = path.join(tmp('export'), 'guanyang-2022');
    for (const [name, data] of await exported(office, harness.planId, 'guanyang-2022')) {
      mkdirSync(path.dirname(path.join(exportDir, name)), { recursive: true });
      writeFileSync(path.join(exportDir, name), data);
    }
  });
  afterAll(async () => harness?.close());

  it('imports a zipped plan folder over HTTP and exports the same files, byte for byte', async () => {
    const zip = planFolderZip([...original].map(([p, data]) => ({ path: `guanyang-2022/${p}`, data })), '2023-11-30');
    const response = await postMultipart(office, '/plans/import', { name: 'copy-zip' }, [{ field: 'archive', filename: 'guanyang-2022.zip', data: zip }]);
    expect(response.statusCode).toBe(302);
    const id = Number(/^\/plans\/(\d+)$/.exec(String(response.headers.location))?.[1]);
    expectSameFiles(await exported(office, id, 'copy-zip'), original);
  });

  it('imports a folder chosen in the browser (files named by their path in it) and exports it unchanged', async () => {
    const files = [...original].map(([p, data]) => ({ field: 'folder', filename: `guanyang-2022/${p}`, data }));
    const response = await postMultipart(office, '/plans/import', { name: 'copy-folder' }, files);
    expect(response.statusCode).toBe(302);
    const id = Number(/^\/plans\/(\d+)$/.exec(String(response.headers.location))?.[1]);
    expectSameFiles(await exported(office, id, 'copy-folder'), original);
  });

  it('exports the imported plan unchanged, and the exported folder passes zhenggai check with the check page’s diagnostics', async () => {
    expectSameFiles(byPath(await readFolderFiles(exportDir)), original);
    const cli = await runCli(['check', exportDir]);
    expect(cli.exit).toBe(0);
    const parent = `${path.dirname(exportDir)}/`;
    const cliLines = cli.out.split('\n').map((l) => l.split(parent).join(''));
    const page = await office.request('GET', `/plans/${harness.planId}/check`);
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const pageLines = [...page.body.matchAll(/<code class="diagnostic">([^<]*)<\/code>/g)].map((m) => decode(m[1]!));
    const summary = decode(/<p class="summary">([^<]*)<\/p>/.exec(page.body)![1]!);
    expect([...pageLines, summary]).toEqual(cliLines);
    // The bundled plan has warnings (sample data), so the comparison compares something.
    expect(pageLines.length).toBeGreaterThan(0);
  });

  it('refuses a plan folder with an error, listing what zhenggai check lists, and stores nothing', async () => {
    const plan = JSON.parse(original.get('plan.json')!.toString('utf8')) as { problems: { number: number }[] };
    plan.problems[1]!.number = plan.problems[0]!.number;
    const broken = [...original].map(([p, data]) => ({ field: 'folder', filename: `broken/${p}`, data: p === 'plan.json' ? Buffer.from(JSON.stringify(plan, null, 2)) : data }));
    const before = await harness.db.selectFrom('plans').select('id').execute();
    const response = await postMultipart(office, '/plans/import', {}, broken);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('无法导入');
    expect(response.body).toContain('broken/plan.json:');
    expect(await harness.db.selectFrom('plans').select('id').execute()).toEqual(before);
  });

  it('refuses a zip whose paths leave the folder', async () => {
    const zip = planFolderZip([{ path: 'x/plan.json', data: original.get('plan.json')! }, { path: 'x/../../evil.txt', data: Buffer.from('x') }], '2023-11-30');
    const response = await postMultipart(office, '/plans/import', { name: 'evil' }, [{ field: 'archive', filename: 'evil.zip', data: zip }]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('指向文件夹以外');
  });

  it('serves every document byte-identical to the CLI’s on the exported folder', async () => {
    const out = tmp('cli-out');
    const commands = [
      ['table', exportDir, '--type', 'both'],
      ['notice', exportDir],
      ['report', exportDir, '--period', '2023-11'],
      ['closure-forms', exportDir, '--period', '2023-11'],
      ['forms', exportDir, '--period', '2023-11'],
      ['packet', exportDir, '--period', '2023-11', '--zip'],
    ];
    for (const args of commands) expect((await runCli([...args, '--out', out])).exit, args.join(' ')).toBe(0);
    const root = path.join(out, 'guanyang-2022');
    const cliFiles = listFiles(root).filter((f) => !f.startsWith('packet-2023-11/'));
    const downloads = new Map<string, Buffer>();
    const kinds = [['table', ''], ['notice', ''], ['report', '2023-11'], ['closure-forms', '2023-11'], ['forms', '2023-11'], ['packet', '2023-11']];
    for (const [kind, period] of kinds) {
      const url = `/plans/${harness.planId}/documents/${kind}${period ? `?period=${period}` : ''}`;
      const first = await office.request('GET', url);
      expect(first.statusCode, url).toBe(200);
      if (first.headers['content-type']!.startsWith('text/html')) {
        const links = [...first.body.matchAll(/<a href="([^"]+file=\d+)">([^<]+)<\/a>/g)];
        expect(links.length, url).toBeGreaterThan(1);
        for (const [, href, name] of links) downloads.set(name!, Buffer.from((await office.request('GET', href!.replace(/&amp;/g, '&'))).rawPayload));
      } else {
        const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(first.headers['content-disposition']))![1]!);
        downloads.set(name, Buffer.from(first.rawPayload));
      }
    }
    expect([...downloads.keys()].sort()).toEqual(cliFiles.map((f) => path.basename(f)).sort());
    for (const file of cliFiles) expect(downloads.get(path.basename(file))!.equals(readFileSync(path.join(root, file))), file).toBe(true);
  });
});
