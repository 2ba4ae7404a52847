import { describe, expect, it } from 'vitest';
import { cumulativeEvidence, cumulativeEvidenceByProblem, withEvidenceOnDisk } from '../../src/derive/evidence.js';
import { progress } from './support.js';

const april = progress('2024-04', '2024-04-30', [
  { number: 1, status: '推进中', onSchedule: true, evidence: ['1/清河方案.txt', '1/现场照片.png'] },
  { number: 2, status: '未启动' },
]);
const may = progress('2024-05', '2024-05-31', [
  // Re-listing last month's file, once with Windows separators: not a new item.
  { number: 1, status: '已完成', completedOn: '2024-05-20', evidence: ['1\\现场照片.png', '1/验收记录.txt', '1/清河方案.txt'] },
  { number: 2, status: '推进中', onSchedule: true, evidence: ['2/管网图纸.pdf'] },
]);
const june = progress('2024-06', '2024-06-30', [
  { number: 1, status: '已完成', completedOn: '2024-05-20', evidence: ['1/回头看记录.txt'] },
  { number: 2, status: '推进中', onSchedule: true },
]);

describe('cumulative evidence', () => {
  it('accumulates up to and including the period, first-seen order, each with the period it was added', () => {
    expect(cumulativeEvidence([april, may, june], 1, '2024-05')).toEqual([
      { path: '1/清河方案.txt', period: '2024-04' },
      { path: '1/现场照片.png', period: '2024-04' },
      { path: '1/验收记录.txt', period: '2024-05' },
    ]);
    expect(cumulativeEvidence([april, may, june], 1, '2024-06').map((e) => e.path)).toEqual([
      '1/清河方案.txt', '1/现场照片.png', '1/验收记录.txt', '1/回头看记录.txt',
    ]);
  });
  it('takes a 回头看 record’s evidence after the entry’s own, as the problem’s from that period, its name as on disk', () => {
    const july = progress('2024-07', '2024-07-31', [
      { number: 1, status: '已完成', completedOn: '2024-05-20', evidence: ['1/7月巡河记录.txt'], reviews: [{ date: '2024-07-15', checkedBy: '乡纪委', finding: '巩固', evidence: ['1/回头看照片.png', './1/清河方案.txt'] }] },
      { number: 2, status: '推进中', onSchedule: true },
    ]);
    const onDisk = withEvidenceOnDisk([april, may, june, july], new Set(['1/清河方案.txt', '1/回头看照片.png', '1/7月巡河记录.txt']));
    // './1/清河方案.txt' is April's file again: not a new item.
    expect(cumulativeEvidence(onDisk, 1, '2024-07').slice(-2)).toEqual([
      { path: '1/7月巡河记录.txt', period: '2024-07' },
      { path: '1/回头看照片.png', period: '2024-07' },
    ]);
    expect(cumulativeEvidence(onDisk, 1, '2024-07')).toHaveLength(6);
  });
  it('does not depend on the order the files are given in', () => {
    expect(cumulativeEvidence([june, may, april], 1, '2024-06')).toEqual(cumulativeEvidence([april, may, june], 1, '2024-06'));
  });
  it('is empty for a problem without evidence yet or unknown', () => {
    expect(cumulativeEvidence([april, may], 2, '2024-04')).toEqual([]);
    expect(cumulativeEvidence([april, may], 7, '2024-05')).toEqual([]);
  });
  it('gives every problem at once', () => {
    const all = cumulativeEvidenceByProblem([april, may], '2024-05');
    expect([...all.keys()]).toEqual([1, 2]);
    expect(all.get(2)).toEqual([{ path: '2/管网图纸.pdf', period: '2024-05' }]);
  });
  it('with the names on disk, a file referred to in two spellings is one item, named as on disk', () => {
    const nfd = '1/\u73B0\u573A\u7167\u7247-Lu\u0308\u030C.png';
    const july = progress('2024-07', '2024-07-31', [{ number: 1, status: '已完成', completedOn: '2024-05-20', evidence: ['./1/清河方案.txt', '1/现场照片-L\u01DA.png'] }]);
    const august = progress('2024-08', '2024-08-31', [{ number: 1, status: '已完成', completedOn: '2024-05-20', evidence: ['1／现场照片-L\u01DA.png', '1/未上传.txt'] }]);
    const onDisk = withEvidenceOnDisk([april, july, august], new Set(['1/清河方案.txt', '1/现场照片.png', nfd]));
    expect(cumulativeEvidence(onDisk, 1, '2024-08')).toEqual([
      { path: '1/清河方案.txt', period: '2024-04' },
      { path: '1/现场照片.png', period: '2024-04' },
      { path: nfd, period: '2024-07' },
      // A reference that names no file stays as typed (the checker has refused it).
      { path: '1/未上传.txt', period: '2024-08' },
    ]);
    // The input is not changed, and a file needing nothing is the same object.
    expect(july.problems[0]!.evidence[0]).toBe('./1/清河方案.txt');
    expect(onDisk[0]).toBe(april);
  });
});
