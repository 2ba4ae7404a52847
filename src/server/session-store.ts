// @fastify/session's store in the database: sessions survive a restart and a
// password change or an office reset can end them (server-side, unlike a
// cookie-only session).

import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Database } from './database.js';

/** How long a session lasts without a request (ms): a working day. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/** A store for @fastify/session keeping each session as JSON in `sessions`. */
export function databaseSessionStore(db: Database): SessionStore {
  return {
    set(sessionId, session, callback) {
      const accountId = typeof session.accountId === 'number' ? session.accountId : null;
      const row = { id: sessionId, accountId, data: JSON.stringify(session), expiresAt: Date.now() + SESSION_IDLE_MS };
      db.insertInto('sessions')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ accountId: row.accountId, data: row.data, expiresAt: row.expiresAt }))
        .execute()
        .then(() => callback(), callback);
    },
    get(sessionId, callback) {
      db.selectFrom('sessions')
        .select(['data', 'expiresAt'])
        .where('id', '=', sessionId)
        .executeTakeFirst()
        .then((row) => callback(null, row && row.expiresAt > Date.now() ? (JSON.parse(row.data) as Session) : null), callback);
    },
    destroy(sessionId, callback) {
      db.deleteFrom('sessions').where('id', '=', sessionId).execute().then(() => callback(), callback);
    },
  };
}

/** End every session of `accountId` except `keep` (a password change keeps the session that made it). */
export async function endSessionsOf(db: Database, accountId: number, keep?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('accountId', '=', accountId);
  if (keep !== undefined) query = query.where('id', '!=', keep);
  await query.execute();
}

/** Remove expired sessions (at start-up and hourly). */
export async function sweepSessions(db: Database): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<=', Date.now()).execute();
}
