// The server's database: SQLite in one file through better-sqlite3 (an
// optional dependency, so the CLI installs and runs where it cannot be
// built), spoken to only through Kysely, whose PostgreSQL dialect makes a
// county-wide server a change of this file, not of the queries
// (docs/server.md#database).

import type { Generated, Kysely as KyselyType } from 'kysely';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { UserError } from '../diagnostics/user-error.js';
import type { Role } from './roles.js';

/** An account: 办公室 (office), 领导 (viewer) or 牵头单位 (unit). Times are ISO 8601 UTC. */
export interface AccountTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (passwords.ts). */
  passwordHash: string;
  /** 1 while the password is a one-time password the office handed out. */
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
}

/** A unit account's unit in one plan (one unit name per plan). */
export interface UnitAssignmentTable {
  accountId: number;
  planId: number;
  unit: string;
}

/** A session of @fastify/session, stored as its JSON; `expiresAt` in ms since the epoch. */
export interface SessionTable {
  id: string;
  /** The signed-in account, so a password change can end its other sessions. */
  accountId: number | null;
  data: string;
  expiresAt: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

/**
 * A plan: plan.json's text exactly as imported or last saved (the lossless
 * record), and the columns the pages query.
 */
export interface PlanTable {
  id: Generated<number>;
  /** The plan folder's name: the exported folder and out/<name>/. */
  name: string;
  title: string;
  docNumber: string;
  planText: string;
  importedAt: string;
  importedBy: number;
}

/** One period's progress/<period>.json, text as imported or last saved. */
export interface PeriodTable {
  planId: number;
  period: string;
  asOf: string;
  progressText: string;
}

/** Which unit leads which problem, for unit accounts' object checks. */
export interface ProblemUnitTable {
  planId: number;
  number: number;
  unit: string;
}

/** Any other file of the plan folder (evidence/…, README.md), stored in the data folder under a generated name. */
export interface PlanFileTable {
  planId: number;
  /** Forward-slash path inside the plan folder, e.g. evidence/01/会议纪要.pdf. */
  path: string;
  storedName: string;
  size: number;
  sha256: string;
}

/** Every change: who, when, from which address, the object and field, old and new value. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  accountId: number | null;
  username: string;
  address: string;
  action: string;
  object: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** A period opened for reporting online (issue 16): open while units report, closed (read-only) once the office closes it. */
export interface ReportingPeriodTable {
  planId: number;
  period: string;
  state: 'open' | 'closed';
  openedAt: string;
  openedBy: number;
  closedAt: string | null;
  closedBy: number | null;
  /** 1 when opening the period made its progress file (it may be deleted while empty), 0 when the file came with the plan folder (migration 0005). */
  createdFile: Generated<number>;
}

/**
 * A unit's answer for one problem in one period: the fields as typed
 * (`valuesJson`, form field → text) and, once they pass the import's rules,
 * the progress entry they make (`entryJson`). `version` rises with every
 * save (optimistic versioning: a save from an older version is refused).
 */
export interface AnswerTable {
  id: Generated<number>;
  planId: number;
  period: string;
  /** The problem's internal key (model/numbering.ts). */
  number: number;
  unit: string;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  valuesJson: string;
  entryJson: string | null;
  version: number;
  updatedAt: string;
  updatedBy: number;
}

/** One round of an answer: submitted by the unit (填报人), reviewed by the office (审核人), accepted or returned with a reason. */
export interface AnswerRoundTable {
  id: Generated<number>;
  answerId: number;
  submittedAt: string;
  submittedBy: string;
  valuesJson: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  decision: 'accepted' | 'returned' | null;
  reason: string | null;
}

/** An evidence file uploaded with a unit's answer (migration 0003): stored under a generated name; evidencePath is set once the answer is accepted and the file is in the plan's evidence/. */
export interface AnswerFileTable {
  id: Generated<number>;
  planId: number;
  period: string;
  /** The problem's internal key (model/numbering.ts). */
  number: number;
  /** The name as uploaded, made safe, with the extension of the type found by content. */
  name: string;
  /** jpg, png, heic, pdf, docx or xlsx: what file-type found in the bytes. */
  type: string;
  storedName: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: number;
  /** Path under evidence/ once accepted (01/照片.jpg), else null. */
  evidencePath: string | null;
}

/**
 * A closure (销号) the office recorded on the server (migration 0004): what
 * it wrote into the period's progress entry (date, approver, opinion), the
 * status the entry had before (restored when it is undone), who recorded it
 * and when; once undone, who, when and why. Names are 显示名（用户名）, as
 * the answer rounds keep them.
 */
export interface ClosureTable {
  id: Generated<number>;
  planId: number;
  period: string;
  /** The problem's internal key (model/numbering.ts). */
  number: number;
  /** The closure date, YYYY-MM-DD. */
  date: string;
  approver: string;
  opinion: string;
  /** 已完成 or 已完成并长期坚持: the entry's status before it was closed. */
  previousStatus: string;
  recordedAt: string;
  recordedBy: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

export interface Tables {
  closures: ClosureTable;
  answerFiles: AnswerFileTable;
  reportingPeriods: ReportingPeriodTable;
  answers: AnswerTable;
  answerRounds: AnswerRoundTable;
  accounts: AccountTable;
  unitAssignments: UnitAssignmentTable;
  sessions: SessionTable;
  settings: SettingTable;
  plans: PlanTable;
  periods: PeriodTable;
  problemUnits: ProblemUnitTable;
  planFiles: PlanFileTable;
  audit: AuditTable;
}

export type Database = KyselyType<Tables>;

/** Raised when better-sqlite3 is not installed (it is optional: it compiles from source where no binary is found). */
export const SQLITE_MISSING =
  '未安装 better-sqlite3，无法启动服务器：在本程序目录运行 npm install（需要 g++、make 和 python3 编译，约两分钟）后重试；其他命令不受影响 (better-sqlite3 is missing)';

interface SqliteModule {
  default: new (file: string) => { pragma(text: string): unknown; close(): void; prepare(sql: string): never };
}

/** True when better-sqlite3 can be loaded (tests skip the server without it). */
export async function sqliteAvailable(): Promise<boolean> {
  try {
    await import('better-sqlite3');
    return true;
  } catch {
    return false;
  }
}

/**
 * Open (creating) the SQLite database in `file` (':memory:' for tests), with
 * write-ahead logging and foreign keys on. Throws UserError when
 * better-sqlite3 is missing or the file cannot be opened.
 */
export async function openDatabase(file: string): Promise<Database> {
  let sqlite: SqliteModule;
  try {
    sqlite = (await import('better-sqlite3')) as unknown as SqliteModule;
  } catch {
    throw new UserError(SQLITE_MISSING);
  }
  let connection: InstanceType<SqliteModule['default']>;
  try {
    connection = new sqlite.default(file);
    if (file !== ':memory:') connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`无法打开数据库 ${file}：${reason} (cannot open the database)`);
  }
  // Tables and columns are snake_case in SQL, camelCase in TypeScript.
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }), plugins: [new CamelCasePlugin()] });
}
