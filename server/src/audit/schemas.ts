/** zod/OpenAPI schemas of the audit log API (issue 5 §3). */
import { z } from '@hono/zod-openapi';
import type { AuditDb } from '@brandsafe/db';
import { ProblemError } from '../http/problem.js';
import { auditLogFor, type AuditLogService } from './service.js';

const Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const CheckpointSchema = z
  .object({
    treeSize: z.number().int(),
    rootHash: Hex.openapi({ description: 'Lower-case hex SHA-256 root (RFC 9162 §2.1)' }),
    timestamp: z.number().int().openapi({ description: 'POSIX seconds, bound by the timestamped cosignature' }),
    logId: z.string().openapi({ description: 'Hex SHA-256 of the key’s DER SubjectPublicKeyInfo (RFC 6962 §3.2)' }),
    signature: z.string().openapi({ description: 'Base64 Ed25519 signature of the note body' }),
    note: z.string().openapi({ description: 'The C2SP signed note (c2sp.org/tlog-checkpoint)' }),
  })
  .openapi('AuditCheckpoint');

export const EventSchema = z
  .object({
    id: z.uuid(),
    seq: z.string(),
    workspaceId: z.uuid(),
    type: z.string(),
    actor: z.string(),
    at: z.string().openapi({ description: 'RFC 3339 UTC with microseconds' }),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

export const ReceiptSchema = z
  .object({
    event: EventSchema,
    leaf: z.string().openapi({ description: 'Base64 of the event’s RFC 8785 canonical bytes' }),
    leafIndex: z.number().int(),
    leafHash: Hex,
    inclusionProof: z.array(Hex).openapi({ description: 'RFC 9162 §2.1.3 audit path, bottom first' }),
    checkpoint: CheckpointSchema,
  })
  .openapi('AuditReceipt');

export const ConsistencySchema = z
  .object({ first: z.number().int(), second: z.number().int(), proof: z.array(Hex) })
  .openapi('AuditConsistencyProof');

export const ListedEventSchema = EventSchema.extend({ leafIndex: z.number().int().nullable() }).openapi('AuditListedEvent');

export const FindingSchema = z
  .object({
    kind: z.enum(['altered', 'deleted', 'reordered', 'unsequenced', 'tree-mismatch', 'head-mismatch', 'head-signature']),
    leafIndex: z.number().int().optional(),
    eventId: z.uuid().optional(),
    treeSize: z.number().int().optional(),
    detail: z.string(),
  })
  .openapi('AuditTamperFinding');

export const TamperReportSchema = z
  .object({
    checkedAt: z.string(),
    treeSize: z.number().int(),
    checkedLeaves: z.number().int(),
    checkedHeads: z.number().int(),
    intact: z.boolean(),
    findings: z.array(FindingSchema),
  })
  .openapi('AuditTamperReport');

/** The audit log of the app's database, or a 503 problem when none runs. */
export function requireAuditLog(db: AuditDb): AuditLogService {
  const service = auditLogFor(db);
  if (!service) throw new ProblemError('UNAVAILABLE', 'the audit log is not running on this server');
  return service;
}
