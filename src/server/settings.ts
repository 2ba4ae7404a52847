// Values the server keeps between starts: the session-signing secret, made
// at the first start and stored in the database (so a restart keeps everyone
// signed in, and a copied database keeps its own).

import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';

/** The secret that signs session cookies (64 hex characters). */
export async function sessionSecret(db: Database): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'session-secret').executeTakeFirst();
  if (row) return row.value;
  const value = randomBytes(32).toString('hex');
  await db.insertInto('settings').values({ key: 'session-secret', value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', 'session-secret').executeTakeFirstOrThrow()).value;
}
