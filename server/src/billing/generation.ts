/**
 * The generation service with billing (issue 6 §1–2), for both the REST route and the Opal tool:
 *  1. admission before any work: a rate token from the workspace's bucket (429 + Retry-After
 *     when empty) and one unit of the period's quota (402 when used up or when billing does not
 *     allow generating), in one short transaction;
 *  2. the generation, stored in its own transaction; when it fails the unit is given back, so a
 *     generation that fails or rolls back is never counted, a stored one always is;
 *  3. after commit, the Stripe meter event with the generation id as its identifier.
 * Use: `mountGenerationApi(app, deps, billedGenerationService(deps))`.
 */
import type { RouteDeps } from '../context.js';
import { generationService, type GenerationService, type GenerationServiceOptions } from '../generations/service.js';
import { BillingRecordCache, withAdmittedGeneration } from './enforce.js';
import { billingServicesFromEnv, reportGenerationUsage, type BillingServices } from './services.js';

/** A GenerationService with billing enforced around `create` (see the module comment). */
export function billedGenerationService(
  deps: RouteDeps,
  services: BillingServices = billingServicesFromEnv(deps.options.publicUrl),
  options: GenerationServiceOptions = {},
): GenerationService & { readonly settled: () => Promise<void> } {
  const pending = new Set<Promise<void>>();
  const inner = generationService(deps, options);
  const records = new BillingRecordCache();
  return {
    ...inner,
    async create(p, input, source, onBrand) {
      const { admitted, value: created } = await withAdmittedGeneration(
        deps.db,
        p.workspaceId,
        { now: services.now(), billingUrl: services.billingUrl, records, onRefundError: (err) => deps.logger.error({ err, workspaceId: p.workspaceId }, 'quota refund failed') },
        () => inner.create(p, input, source, onBrand),
      );
      const report = reportGenerationUsage(services, deps.logger, { stripeCustomerId: admitted.stripeCustomerId, generationId: created.generation.id });
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
