// What every route sees: the database, the data folder, the templates, the
// policies; and the access rule each route declares (access.ts enforces it).

import type { TemplateSet } from '../documents/templates.js';
import type { Account, LockoutPolicy } from './accounts.js';
import type { Database } from './database.js';
import type { Role } from './roles.js';

/**
 * Who may call a route: 'anyone' (sign-in page, stylesheet), 'signed-in'
 * (any account: sign out, own password), or the roles listed. Object checks
 * (a unit account's plans and problems) are made by the route itself.
 */
export type Access = 'anyone' | 'signed-in' | readonly Role[];

/** The server's state, shared by all routes. */
export interface ServerContext {
  db: Database;
  /** The data folder: stored files (files/) and scratch space (tmp/). */
  dataDir: string;
  demo: boolean;
  templates: TemplateSet;
  lockout: LockoutPolicy;
  /** Sign-in attempts allowed per address per minute. */
  loginAttemptsPerMinute: number;
  /** Mark cookies Secure and trust X-Forwarded-* from the proxy in front (HTTPS). */
  behindHttps: boolean;
}

/** What an upload route says when the plugin stops reading its body (413): its limits and the way back to the form. */
export interface TooLarge {
  /** The limits, in a clerk's words. */
  limits: string;
  /** The link back: its text, and its path made from the request's path. */
  backLabel: string;
  back(path: string): string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (required: the server refuses to start with a route without it). */
    access?: Access;
    /** Reachable while the account must still change its one-time password. */
    whileMustChange?: boolean;
    /** An upload route's refusal of a body past its multipart limits (413): the limits in words, and where the page links back to (from the request's path). */
    tooLarge?: TooLarge;
  }
  interface FastifyRequest {
    /** The signed-in account, or null. */
    account: Account | null;
  }
  interface FastifyInstance {
    ctx: ServerContext;
    /** Every route with the access it declares, in registration order (the authorization matrix test walks it). */
    routeList: readonly { method: string; url: string; access: Access }[];
  }
  interface Session {
    accountId?: number;
    _csrf?: string;
  }
}
