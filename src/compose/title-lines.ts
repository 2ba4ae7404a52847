// Breaking a long title into lines (GB/T 9704 §7.3.3: 回行时要做到词意完整，
// 排列对称，长短适宜). Used when the data gives no titleLines of its own.
//
// The lines are chosen together (dynamic programming over break positions),
// not greedily, so they come out of similar length. Each possible break has a
// cost from the words of layout/text-width.ts (breakClasses): nothing between
// words, a little between two one-character words the dictionary may have
// split (整|改), more inside a dictionary word, much more inside a word the
// rules make (2022年, 河口镇, a unit's name the caller keeps whole) or inside
// a 《》 book title, and some breaks are as good as forbidden — inside a
// number, before a closing mark (，。》) or after an opening one (《“), and a
// last line left as short as 的通知.

import { BREAK, breakClasses, charWidthEm, type BreakClass } from '../layout/text-width.js';

/** As good as forbidden; chosen only when every split has such a break. */
const HARD = 1000;
/** A 《》 title stays whole unless that leaves the lines very uneven. */
const BRACKET = 100;
/** Cost of a break by its class: 词意完整 outweighs a few em of balance, a rule-made word (2022年, 河口镇) much more. */
const CLASS_COST: Readonly<Record<BreakClass, number>> = {
  [BREAK.free]: 0,
  [BREAK.weak]: 12,
  [BREAK.word]: 40,
  [BREAK.rule]: 400,
  [BREAK.forbidden]: HARD,
};
/** A last line this short (的通知, 的函) reads as an orphan. */
const ORPHAN_MAX_EM = 3;

const OPENERS = '《〈（(〔[【“‘';
const CLOSERS = '》〉）)〕]】”’';

/** penalty[i]: cost of breaking before chars[i] (i = 1 … n−1). */
function breakPenalties(chars: readonly string[], keep: readonly string[]): number[] {
  const classes = breakClasses(chars, keep);
  const penalties = new Array<number>(chars.length).fill(0);
  let depth = 0;
  for (let i = 1; i < chars.length; i += 1) {
    const prev = chars[i - 1]!;
    if (OPENERS.includes(prev)) depth += 1;
    else if (CLOSERS.includes(prev)) depth = Math.max(0, depth - 1);
    penalties[i] = CLASS_COST[classes[i] as BreakClass] + (depth > 0 ? BRACKET : 0);
  }
  return penalties;
}

interface Split {
  readonly cost: number;
  /** Start index of each line after the first. */
  readonly breaks: readonly number[];
}

/** The cheapest split into exactly k lines no wider than maxEm, or null. */
function bestSplit(widths: readonly number[], penalties: readonly number[], k: number, maxEm: number): Split | null {
  const n = widths.length;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w);
  const target = prefix[n]! / k;
  const lineCost = (from: number, to: number): number => {
    const width = prefix[to]! - prefix[from]!;
    if (width > maxEm + 1e-9) return Infinity;
    const orphan = to === n && k > 1 && width <= ORPHAN_MAX_EM ? HARD : 0;
    return (width - target) ** 2 + orphan;
  };
  // cost[j][i]: best cost of the first i characters as j lines; from[j][i]: where line j starts.
  const cost = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  cost[0]![0] = 0;
  for (let j = 1; j <= k; j += 1) {
    for (let i = j; i <= n; i += 1) {
      for (let p = j - 1; p < i; p += 1) {
        const before = cost[j - 1]![p]!;
        if (before === Infinity) continue;
        const c = before + lineCost(p, i) + (p > 0 ? penalties[p]! : 0);
        if (c < cost[j]![i]!) {
          cost[j]![i] = c;
          from[j]![i] = p;
        }
      }
    }
  }
  if (cost[k]![n] === Infinity) return null;
  const breaks: number[] = [];
  for (let j = k, i = n; j > 1; j -= 1) {
    i = from[j]![i]!;
    breaks.unshift(i);
  }
  return { cost: cost[k]![n]!, breaks };
}

/**
 * A title as balanced lines of at most maxEm each (a full-width character is
 * 1 em, a digit or Latin letter ½). A title that fits stays one line; the
 * lines joined give the title back unchanged. `keep` names words never to
 * break unless nothing else fits (the plan's unit names).
 */
export function balanceTitle(title: string, maxEm: number, keep: readonly string[] = []): string[] {
  if (!(maxEm >= 1)) throw new RangeError(`balanceTitle: maxEm must be at least 1, got ${maxEm}`);
  const chars = Array.from(title);
  const widths = chars.map(charWidthEm);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= maxEm) return [title];
  const penalties = breakPenalties(chars, keep);
  let best: Split | null = null;
  let firstFeasible = Infinity;
  // The fewest lines that fit, unless every such split needs a forbidden
  // break; then up to two more lines are tried for a split without one.
  for (let k = Math.ceil(total / maxEm); k <= chars.length && k <= firstFeasible + 2; k += 1) {
    const split = bestSplit(widths, penalties, k, maxEm);
    if (!split) continue;
    firstFeasible = Math.min(firstFeasible, k);
    if (!best || split.cost < best.cost) best = split;
    if (best.cost < HARD) break;
  }
  const starts = [0, ...best!.breaks, chars.length];
  return starts.slice(1).map((end, i) => chars.slice(starts[i], end).join(''));
}
