import { TextRun, type IRunOptions } from 'docx';

/**
 * Runs for text that may hold newlines: each newline becomes a line break
 * (<w:br/>) — written raw inside <w:t>, Word would show it as a space.
 */
export function runsWithBreaks(text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'>): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
