// A roll-up (汇总) as data: rollup.json, what a county hands to the city
// (docs/domain.md#roll-up). It nests: a county rolls up its towns' packets,
// a city rolls up its counties' rollup.json the same way — every problem is
// carried up with the path of units it came through, and every figure is
// recounted from the problems at each level, so a city's totals are the sum
// of its counties' by construction.

import type { Status } from './progress-schema.js';

/** The format's name in rollup.json. */
export const ROLLUP_FORMAT = 'zhenggai-rollup';
/** The one version this program writes and reads. */
export const ROLLUP_VERSION = 1;
/** The file's name in a roll-up folder. */
export const ROLLUP_FILE = 'rollup.json';

/** One problem of one town, as the roll-up carries it: the town's period view, flattened. */
export interface RollupProblem {
  /** The units it came through, outermost first: [town] in a county's roll-up, [county, town] in a city's. */
  readonly path: readonly string[];
  /** 序号 as the town's documents show it (model/numbering.ts shownNumber: 7, or 二-3 in a plan numbered per category). */
  readonly number: string;
  readonly summary: string;
  /** The category's label (交叉核查); null in a plan without categories. */
  readonly category: string | null;
  /** The deadline in force as written (the approved extension's when there is one). */
  readonly deadline: string;
  readonly leadUnits: readonly string[];
  readonly status: Status;
  readonly completed: boolean;
  readonly closed: boolean;
  readonly overdue: boolean;
  /** 到期: the due date in force is on or before the as-of date (docs/domain.md#statistics). */
  readonly due: boolean;
  readonly longTerm: boolean;
  /** The 预警 colour; null for none. */
  readonly colour: 'green' | 'red' | 'yellow' | 'blue' | null;
  /** 整改轮次 (docs/domain.md#回头看). */
  readonly round: number;
  /** A 回头看 this period found it come back (反弹). */
  readonly reopened: boolean;
  readonly completedOn: string | null;
  readonly closedOn: string | null;
}

/** Counts over any group of problems; rates as printed (“66.7%”, “—”) with their parts. */
export interface RollupFigures {
  readonly total: number;
  readonly completed: number;
  readonly closed: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly overdue: number;
  readonly due: number;
  readonly dueCompleted: number;
  readonly longTerm: number;
  readonly reopened: number;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** completed ÷ total. */
  readonly completionRate: string;
  /** dueCompleted ÷ due (到期任务完成率). */
  readonly dueCompletionRate: string;
}

/** One unit rolled up (a town at county level, a county at city level) and its figures. */
export interface RollupUnit extends RollupFigures {
  readonly name: string;
  /** The input it came from, as named on the command line, and its SHA-256 (a packet: of its manifest.json). */
  readonly source: string;
  readonly sha256: string;
  readonly asOf: string;
}

/** rollup.json. */
export interface RollupFile {
  readonly format: typeof ROLLUP_FORMAT;
  readonly version: number;
  /** Who rolled up: the county's (city's) office, which identifies it one level up. */
  readonly issuer: string;
  readonly title: string;
  readonly period: string;
  /** The latest as-of date of the units. */
  readonly asOf: string;
  /** The units expected (--towns), or null when no list was given. */
  readonly expected: readonly string[] | null;
  /** Expected units that sent nothing for the period. */
  readonly missing: readonly string[];
  readonly totals: RollupFigures;
  readonly units: readonly RollupUnit[];
  readonly byCategory: readonly (RollupFigures & { readonly category: string })[];
  readonly problems: readonly RollupProblem[];
}

/** What the units of a roll-up are called, in its tables and wording: towns in a county's, counties in a city's, cities in a province's. */
export const ROLLUP_LEVELS = { town: '乡镇', county: '区县', city: '市' } as const;
/** The levels from the town up: a unit at depth d (a town's packet 1, a county's roll-up 2 …) is ROLLUP_LEVEL_ORDER[d − 1]. */
export const ROLLUP_LEVEL_ORDER = [ROLLUP_LEVELS.town, ROLLUP_LEVELS.county, ROLLUP_LEVELS.city] as const;
/** A unit above a city (a depth this list does not name). */
export const ROLLUP_LEVEL_OTHER = '单位';
export type RollupLevel = (typeof ROLLUP_LEVEL_ORDER)[number] | typeof ROLLUP_LEVEL_OTHER;

/** The name of the level at a depth (1 = town). */
export function rollupLevelAt(depth: number): RollupLevel {
  return ROLLUP_LEVEL_ORDER[depth - 1] ?? ROLLUP_LEVEL_OTHER;
}

/** Column headers of a roll-up's own (not a plan field's) columns. */
export const ROLLUP_LABELS = {
  closed: '其中已销号',
  reopened: '反弹',
  round: '整改轮次',
  category: '问题类别',
} as const;
