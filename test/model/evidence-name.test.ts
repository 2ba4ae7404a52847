// Evidence names that look the same to the clerk (issue 13, kind 8). Names
// are written here with explicit escapes where the difference is invisible.
import { describe, expect, it } from 'vitest';
import { evidenceLeavesFolder, evidenceNameDifferences, evidenceNameKey, evidencePathOnDisk, matchEvidence } from '../../src/model/evidence-name.js';

const NFC = 'L\u01DA村.png'; // ǚ as one character
const NFD = 'Lu\u0308\u030C村.png'; // u + diaeresis + caron
const 韩NFC = '\uD55C글.pdf'; // Hangul syllable
const 韩NFD = '\u1112\u1161\u11AB글.pdf';

describe('evidence names', () => {
  it('are the same key when they differ only invisibly', () => {
    expect(NFC).not.toBe(NFD);
    expect(evidenceNameKey(`02/${NFD}`)).toBe(`02/${NFC}`);
    expect(evidenceNameKey(`02/${韩NFD}`)).toBe(`02/${韩NFC}`);
    expect(evidenceNameKey('./02/照片.png')).toBe('02/照片.png');
    expect(evidenceNameKey('02/./照片.png')).toBe('02/照片.png');
    expect(evidenceNameKey(' 02 / 照片.png ')).toBe('02/照片.png');
    expect(evidenceNameKey('02\u3000/照片.png')).toBe('02/照片.png');
    expect(evidenceNameKey('02\\照片.png')).toBe('02/照片.png');
    expect(evidenceNameKey('02／照片.png')).toBe('02/照片.png');
    expect(evidenceNameKey('02//照片.png')).toBe('02/照片.png');
  });
  it('keep what the clerk can see: case, inner spaces, full-width letters', () => {
    expect(evidenceNameKey('02/Photo.PNG')).not.toBe(evidenceNameKey('02/photo.png'));
    expect(evidenceNameKey('02/验收 照片.png')).not.toBe(evidenceNameKey('02/验收照片.png'));
    expect(evidenceNameKey('02/照片１.png')).not.toBe(evidenceNameKey('02/照片1.png'));
  });
  it('say how they differ', () => {
    expect(evidenceNameDifferences(`02/${NFC}`, `02/${NFD}`)).toEqual(['unicode']);
    expect(evidenceNameDifferences('./02/a.png', '02/a.png')).toEqual(['dot-segment']);
    expect(evidenceNameDifferences('02/a.png', '02/a.png ')).toEqual(['spaces']);
    expect(evidenceNameDifferences('02／a.png', '02/a.png')).toEqual(['fullwidth-slash']);
    expect(evidenceNameDifferences(`./02／${NFC}`, `02/${NFD} `)).toEqual(['unicode', 'spaces', 'dot-segment', 'fullwidth-slash']);
  });
  it('never leave evidence/, however the ".." is spelt', () => {
    for (const bad of ['../plan.json', '..\\plan.json', '02/../../x', '/etc/passwd', '\\etc\\passwd', ' .. /x', '..／plan.json']) expect(evidenceLeavesFolder(bad), bad).toBe(true);
    for (const good of ['02/a.png', './02/a.png', '02/..a.png', '02/a..png']) expect(evidenceLeavesFolder(good), good).toBe(false);
  });
});

describe('matchEvidence', () => {
  const files = new Set([`02/${NFD}`, '02/末尾空格.png ', '02/照片.png', '03/甲.txt', '03/甲.txt\u3000', '04/乙.pdf']);
  it('takes the exact name first, backslashes read as slashes', () => {
    expect(matchEvidence('02/照片.png', files)).toEqual({ kind: 'exact', path: '02/照片.png' });
    expect(matchEvidence('02\\照片.png', files)).toEqual({ kind: 'exact', path: '02/照片.png' });
    // Exact wins even when another file looks the same.
    expect(matchEvidence('03/甲.txt', files)).toEqual({ kind: 'exact', path: '03/甲.txt' });
  });
  it('finds the one file that differs only invisibly, saying how', () => {
    expect(matchEvidence(`02/${NFC}`, files)).toEqual({ kind: 'similar', path: `02/${NFD}`, differences: ['unicode'] });
    expect(matchEvidence('02/末尾空格.png', files)).toEqual({ kind: 'similar', path: '02/末尾空格.png ', differences: ['spaces'] });
    expect(matchEvidence('./04/乙.pdf', files)).toEqual({ kind: 'similar', path: '04/乙.pdf', differences: ['dot-segment'] });
    expect(matchEvidence('04／乙.pdf', files)).toEqual({ kind: 'similar', path: '04/乙.pdf', differences: ['fullwidth-slash'] });
  });
  it('is ambiguous when several files match, missing when none does', () => {
    expect(matchEvidence('./03/甲.txt', files)).toEqual({ kind: 'ambiguous', candidates: ['03/甲.txt', '03/甲.txt\u3000'] });
    expect(matchEvidence('05/丙.txt', files)).toEqual({ kind: 'missing', path: '05/丙.txt', near: [] });
    // A name in other letter case, or the same name in another folder, is offered, not used.
    const photos = new Set(['02/Photo.PNG', '03/验收.pdf']);
    expect(matchEvidence('02/photo.png', photos)).toEqual({ kind: 'missing', path: '02/photo.png', near: ['02/Photo.PNG'] });
    expect(matchEvidence('02/验收.pdf', photos)).toEqual({ kind: 'missing', path: '02/验收.pdf', near: ['03/验收.pdf'] });
    expect(matchEvidence('../plan.json', files)).toEqual({ kind: 'outside' });
  });
  it('gives the name on disk for documents and the packet', () => {
    expect(evidencePathOnDisk(`02/${NFC}`, files)).toBe(`02/${NFD}`);
    expect(evidencePathOnDisk('./03/甲.txt', files)).toBe('./03/甲.txt');
    expect(evidencePathOnDisk('05\\丙.txt', files)).toBe('05/丙.txt');
  });
});
