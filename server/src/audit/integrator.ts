/**
 * The audit integrator (issue 5 §2): sequences queued audit events into the Merkle tree in
 * batches and signs tree heads. One transaction per batch: lock the log (the state row, so
 * one integrator per database however many processes run one), read the queue in `seq`
 * order, append each leaf to the in-memory CompactRange, store the leaves and the complete
 * subtrees the appends finished, dequeue, and — every `headEvery` events or `headIntervalMs`
 * — sign a checkpoint of the new root. The frontier is cached between batches and reloaded
 * from the stored nodes whenever the tree grew elsewhere (another process) or after a restart.
 */
import { checkpointJson, signCheckpoint, toBase64, type CheckpointJson, type CompactRange } from '@brandsafe/audit';
import {
  appendAuditLeaves,
  insertAuditTreeHead,
  latestAuditTreeHead,
  lockAuditLog,
  readPendingAuditEvents,
  type AuditDb,
  type AuditTreeHead,
} from '@brandsafe/db';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { eventLeafHash } from './events.js';
import { loadFrontier } from './store.js';

/** The log's identity and signing key. */
export interface LogSigner {
  readonly origin: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly logId: string;
}

export interface IntegratorOptions {
  /** Events per transaction (default 2,000). */
  batchSize: number;
  /** Sign a head once this many events are unsigned (default 10,000). */
  headEvery: number;
  /** Sign a head when the newest is older than this and the tree grew (default 500 ms). */
  headIntervalMs: number;
  /** Background polling period (default 200 ms). */
  pollMs: number;
}

/** Batches one integrate() call runs at most (see integrate). */
const MAX_BATCHES_PER_CALL = 10;

export const DEFAULT_INTEGRATOR_OPTIONS: IntegratorOptions = { batchSize: 2000, headEvery: 10_000, headIntervalMs: 500, pollMs: 200 };

/** What one integration pass did. */
export interface IntegrationResult {
  appended: number;
  treeSize: number;
  /** False when the call stopped at its batch limit with events still queued. */
  drained: boolean;
  /** The head signed by this pass, if any. */
  head?: AuditTreeHead;
}

/** Converts a stored head to the API's checkpoint JSON. */
export function headJson(head: AuditTreeHead): CheckpointJson {
  return {
    treeSize: head.treeSize,
    rootHash: Buffer.from(head.rootHash).toString('hex'),
    timestamp: head.timestamp,
    logId: head.logId,
    signature: toBase64(head.signature),
    note: head.note,
  };
}

export class AuditIntegrator {
  readonly #db: AuditDb;
  readonly #signer: LogSigner;
  readonly #options: IntegratorOptions;
  readonly #logger: Logger | undefined;
  #range: CompactRange | undefined;
  #lastHeadAt = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;

  constructor(db: AuditDb, signer: LogSigner, options: Partial<IntegratorOptions> = {}, logger?: Logger) {
    this.#db = db;
    this.#signer = signer;
    this.#options = { ...DEFAULT_INTEGRATOR_OPTIONS, ...options };
    this.#logger = logger;
  }

  /** Runs `fn` after every earlier call of this process has finished (single flight). */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(fn, fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Integrates everything queued, batch by batch. `sign: 'always'` signs a head at the end
   * even if no threshold is reached (on demand); 'auto' follows headEvery / headIntervalMs.
   */
  integrate(options: { sign?: 'auto' | 'always' } = {}): Promise<IntegrationResult> {
    return this.#serial(async () => {
      let appended = 0;
      let treeSize = 0;
      let head: AuditTreeHead | undefined;
      let drained = false;
      // At most MAX_BATCHES_PER_CALL per call, so a caller queued behind a pass under sustained
      // load (a receipt request) waits for a bounded amount of work; the poller continues.
      for (let n = 1; ; n += 1) {
        const pass = await this.#batch(options.sign ?? 'auto', n === MAX_BATCHES_PER_CALL);
        appended += pass.appended;
        treeSize = pass.treeSize;
        head = pass.head ?? head;
        drained = pass.drained;
        if (drained || n === MAX_BATCHES_PER_CALL) break;
      }
      return { appended, treeSize, drained, ...(head ? { head } : {}) };
    });
  }

  async #batch(sign: 'auto' | 'always', last: boolean): Promise<IntegrationResult> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const size = await lockAuditLog(trx);
        const range = this.#range?.size === size ? this.#range : await loadFrontier(trx, size);
        this.#range = undefined; // re-set only after the commit succeeds
        const pending = await readPendingAuditEvents(trx, this.#options.batchSize);
        const leaves: { eventId: string; workspaceId: string; leafHash: Uint8Array }[] = [];
        const nodes: ReturnType<CompactRange['append']> = [];
        for (const p of pending) {
          if (!p.event) {
            // The row vanished before it was sequenced: nothing to hash. The tamper check
            // reports events lost this way; the queue entry is dropped so the log moves on.
            this.#logger?.error({ seq: p.seq, eventId: p.eventId }, 'audit event queued for the log no longer exists');
            continue;
          }
          const leafHash = eventLeafHash(p.event);
          for (const n of range.append(leafHash)) if (n.level > 0) nodes.push(n);
          leaves.push({ eventId: p.event.id, workspaceId: p.event.workspaceId, leafHash });
        }
        const treeSize = await appendAuditLeaves(trx, { startIndex: size, leaves, nodes, dequeue: pending.map((p) => p.seq) });
        // On demand, sign once the queue is drained (or the call's last batch), not every batch.
        const drained = pending.length < this.#options.batchSize;
        const head = await this.#maybeSign(trx, range, sign === 'always' && (drained || last) ? 'always' : 'auto');
        return { appended: leaves.length, treeSize, drained, range, ...(head ? { head } : {}) };
      }).then(({ range, ...result }) => {
        this.#range = range;
        return result;
      });
    } catch (err) {
      this.#range = undefined;
      throw err;
    }
  }

  async #maybeSign(trx: AuditDb, range: CompactRange, sign: 'auto' | 'always'): Promise<AuditTreeHead | undefined> {
    const latest = await latestAuditTreeHead(trx, this.#signer.logId);
    const signedSize = latest?.treeSize ?? -1;
    if (latest && latest.treeSize === range.size) {
      this.#lastHeadAt = Math.max(this.#lastHeadAt, latest.timestamp * 1000);
      return undefined;
    }
    const due =
      sign === 'always' ||
      range.size - signedSize >= this.#options.headEvery ||
      Date.now() - this.#lastHeadAt >= this.#options.headIntervalMs;
    if (!due) return undefined;
    const signed = signCheckpoint({ origin: this.#signer.origin, treeSize: range.size, rootHash: range.root() }, this.#signer.privateKey);
    const json = checkpointJson(signed, this.#signer.publicKey);
    const head: AuditTreeHead = {
      treeSize: json.treeSize,
      rootHash: signed.checkpoint.rootHash,
      timestamp: signed.timestamp,
      logId: json.logId,
      signature: signed.signature,
      note: signed.note,
    };
    await insertAuditTreeHead(trx, head);
    this.#lastHeadAt = Date.now();
    return head;
  }

  /** Signs a head of everything integrated so far, integrating what is queued first. */
  async signNow(): Promise<AuditTreeHead> {
    await this.integrate({ sign: 'always' });
    const head = await latestAuditTreeHead(this.#db, this.#signer.logId);
    if (!head) throw new Error('no tree head after signing');
    return head;
  }

  /** Polls the queue every `pollMs` until {@link stop}; errors are logged, never thrown. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const tick = async () => {
      if (this.#stopped) return;
      let backlog = false;
      try {
        backlog = !(await this.integrate()).drained;
      } catch (err) {
        this.#logger?.error({ err }, 'audit integration failed; retrying');
      }
      if (!this.#stopped) this.#timer = setTimeout(tick, backlog ? 0 : this.#options.pollMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for a pass in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#queue;
  }
}
