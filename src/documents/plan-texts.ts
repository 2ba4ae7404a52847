// A plan held as texts (a server's database, not a folder): the same load and
// the same check rules as `zhenggai check`, so the server shows the CLI's
// diagnostics and its pipelines get the same PlanData.

import { runRules } from '../check/run.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { assemblePlanFolder } from '../load/plan-folder.js';
import { decodeUtf8Text } from '../formats/text.js';
import type { FolderFile } from './plan-archive.js';
import type { PlanData } from './pipeline.js';

/** A plan folder's JSON as texts: plan.json and each progress/<period>.json. */
export interface PlanTexts {
  /** The folder's name (out/<name>/, the exported folder). */
  name: string;
  planText: string;
  progress: readonly { period: string; text: string }[];
  /** Paths under evidence/, forward slashes. */
  evidenceFiles: ReadonlySet<string>;
}

/** What checking texts gives: the data when plan.json loaded, and every diagnostic sorted as `check` sorts them. */
export interface CheckedTexts {
  data?: PlanData;
  diagnostics: Diagnostic[];
}

/**
 * Load and check plan texts as `zhenggai check <name>` checks the folder
 * they came from: diagnostics name `<name>/plan.json` and
 * `<name>/progress/<period>.json`. `data` is present whenever plan.json
 * loaded, errors or not; callers refuse to make documents when
 * `diagnostics` has an error (as loadCheckedFolder does).
 */
export function checkPlanTexts(texts: PlanTexts): CheckedTexts {
  const loaded = assemblePlanFolder({
    dir: texts.name,
    plan: { file: `${texts.name}/plan.json`, text: texts.planText },
    progress: texts.progress.map((p) => ({ file: `${texts.name}/progress/${p.period}.json`, text: p.text })),
    evidenceFiles: texts.evidenceFiles,
  });
  const rules = loaded.folder ? runRules(loaded.folder) : [];
  return { ...(loaded.folder ? { data: loaded.folder } : {}), diagnostics: sortDiagnostics([...loaded.diagnostics, ...rules]) };
}

/** A progress file's place in a plan folder: progress/<anything>.json (the loader names what is wrong with <anything>). */
const PROGRESS_PATH = /^progress\/([^/]+)\.json$/;

/** A plan folder's files sorted into its JSON texts and everything else (evidence, README.md, …). */
export interface SortedFolder {
  texts?: PlanTexts;
  /** Files that are neither plan.json nor progress/*.json, kept as they are. */
  others: readonly FolderFile[];
  /** Files that are not UTF-8, with their place, as `check` reports them; and a missing plan.json. */
  diagnostics: Diagnostic[];
}

/**
 * Sort the files of a plan folder named `name` (paths relative to it) into
 * plan.json and progress texts, decoded as strictly as the CLI decodes them
 * (formats/text.ts), and the other files. Paths under evidence/ become
 * `evidenceFiles`.
 */
export function sortFolderFiles(name: string, files: readonly FolderFile[]): SortedFolder {
  const diagnostics: Diagnostic[] = [];
  const decode = (file: FolderFile): string | undefined => {
    const decoded = decodeUtf8Text(file.data);
    if (decoded.ok) return decoded.text;
    const { line, column, message } = decoded.problem;
    diagnostics.push({ file: `${name}/${file.path}`, line, column, ruleId: 'encoding', severity: 'error', message });
    return undefined;
  };
  let planText: string | undefined;
  const progress: { period: string; text: string }[] = [];
  const others: FolderFile[] = [];
  for (const file of files) {
    const period = PROGRESS_PATH.exec(file.path)?.[1];
    if (file.path === 'plan.json') planText = decode(file);
    else if (period !== undefined) {
      const text = decode(file);
      if (text !== undefined) progress.push({ period, text });
    } else others.push(file);
  }
  if (planText === undefined) {
    if (!diagnostics.some((d) => d.file === `${name}/plan.json`)) diagnostics.push({ file: `${name}/plan.json`, ruleId: 'file', severity: 'error', message: '文件不存在' });
    return { others, diagnostics };
  }
  const evidenceFiles = new Set(others.filter((f) => f.path.startsWith('evidence/')).map((f) => f.path.slice('evidence/'.length)));
  return { texts: { name, planText, progress, evidenceFiles }, others, diagnostics };
}
