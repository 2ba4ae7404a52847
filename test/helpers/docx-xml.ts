// Reading a docx's document.xml in tests: paragraphs, runs and their faces
// and sizes, elements' attributes, sections (the GB/T 9704 checks of
// test/render/official-document.test.ts and the roll-up report's share them).

export const paragraphs = (xml: string) => [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
export const textOf = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
/** The first paragraph whose text starts with `start` (or is exactly `start`, with `exact`). */
export function paragraph(xml: string, start: string, exact = false): string {
  const found = paragraphs(xml).find((p) => (exact ? textOf(p) === start : textOf(p).startsWith(start)));
  if (found === undefined) throw new Error(`no paragraph starts with ${start}`);
  return found;
}
export const runs = (p: string) => [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
export const eastAsia = (run: string) => /w:eastAsia="([^"]+)"/.exec(run)?.[1];
export const size = (run: string) => /<w:sz w:val="(\d+)"\/>/.exec(run)?.[1];
export const attrs = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element}\\b([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
export const sections = (xml: string) => [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
