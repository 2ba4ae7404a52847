// Versioned migrations, run at every start (Kysely's Migrator records them in
// kysely_migration). A migration is never edited once released: a new field
// is a new migration. Plans and periods are stored as their JSON text, so a
// field added to the plan or progress format needs no migration at all and
// is never lost (docs/server.md#storage).

import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { UserError } from '../diagnostics/user-error.js';
import type { Database } from './database.js';

// Migrations take Kysely<any>: they describe the schema before and after, not the current types.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('office', 'viewer', 'unit')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plans')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('doc_number', 'text', (c) => c.notNull())
      .addColumn('plan_text', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'integer', (c) => c.notNull().references('accounts.id'))
      .execute();
    await db.schema
      .createTable('periods')
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('progress_text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('periods_pk', ['plan_id', 'period'])
      .execute();
    await db.schema
      .createTable('problem_units')
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('problem_units_pk', ['plan_id', 'number', 'unit'])
      .execute();
    await db.schema.createIndex('problem_units_by_unit').on('problem_units').columns(['plan_id', 'unit']).execute();
    await db.schema
      .createTable('plan_files')
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('stored_name', 'text', (c) => c.notNull().unique())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_files_pk', ['plan_id', 'path'])
      .execute();
    await db.schema
      .createTable('unit_assignments')
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('unit', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('unit_assignments_pk', ['account_id', 'plan_id'])
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('cascade'))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('account_id', 'integer')
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .execute();
  },
};

/** Issue 16: periods opened for reporting online, the units' answers and every round of their review. */
const onlineReporting: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('reporting_periods')
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'integer', (c) => c.references('accounts.id'))
      .addPrimaryKeyConstraint('reporting_periods_pk', ['plan_id', 'period'])
      .execute();
    await db.schema
      .createTable('answers')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'submitted', 'returned', 'accepted')`))
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addColumn('entry_json', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('accounts.id'))
      .addUniqueConstraint('answers_problem', ['plan_id', 'period', 'number'])
      .execute();
    await db.schema
      .createTable('answer_rounds')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'returned')`))
      .addColumn('reason', 'text')
      .execute();
  },
};

/** Issue 16: evidence files uploaded with a unit's answer. */
const answerEvidence: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('answer_files')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('stored_name', 'text', (c) => c.notNull().unique())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('evidence_path', 'text')
      .execute();
    await db.schema.createIndex('answer_files_by_problem').on('answer_files').columns(['plan_id', 'period', 'number']).execute();
  },
};

/** Issue 16: closures (销号) the office records on the server, and their undoing. */
const closures: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('closures')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('approver', 'text', (c) => c.notNull())
      .addColumn('opinion', 'text', (c) => c.notNull())
      .addColumn('previous_status', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('undone_at', 'text')
      .addColumn('undone_by', 'text')
      .addColumn('undo_reason', 'text')
      .execute();
    await db.schema.createIndex('closures_by_problem').on('closures').columns(['plan_id', 'number']).execute();
  },
};

/**
 * Issue 16: whether opening the period online made its progress file (1) or
 * the period came with the plan folder (0). Only a period opened online may
 * be deleted (reporting.ts deletePeriod); rows from before this migration
 * count as imported, the side that deletes nothing.
 */
const periodOrigin: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('reporting_periods').addColumn('created_file', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};

/** Every migration by name; names sort in the order they run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-online-reporting': onlineReporting,
  '0003-answer-evidence': answerEvidence,
  '0004-closures': closures,
  '0005-period-origin': periodOrigin,
};

/** Bring the database to the latest version; UserError naming the migration that failed. */
export async function migrateToLatest(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '（未知）';
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`数据库升级失败（${failed}）：${reason} (migration failed)`);
  }
}
