// Passwords: scrypt from node:crypto (memory-hard, no native add-on to
// build), stored as scrypt$N$r$p$salt$hash so the cost can rise later and old
// hashes still verify. One-time passwords the office hands out are random and
// must be changed at first login (docs/server.md#accounts).

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shortest password accepted (issue 15: at least 10 characters). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest: scrypt hashes anything, but a megabyte of "password" is an attack, not a password. */
export const MAX_PASSWORD_LENGTH = 200;

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 60 ms a hash here), p = 1. */
const COST = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** An alphabet without 0/O, 1/l/I, so a one-time password can be read off paper. */
const READABLE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The stored form of `password`: scrypt$N$r$p$<salt base64>$<hash base64>. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for any malformed stored value. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A scrypt hash of nothing anyone types: compared against when the username is unknown, so timing does not tell which usernames exist. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A one-time password: 14 characters from READABLE (about 81 bits). */
export function oneTimePassword(): string {
  const bytes = randomBytes(14);
  return Array.from(bytes, (b) => READABLE[b % READABLE.length]).join('');
}

/** Why `password` cannot be a new password (in Chinese), or undefined when it can. */
export function newPasswordProblem(password: string, username: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符（现为 ${length} 个）`;
  if (length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`;
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (new Set(password).size < 4) return '密码过于简单（不同的字符少于 4 个）';
  return undefined;
}
