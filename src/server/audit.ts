// The audit log: every change, who made it, when, from which address, the
// object and field, old and new value (issue 15, Security).

import type { Database } from './database.js';

/** Who acted, as the log records them. */
export interface Actor {
  accountId: number | null;
  username: string;
  address: string;
}

/** One change to record: a field of an object, old and new value (null for none). */
export interface Change {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** Record `action` on `object` with its changes (one row each; one row without a field when there are none). */
export async function audit(db: Database, actor: Actor, action: string, object: string, changes: readonly Change[] = []): Promise<void> {
  const at = new Date().toISOString();
  const rows = (changes.length > 0 ? changes : [{ field: null, oldValue: null, newValue: null }]).map((c) => ({
    at,
    accountId: actor.accountId,
    username: actor.username,
    address: actor.address,
    action,
    object,
    ...c,
  }));
  await db.insertInto('audit').values(rows).execute();
}
