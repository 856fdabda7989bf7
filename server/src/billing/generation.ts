/**
 * The generation service with billing (issue 6 §1–2), for both the REST route and the Opal tool:
 *  1. a rate token from the workspace's bucket (429 + Retry-After when empty), in its own
 *     transaction before any work;
 *  2. `consumeGeneration` through the service's `beforeStore` hook, in the transaction that
 *     stores the generation (402 when over quota or when billing does not allow generating) —
 *     a generation that fails or rolls back is never counted, a stored one always is;
 *  3. after commit, the Stripe meter event with the generation id as its identifier.
 * Use: `mountGenerationApi(app, deps, billedGenerationService(deps))`.
 */
import type { RouteDeps } from '../context.js';
import { generationService, type GenerationService, type GenerationServiceOptions } from '../generations/service.js';
import { consumeGeneration, takeRateToken } from './enforce.js';
import { billingServicesFromEnv, reportGenerationUsage, type BillingServices } from './services.js';

/** Bound on the per-workspace customer-id memo (it only saves a query; a miss is harmless). */
const MAX_REMEMBERED = 10_000;

/** A GenerationService with billing enforced around `create` (see the module comment). */
export function billedGenerationService(
  deps: RouteDeps,
  services: BillingServices = billingServicesFromEnv(deps.options.publicUrl),
  options: GenerationServiceOptions = {},
): GenerationService & { readonly settled: () => Promise<void> } {
  // The Stripe customer of each workspace, learned while counting, for the meter after commit.
  const customers = new Map<string, string | null>();
  const pending = new Set<Promise<void>>();
  const inner = generationService(deps, {
    ...options,
    beforeStore: async (trx, p) => {
      await options.beforeStore?.(trx, p);
      const consumed = await consumeGeneration(trx, p.workspaceId, { now: services.now(), billingUrl: services.billingUrl });
      if (customers.size >= MAX_REMEMBERED) customers.clear();
      customers.set(p.workspaceId, consumed.stripeCustomerId);
    },
  });
  return {
    ...inner,
    async create(p, input, source, onBrand) {
      await takeRateToken(deps.db, p.workspaceId);
      const created = await inner.create(p, input, source, onBrand);
      const report = reportGenerationUsage(services, deps.logger, { stripeCustomerId: customers.get(p.workspaceId) ?? null, generationId: created.generation.id });
      pending.add(report);
      void report.finally(() => pending.delete(report));
      return created;
    },
    /** Resolves when every meter report started so far has finished (tests, graceful shutdown). */
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}
