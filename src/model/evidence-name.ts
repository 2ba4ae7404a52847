// Evidence names as the clerk sees them (docs/domain.md#evidence). A progress
// file names a file under evidence/ by a path typed by hand or pasted from
// somewhere; the name on disk may have come from a Mac (NFD), a zip, a phone.
// Names that look the same to the clerk are the same file when exactly one
// file matches: the differences that are invisible or meaningless — Unicode
// normalisation form, a leading "./", spaces at either end of a name, a
// backslash or a full-width slash for "/", a doubled slash — are ignored, and
// the caller says how the names differ. Pure: the listing of evidence/ is given.

/** One way a reference and a file name may differ and still mean the same file. */
export type EvidenceNameDifference = 'unicode' | 'dot-segment' | 'spaces' | 'fullwidth-slash' | 'empty-segment';

/** How each difference is described to the clerk (after “写法不同：”). */
export const EVIDENCE_NAME_DIFFERENCES: Readonly<Record<EvidenceNameDifference, string>> = {
  unicode: 'Unicode 规范化形式不同（看起来相同的字编码不同，如 NFC 与 NFD，常见于从苹果电脑拷贝的文件名）',
  'dot-segment': '多了表示当前文件夹的“./”',
  spaces: '名称开头或末尾的空格不同',
  'fullwidth-slash': '用了全角斜杠“／”代替“/”',
  'empty-segment': '有连续的斜杠“//”',
};

type Step = (segments: string[]) => string[];

/** The normalisation, one step a difference; a backslash is always a slash (docs/domain.md#evidence). */
const STEPS: ReadonlyArray<readonly [EvidenceNameDifference, Step]> = [
  ['unicode', (s) => s.map((x) => x.normalize('NFC'))],
  ['spaces', (s) => s.map((x) => x.trim())],
  ['dot-segment', (s) => s.filter((x) => x !== '.')],
  ['empty-segment', (s) => s.filter((x) => x !== '')],
];

function segments(path: string, fullwidthSlash: boolean): string[] {
  const slashes = fullwidthSlash ? /[\\／]/g : /\\/g;
  return path.replace(slashes, '/').split('/');
}

function keyWithout(path: string, skip: EvidenceNameDifference | undefined): string {
  let parts = segments(path, skip !== 'fullwidth-slash');
  for (const [name, step] of STEPS) if (name !== skip) parts = step(parts);
  return parts.join('/');
}

/** The name with every ignorable difference taken out: two names with the same key look the same to the clerk. */
export function evidenceNameKey(path: string): string {
  return keyWithout(path, undefined);
}

/** The ways `a` and `b` (with equal keys) differ: each difference whose step alone, left out, keeps their keys apart. */
export function evidenceNameDifferences(a: string, b: string): EvidenceNameDifference[] {
  const all: EvidenceNameDifference[] = ['unicode', 'spaces', 'dot-segment', 'fullwidth-slash', 'empty-segment'];
  return all.filter((d) => keyWithout(a, d) !== keyWithout(b, d));
}

/** The differences in words, joined for a message; a generic phrase when no single difference explains them. */
export function describeEvidenceNameDifferences(a: string, b: string): string {
  const found = evidenceNameDifferences(a, b);
  return found.length === 0 ? '写法略有不同' : found.map((d) => EVIDENCE_NAME_DIFFERENCES[d]).join('；');
}

/** A reference with its path typed with backslashes read as slashes: how the file is named when it matches exactly. */
export function evidenceReferencePath(reference: string): string {
  return reference.replaceAll('\\', '/');
}

/** Whether a reference leads outside evidence/: an absolute path, or a ".." among its names (however spaced). */
export function evidenceLeavesFolder(reference: string): boolean {
  const path = evidenceReferencePath(reference);
  return path.startsWith('/') || segments(path, true).some((s) => s.normalize('NFC').trim() === '..');
}

/** What a reference names among the files of evidence/. */
export type EvidenceMatch =
  /** The file of that exact name (backslashes read as slashes). */
  | { readonly kind: 'exact'; readonly path: string }
  /** The one file whose name differs only in ways the clerk cannot see; `differences` says how. */
  | { readonly kind: 'similar'; readonly path: string; readonly differences: EvidenceNameDifference[] }
  /** Several files match after normalisation: which one is meant cannot be told. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  /** No file; `near` lists files the clerk may have meant: the same name in other letter case, or in another folder. */
  | { readonly kind: 'missing'; readonly path: string; readonly near: readonly string[] }
  | { readonly kind: 'outside' };

const indexes = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** Files by key, computed once per listing. */
function indexOf(files: ReadonlySet<string>): Map<string, string[]> {
  let index = indexes.get(files);
  if (!index) {
    index = new Map();
    for (const file of files) {
      const key = evidenceNameKey(file);
      const list = index.get(key);
      if (list) list.push(file);
      else index.set(key, [file]);
    }
    indexes.set(files, index);
  }
  return index;
}

/**
 * The file of evidence/ a progress file's reference names: the exact name if
 * there is one, else the one file whose name has the same key; ambiguous when
 * several do, missing when none does, outside when the path leaves the folder.
 */
export function matchEvidence(reference: string, files: ReadonlySet<string>): EvidenceMatch {
  if (evidenceLeavesFolder(reference)) return { kind: 'outside' };
  const path = evidenceReferencePath(reference);
  if (files.has(path)) return { kind: 'exact', path };
  const candidates = indexOf(files).get(evidenceNameKey(path)) ?? [];
  if (candidates.length === 1) return { kind: 'similar', path: candidates[0]!, differences: evidenceNameDifferences(path, candidates[0]!) };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  return { kind: 'missing', path, near: nearNames(path, files) };
}

/**
 * At most three files whose key differs from the reference's only in letter
 * case, or whose last name is the same — in any letter case, or once the
 * file's extension is left off when the reference has none (Windows Explorer
 * hides extensions: a unit types 项目公示公告台账 for 项目公示公告台账.pdf).
 */
function nearNames(path: string, files: ReadonlySet<string>): string[] {
  const key = evidenceNameKey(path);
  const lower = key.toLowerCase();
  const base = key.split('/').at(-1)!.toLowerCase();
  const hasExtension = /\.[^./]+$/.test(base);
  const near: string[] = [];
  for (const [fileKey, names] of indexOf(files)) {
    const last = fileKey.split('/').at(-1)!.toLowerCase();
    if (fileKey.toLowerCase() === lower || last === base || (!hasExtension && last.replace(/\.[^./]+$/, '') === base)) near.push(...names);
    if (near.length >= 3) break;
  }
  return near.slice(0, 3);
}

/** “（evidence/ 中有名称相近的文件：“…”，请核对…）” for a missing reference, or '' when there is none near. */
export function nearNamesNote(near: readonly string[]): string {
  return near.length === 0 ? '' : `（evidence/ 中有名称相近的文件：${near.map((n) => `“${n}”`).join('、')}，请核对大小写、扩展名和文件夹）`;
}

/** The file on disk a reference names when it names exactly one; the reference itself (slashes read) otherwise. */
export function evidencePathOnDisk(reference: string, files: ReadonlySet<string>): string {
  const match = matchEvidence(reference, files);
  return match.kind === 'exact' || match.kind === 'similar' ? match.path : evidenceReferencePath(reference);
}

/**
 * Whether a folder under evidence/ is a problem's own, named by its shown
 * number (model/numbering.ts): 07 or 7 for problem 7 of a plan numbered
 * plan-wide, 二-3 for one numbered per category.
 */
export function isProblemEvidenceFolder(folder: string, shownNumber: string): boolean {
  if (/^\d+$/.test(folder) && /^\d+$/.test(shownNumber)) return Number(folder) === Number(shownNumber);
  return folder.normalize('NFC').replace(/\s+/g, '') === shownNumber.normalize('NFC').replace(/\s+/g, '');
}

/** The name of a new evidence folder for a problem: its number with two digits (07), or its shown number (二-3). */
export function problemEvidenceFolderName(shownNumber: string): string {
  return /^\d+$/.test(shownNumber) ? shownNumber.padStart(2, '0') : shownNumber.replace(/\s+/g, '');
}
