// Accounts: creation with a one-time password, sign-in with lock-out after
// repeated failures, password changes (docs/server.md#accounts).

import type { Selectable } from 'kysely';
import type { AccountTable, Database } from './database.js';
import { DUMMY_HASH, hashPassword, oneTimePassword, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';

export type Account = Selectable<AccountTable>;

/** When to lock an account: after `failures` wrong passwords in a row, for `minutes`. */
export interface LockoutPolicy {
  failures: number;
  minutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { failures: 5, minutes: 15 };

/** A username: letters, digits, - _ . (3–40); CJK letters allowed, since offices name accounts by unit. */
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{2,39}$/u;

/** Why `username` cannot be used, or undefined. */
export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(username) ? undefined : '用户名应为 3–40 个文字、数字或 - _ .，不以符号开头';
}

/**
 * Create an account with a one-time password (returned: shown once, never
 * stored in clear). `password` is given only for demo accounts, which need
 * no change at first login.
 */
export async function createAccount(
  db: Database,
  fields: { username: string; displayName: string; role: Role },
  password?: string,
): Promise<{ account: Account; password: string }> {
  const secret = password ?? oneTimePassword();
  const account = await db
    .insertInto('accounts')
    .values({ username: fields.username, displayName: fields.displayName, role: fields.role, passwordHash: await hashPassword(secret), mustChangePassword: password === undefined ? 1 : 0, failedLogins: 0, lockedUntil: null, createdAt: new Date().toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { account, password: secret };
}

/** The outcome of a sign-in attempt. */
/** `locked`: the account is locked (`justLocked`: by this attempt's wrong password). */
export type SignIn = { ok: true; account: Account } | { ok: false; locked: boolean; justLocked?: boolean; until?: string };

/**
 * Check `password` for `username`. A wrong password counts towards the
 * lock-out; at `policy.failures` the account is locked for `policy.minutes`
 * and no password opens it until then. An unknown username costs the same
 * time as a known one.
 */
export async function signIn(db: Database, username: string, password: string, policy: LockoutPolicy, now = new Date()): Promise<SignIn> {
  const account = await db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  if (!account) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, locked: false };
  }
  if (account.lockedUntil !== null && account.lockedUntil > now.toISOString()) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, locked: true, until: account.lockedUntil };
  }
  if (await verifyPassword(password, account.passwordHash)) {
    await db.updateTable('accounts').set({ failedLogins: 0, lockedUntil: null }).where('id', '=', account.id).execute();
    return { ok: true, account: { ...account, failedLogins: 0, lockedUntil: null } };
  }
  const failures = account.failedLogins + 1;
  const lock = failures >= policy.failures;
  const until = lock ? new Date(now.getTime() + policy.minutes * 60_000).toISOString() : null;
  await db.updateTable('accounts').set({ failedLogins: lock ? 0 : failures, lockedUntil: until }).where('id', '=', account.id).execute();
  return lock ? { ok: false, locked: true, justLocked: true, until: until! } : { ok: false, locked: false };
}

/** Set a new password the account chose itself (clears the one-time flag). */
export async function setPassword(db: Database, accountId: number, password: string): Promise<void> {
  await db.updateTable('accounts').set({ passwordHash: await hashPassword(password), mustChangePassword: 0 }).where('id', '=', accountId).execute();
}

/** Give the account a new one-time password (and unlock it); returns the password to hand over. */
export async function resetPassword(db: Database, accountId: number): Promise<string> {
  const password = oneTimePassword();
  await db.updateTable('accounts').set({ passwordHash: await hashPassword(password), mustChangePassword: 1, failedLogins: 0, lockedUntil: null }).where('id', '=', accountId).execute();
  return password;
}

/** The account with id `id`, or undefined. */
export async function accountById(db: Database, id: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}
