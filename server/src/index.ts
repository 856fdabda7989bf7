/** @brandsafe/server: The brandsafe cloud API, web portal and workers (Hono on Node). */
export { createApp, DEFAULT_OPTIONS, type AppType } from './app.js';
export type { AppDeps, AppEnv, AppOptions, BrandLoader, LoadedBrand, RouteDeps } from './context.js';
export { loadConfig, type ConfigResult, type ServerConfig } from './config.js';
export { seedDemo, DEMO_PASSWORD, type DemoSeed } from './seed.js';
export { ProblemError, PROBLEMS, problemType, type ProblemBody, type ProblemCode } from './http/problem.js';
export { routeGroup } from './http/route-group.js';
export { requireAuth, principalOf, inWorkspace } from './http/auth.js';
export { requireAction, roleGrants, type Action } from './auth/roles.js';
export { actorOf, type Principal } from './auth/principal.js';
export type { EmailDispatcher } from './mail/dispatcher.js';
