/**
 * What every route module receives: the resolved dependencies and options of the app, and the
 * Hono environment (per-request variables) the middlewares fill in.
 */
import type { Brand, BrandProblem } from '@brandsafe/brand-kit';
import type { Database } from '@brandsafe/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ScryptCost } from './auth/password.js';
import type { Principal } from './auth/principal.js';
import type { PrincipalCache } from './auth/principal-cache.js';
import type { EmailDispatcher } from './mail/dispatcher.js';
import type { Metrics } from './http/metrics.js';

/** The result of loading a brand graph (the shape of @brandsafe/brand-kit's `loadBrand`). */
export interface LoadedBrand {
  brand?: Brand;
  problems: BrandProblem[];
}

/** Loads and SHACL-validates a Turtle brand graph. */
export type BrandLoader = (text: string, options?: { file?: string }) => LoadedBrand | Promise<LoadedBrand>;

/** Tunables, all with defaults (see `DEFAULT_OPTIONS`). */
export interface AppOptions {
  /** Largest JSON request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest Turtle upload accepted, in bytes. */
  graphLimitBytes: number;
  /** How long a sign-in session lasts. */
  sessionTtlSeconds: number;
  /** Password hashing cost (tests lower it). */
  scryptCost: ScryptCost;
  /** Take the client address from the first `X-Forwarded-For` entry (behind a proxy only). */
  trustProxy: boolean;
  /** Base URL used in links sent by email. */
  publicUrl: string;
  /** How long a resolved bearer secret is cached in-process (0: off); see PrincipalCache. */
  authCacheMs: number;
  /** Sign-in throttle: at most `perAccount` / `perAddress` failures per window. */
  loginThrottle: { windowSeconds: number; perAccount: number; perAddress: number };
}

/** What `createApp` needs; only `db` is required. */
export interface AppDeps {
  /** The owner connection; routes reach it only through withWorkspace/withoutWorkspace. */
  db: Kysely<Database>;
  /** Database liveness for `/readyz` (defaults to `select 1`). */
  ping?: () => Promise<void>;
  logger?: Logger;
  /** Email delivery; defaults to keeping emails in the outbox and logging them. */
  emails?: EmailDispatcher;
  /**
   * The brand graph loader; defaults to @brandsafe/brand-kit's `loadBrand` when that package
   * exports it. `null` disables graph uploads (503).
   */
  loadBrand?: BrandLoader | null;
  options?: Partial<AppOptions>;
  /** Add Node's process metrics (CPU, memory, event loop) to `/metrics` (main.ts does). */
  processMetrics?: boolean;
}

/** Dependencies with every default resolved, as route modules see them. */
export interface RouteDeps {
  db: Kysely<Database>;
  logger: Logger;
  emails: EmailDispatcher;
  metrics: Metrics;
  /** Resolved bearer secrets; clear it after revoking credentials or changing memberships. */
  principals: PrincipalCache;
  loadBrand: () => Promise<BrandLoader | undefined>;
  options: AppOptions;
}

/** Per-request variables set by the middlewares. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal?: Principal;
  };
}
