/**
 * What the webhook reducer needs from storage. The server implements it on Postgres (one
 * transaction per event; `claimEvent` is `INSERT INTO stripe_events … ON CONFLICT (id) DO NOTHING
 * RETURNING id`, so a concurrent duplicate blocks on the unique key until the first commits and
 * then finds it claimed). {@link MemoryBillingRepository} is the same contract in memory, for
 * tests, benchmarks and the embedded demo.
 */
import type { WorkspaceSubscription } from '../subscription.js';

/** How an event ended. `duplicate` is never stored: the first delivery's record stands. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'refused';

/** A `stripe_events` row. */
export interface StripeEventRecord {
  readonly id: string;
  readonly type: string;
  readonly createdAt: Date;
  readonly outcome: Exclude<WebhookOutcome, 'duplicate'>;
  readonly workspaceId: string | null;
  readonly reason: string | null;
}

/** A billing change for the workspace's audit log, appended in the same transaction. */
export interface BillingAuditEntry {
  readonly workspaceId: string;
  /** `billing.<what>`, e.g. `billing.subscription_changed`. */
  readonly action: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Storage operations inside one transaction. */
export interface BillingStore {
  /** Records the event id; false when it was already recorded (exactly-once). */
  claimEvent(event: { id: string; type: string; createdAt: Date }): Promise<boolean>;
  /** Stores how the claimed event ended. */
  finishEvent(record: StripeEventRecord): Promise<void>;
  /** The workspace a Stripe customer is linked to, if any. */
  workspaceForCustomer(customerId: string): Promise<string | null>;
  workspaceExists(workspaceId: string): Promise<boolean>;
  getSubscription(workspaceId: string): Promise<WorkspaceSubscription | null>;
  /** Inserts or replaces the workspace's record (the customer link is part of it). */
  putSubscription(subscription: WorkspaceSubscription): Promise<void>;
  appendAudit(entry: BillingAuditEntry): Promise<void>;
}

/** Runs a function in one transaction: all its writes commit together or none do. */
export interface BillingRepository {
  transaction<T>(work: (store: BillingStore) => Promise<T>): Promise<T>;
}

interface MemoryState {
  events: Map<string, StripeEventRecord | 'claimed'>;
  subscriptions: Map<string, WorkspaceSubscription>;
  customers: Map<string, string | null>;
  audit: BillingAuditEntry[];
}

const emptyState = (): MemoryState => ({ events: new Map(), subscriptions: new Map(), customers: new Map(), audit: [] });

/**
 * An in-memory {@link BillingRepository} with real transaction semantics: transactions run one at
 * a time; writes go to an overlay merged into the state only when the work resolves.
 */
export class MemoryBillingRepository implements BillingRepository {
  private readonly state: MemoryState = emptyState();
  private tail: Promise<unknown> = Promise.resolve();
  readonly workspaces = new Set<string>();

  constructor(workspaceIds: Iterable<string> = []) {
    for (const id of workspaceIds) this.workspaces.add(id);
  }

  get events(): ReadonlyMap<string, StripeEventRecord | 'claimed'> {
    return this.state.events;
  }

  get audit(): readonly BillingAuditEntry[] {
    return this.state.audit;
  }

  subscription(workspaceId: string): WorkspaceSubscription | null {
    return this.state.subscriptions.get(workspaceId) ?? null;
  }

  /** Seeds a record outside any event (a workspace's initial trial). */
  seed(subscription: WorkspaceSubscription): void {
    this.workspaces.add(subscription.workspaceId);
    this.state.subscriptions.set(subscription.workspaceId, subscription);
    if (subscription.stripeCustomerId) this.state.customers.set(subscription.stripeCustomerId, subscription.workspaceId);
  }

  transaction<T>(work: (store: BillingStore) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      const draft = emptyState();
      const result = await work(this.store(draft));
      for (const [k, v] of draft.events) this.state.events.set(k, v);
      for (const [k, v] of draft.subscriptions) this.state.subscriptions.set(k, v);
      for (const [k, v] of draft.customers) {
        if (v === null) this.state.customers.delete(k);
        else this.state.customers.set(k, v);
      }
      this.state.audit.push(...draft.audit);
      return result;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private store(draft: MemoryState): BillingStore {
    const read = <V>(overlay: Map<string, V>, base: Map<string, V>, key: string): V | undefined =>
      overlay.has(key) ? overlay.get(key) : base.get(key);
    return {
      claimEvent: async ({ id }) => {
        if (read(draft.events, this.state.events, id) !== undefined) return false;
        draft.events.set(id, 'claimed');
        return true;
      },
      finishEvent: async (record) => {
        draft.events.set(record.id, record);
      },
      workspaceForCustomer: async (customerId) => read(draft.customers, this.state.customers, customerId) ?? null,
      workspaceExists: async (workspaceId) => this.workspaces.has(workspaceId),
      getSubscription: async (workspaceId) => read(draft.subscriptions, this.state.subscriptions, workspaceId) ?? null,
      putSubscription: async (subscription) => {
        const previous = read(draft.subscriptions, this.state.subscriptions, subscription.workspaceId);
        if (previous?.stripeCustomerId && previous.stripeCustomerId !== subscription.stripeCustomerId) {
          draft.customers.set(previous.stripeCustomerId, null);
        }
        if (subscription.stripeCustomerId) {
          const owner = read(draft.customers, this.state.customers, subscription.stripeCustomerId);
          // Postgres: the unique index on subscriptions.stripe_customer_id.
          if (owner && owner !== subscription.workspaceId) throw new Error(`customer ${subscription.stripeCustomerId} belongs to another workspace`);
          draft.customers.set(subscription.stripeCustomerId, subscription.workspaceId);
        }
        draft.subscriptions.set(subscription.workspaceId, subscription);
      },
      appendAudit: async (entry) => {
        draft.audit.push(entry);
      },
    };
  }
}
