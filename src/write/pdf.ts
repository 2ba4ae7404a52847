// PDF through LibreOffice. One soffice launch converts every file of a
// command (it costs about 2.4 s a launch, docs/format.md#library-facts), in a profile of its own so parallel runs
// and a clerk's open LibreOffice do not collide, with fontconfig pointed at
// fonts/fonts.conf so the official font names render with free faces.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { faultPoint } from './faults.js';
import { JOB_FILES, jobList, macroArgument, prepareProfile, type JobEntry } from './soffice-job.js';
import { constants } from 'node:fs';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeFolders } from './make-folders.js';

/** LibreOffice is missing: the caller decides whether that is an error or a skipped step. */
export class SofficeNotFoundError extends Error {
  override readonly name = 'SofficeNotFoundError';
  constructor() {
    super(
      '未找到 LibreOffice（soffice），无法生成 PDF。请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui，或设置环境变量 SOFFICE 指向 soffice。' +
        ' / LibreOffice (soffice) not found, so no PDF can be made: install libreoffice-writer-nogui and libreoffice-calc-nogui, or set SOFFICE to the soffice binary.',
    );
  }
}

/** LibreOffice ran but did not give every PDF. */
export class PdfConversionError extends Error {
  override readonly name = 'PdfConversionError';
  constructor(
    message: string,
    readonly missing: readonly string[],
    readonly output: string,
  ) {
    super(message);
  }
}

/** The fontconfig file with the official-name aliases, found from this module's place in the package. */
export function fontsConfPath(): string {
  // src/write/pdf.ts and dist/write/pdf.js are both two levels under the package root.
  return fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url));
}

const CANDIDATES = ['soffice', 'libreoffice'];
/** Where installers put soffice when it is not on PATH. */
export const SOFFICE_INSTALL_PLACES: readonly string[] = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

/**
 * The soffice binary: $SOFFICE, else soffice/libreoffice on PATH, else the
 * usual install places; undefined when none. An explicit $SOFFICE is the only
 * place looked at, so SOFFICE=none turns PDF conversion off.
 */
export async function findSoffice(
  env: NodeJS.ProcessEnv = process.env,
  installPlaces: readonly string[] = SOFFICE_INSTALL_PLACES,
): Promise<string | undefined> {
  if (env.SOFFICE) return (await isExecutable(env.SOFFICE)) ? env.SOFFICE : undefined;
  const places = [
    ...(env.SOFFICE ? [env.SOFFICE] : []),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => CANDIDATES.map((name) => join(dir, name))),
    ...installPlaces,
  ];
  for (const place of places) {
    if (await isExecutable(place)) return place;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ConvertOptions {
  /** soffice to run; found with findSoffice when omitted. */
  readonly soffice?: string;
  /** Where to look for soffice when `soffice` is not given (for tests and odd installs). */
  readonly search?: { readonly env: NodeJS.ProcessEnv; readonly installPlaces: readonly string[] };
  /** Where the throw-away LibreOffice profile goes (the system temp folder by default). */
  readonly tempDir?: string;
  /** Give up after this long (ms); LibreOffice can hang on a broken file. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 300_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const POLL_MS = 25;

/**
 * Files made once the first PDFs exist, converted in the same LibreOffice
 * launch: called with the first PDFs' paths (in the order of the files),
 * returns the further files to convert (none: an empty list).
 */
export type ThenConvert = (pdfs: readonly string[]) => Promise<readonly string[]>;

/**
 * Convert files (docx, xlsx, …) to PDF in `outDir` with one LibreOffice
 * launch, and then, in the same launch, the files `then` returns (see
 * soffice-job.ts for why one launch). Returns the PDF paths in the order of
 * `files` followed by those of `then`'s files. Two inputs with the same base
 * name would overwrite each other's PDF and are refused. Throws
 * SofficeNotFoundError without LibreOffice, PdfConversionError when it fails
 * or leaves a PDF unmade, and whatever `then` throws (LibreOffice is let quit
 * first).
 */
export async function convertToPdf(files: readonly string[], outDir: string, options: ConvertOptions = {}, then?: ThenConvert): Promise<string[]> {
  if (files.length === 0 && then === undefined) return [];
  const pdfOf = (f: string) => join(resolve(outDir), `${basename(f, extname(f))}.pdf`);
  const firstPdfs = files.map(pdfOf);
  if (new Set(firstPdfs).size !== firstPdfs.length) throw new Error('convertToPdf: two inputs share a base name and would give the same PDF');
  const soffice = options.soffice ?? (await findSoffice(options.search?.env, options.search?.installPlaces));
  if (soffice === undefined) throw new SofficeNotFoundError();
  await makeFolders(outDir);
  // The process id in the name lets a later run sweep the profile if this one is killed (sweep.ts).
  const profile = join(options.tempDir ?? tmpdir(), `zhenggai-lo-${process.pid}-${randomBytes(8).toString('hex')}`);
  const taken = new Set<string>();
  const entries = async (inputs: readonly string[]): Promise<JobEntry[]> => {
    const pdfs = inputs.map(pdfOf);
    for (const pdf of pdfs) {
      if (taken.has(pdf)) throw new Error('convertToPdf: two inputs share a base name and would give the same PDF');
      taken.add(pdf);
    }
    await Promise.all(pdfs.map((p) => rm(p, { force: true })));
    const keep = await Promise.all(inputs.map(startsSectionOnParityPage));
    return inputs.map((input, i) => ({ input: resolve(input), output: pdfs[i]!, keepBlankPages: keep[i]! }));
  };
  try {
    const first = await entries(files);
    const job = await prepareProfile(profile);
    await writeFile(join(job, JOB_FILES.first), jobList(first));
    const launch = run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', macroArgument(job)], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let next: JobEntry[] = [];
    try {
      if (then !== undefined && (await firstDone(join(job, JOB_FILES.firstDone), launch))) {
        next = await entries(await then(first.map((e) => e.output)));
      }
    } finally {
      // Written whole under another name and renamed, so the macro never reads half a list; an empty list lets it quit.
      await writeFile(join(job, `${JOB_FILES.next}.tmp`), jobList(next));
      await rename(join(job, `${JOB_FILES.next}.tmp`), join(job, JOB_FILES.next));
    }
    const { output, failed } = await launch.exited;
    const basicError = await readFile(join(job, JOB_FILES.error), 'utf8').catch(() => '');
    const pdfs = [...first, ...next].map((e) => e.output);
    const missing = (await Promise.all(pdfs.map(async (p) => ((await isReadable(p)) ? undefined : p)))).filter((p): p is string => p !== undefined);
    if (failed !== undefined) throw new PdfConversionError(`LibreOffice 转换失败 / LibreOffice failed: ${failed}`, missing, output + basicError);
    if (missing.length > 0) {
      throw new PdfConversionError(`LibreOffice 未能生成 ${missing.length} 个 PDF / LibreOffice did not produce: ${missing.join(', ')}`, missing, output + basicError);
    }
    return pdfs;
  } finally {
    await faultPoint(`cleanup ${basename(profile)}`, 'rm', profile);
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Whether a document starts a section on an even (or odd) page — the blank
 * page before a 版记, which must stand on an even page (GB/T 9704 §7.4).
 * LibreOffice's PDF export drops pages it inserted itself to start such a
 * section, so these documents are exported with IsSkipEmptyPages off; others
 * keep LibreOffice's default, as before (off for all would also keep blank
 * pages LibreOffice inserts where page numbering restarts on an even page).
 */
async function startsSectionOnParityPage(file: string): Promise<boolean> {
  if (extname(file).toLowerCase() !== '.docx') return false;
  try {
    // Loaded only when converting: fflate is no part of a command without --pdf.
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(await readFile(file), { filter: (entry) => entry.name === 'word/document.xml' });
    const xml = new TextDecoder().decode(parts['word/document.xml'] ?? new Uint8Array());
    return /<w:type w:val="(evenPage|oddPage)"\/>/.test(xml);
  } catch {
    return false;
  }
}

/** True once the macro has marked the first list done; false when LibreOffice quit before. */
async function firstDone(marker: string, launch: Launch): Promise<boolean> {
  for (;;) {
    if (await isReadable(marker)) return true;
    if (launch.done) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

interface Launch {
  /** Set once the process has exited. */
  readonly done: boolean;
  /** Its output, and the failure when it exited with an error or was killed. */
  readonly exited: Promise<{ output: string; failed?: string }>;
}

function run(command: string, args: string[], timeoutMs: number): Launch {
  const env = { ...process.env, FONTCONFIG_FILE: fontsConfPath() };
  let done = false;
  const exited = new Promise<{ output: string; failed?: string }>((resolvePromise) => {
    execFile(command, args, { env, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES }, (error, stdout, stderr) => {
      done = true;
      const output = `${stdout}${stderr}`;
      resolvePromise(error ? { output, failed: error.message } : { output });
    });
  });
  return {
    get done() {
      return done;
    },
    exited,
  };
}

async function isReadable(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
