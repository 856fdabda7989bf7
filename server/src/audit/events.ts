/**
 * What a leaf of the audit log is: the RFC 8785 canonical JSON bytes of an event in the form
 * below (issue 5 §1). The same object is the `event` of a receipt, so anyone holding a receipt
 * can recompute the leaf from the event it shows.
 */
import { canonicalBytes, hashLeaf, type JsonValue } from '@brandsafe/audit';
import type { AuditLogEvent } from '@brandsafe/db';

/** The event as it is hashed into the log and shown in receipts. */
export function leafEvent(event: AuditLogEvent): JsonValue {
  return {
    id: event.id,
    seq: event.seq,
    workspaceId: event.workspaceId,
    type: event.type,
    actor: event.actor,
    at: event.at,
    payload: event.payload as JsonValue,
  };
}

/** RFC 9162 §2.1.1 leaf hash of an event: SHA-256(0x00 || canonical bytes). */
export function eventLeafHash(event: AuditLogEvent): Uint8Array {
  return hashLeaf(canonicalBytes(leafEvent(event)));
}
