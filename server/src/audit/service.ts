/**
 * The audit log service of one database: the signing identity, the integrator, proofs and
 * receipts, and the latest tamper report. Routes find it through {@link auditLogFor}, keyed by
 * the database handle the app was built with, so `createApp` needs no new dependency and an
 * app without a running log answers 503 on the audit routes.
 */
import {
  buildReceipt,
  consistencyProof,
  exportPublicKeyPem,
  formatVerifierKey,
  inclusionProof,
  toHex,
  type CheckpointJson,
  type Receipt,
} from '@brandsafe/audit';
import { findAuditLeafByEvent, getAuditLogEvent, latestAuditTreeHead, type AuditDb, type AuditTreeHead } from '@brandsafe/db';
import type { Logger } from 'pino';
import { leafEvent } from './events.js';
import { AuditIntegrator, headJson, type IntegratorOptions, type LogSigner } from './integrator.js';
import { dbHashSource } from './store.js';
import type { TamperReport } from './tamper.js';

/** Why a receipt cannot be served (mapped to problems by the routes). */
export type ReceiptOutcome =
  | { ok: true; receipt: Receipt }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-integrated' };

export class AuditLogService {
  readonly signer: LogSigner;
  readonly integrator: AuditIntegrator;
  readonly publicKeyPem: string;
  /** The C2SP verifier key (`<origin>+<keyid>+<base64>`) for checkpoint tools. */
  readonly verifierKey: string;
  /** The most recent tamper check, if one ran. */
  lastTamperReport: TamperReport | undefined;
  readonly logger: Logger | undefined;

  constructor(db: AuditDb, signer: LogSigner, options: Partial<IntegratorOptions> = {}, logger?: Logger) {
    this.signer = signer;
    this.logger = logger;
    this.integrator = new AuditIntegrator(db, signer, options, logger);
    this.publicKeyPem = exportPublicKeyPem(signer.publicKey);
    this.verifierKey = formatVerifierKey(signer.origin, signer.publicKey);
  }

  /**
   * The newest head signed with this log's key, signing one on demand if there is none. The
   * lookup runs in `scoped`; signing, if needed, after that transaction ended (PGlite has one
   * connection, so a transaction must never wait on another inside it).
   */
  async checkpoint(scoped: <T>(fn: (trx: AuditDb) => Promise<T>) => Promise<T>): Promise<AuditTreeHead> {
    return (await scoped((trx) => latestAuditTreeHead(trx, this.signer.logId))) ?? this.integrator.signNow();
  }

  /**
   * A receipt for an event visible on `scoped` (a tenant transaction). An event not yet in a
   * signed head is integrated and signed on demand (a receipt request means someone is waiting
   * for it), then looked up again; `scopedAgain` opens a fresh scoped transaction for that.
   */
  async receipt(scoped: <T>(fn: (trx: AuditDb) => Promise<T>) => Promise<T>, eventId: string): Promise<ReceiptOutcome> {
    const attempt = () =>
      scoped(async (trx) => {
        const event = await getAuditLogEvent(trx, eventId);
        if (!event) return { ok: false, reason: 'not-found' } as const;
        const leaf = await findAuditLeafByEvent(trx, eventId);
        const head = await latestAuditTreeHead(trx, this.signer.logId);
        if (!leaf || !head || head.treeSize <= leaf.leafIndex) return { ok: false, reason: 'not-integrated' } as const;
        const proof = await inclusionProof(dbHashSource(trx), leaf.leafIndex, head.treeSize);
        const receipt = buildReceipt({ event: leafEvent(event), leafIndex: leaf.leafIndex, inclusionProof: proof, checkpoint: headJson(head) });
        return { ok: true, receipt } as const;
      });
    const first = await attempt();
    if (first.ok || first.reason === 'not-found') return first;
    await this.integrator.integrate({ sign: 'always' });
    return attempt();
  }

  /** RFC 9162 §2.1.4 proof between sizes first ≤ second ≤ the newest signed head. */
  async consistency(db: AuditDb, first: number, second: number): Promise<{ first: number; second: number; proof: string[] } | { error: string }> {
    const head = await latestAuditTreeHead(db, this.signer.logId);
    const size = head?.treeSize ?? 0;
    if (first > second) return { error: `first (${first}) must not exceed second (${second})` };
    if (second > size) return { error: `second (${second}) exceeds the newest signed tree size ${size}` };
    const proof = await consistencyProof(dbHashSource(db), first, second);
    return { first, second, proof: proof.map(toHex) };
  }

  /** The checkpoint JSON of a stored head. */
  json(head: AuditTreeHead): CheckpointJson {
    return headJson(head);
  }
}

const services = new WeakMap<object, AuditLogService>();

/** Makes `service` the audit log of the app built on `db`. */
export function registerAuditLog(db: AuditDb, service: AuditLogService): void {
  services.set(db, service);
}

/** The audit log registered for `db`, if any. */
export function auditLogFor(db: AuditDb): AuditLogService | undefined {
  return services.get(db);
}
