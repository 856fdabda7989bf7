/**
 * Receipt verification in the editor: the receipt is fetched from the server but checked here,
 * offline, with @brandsafe/audit's verifyReceipt against the log's public key (RFC 9162 inclusion
 * proof, leaf hash, canonical bytes, signed checkpoint). The server is not trusted to say
 * "verified": a tampered receipt fails here with each failing check named. No `vscode` import.
 */
import { verifyReceipt, type ReceiptFailure } from '@brandsafe/audit';
import type { ApiClient } from './api';
import type { AuditEvent, GenerationTransition, LogKey } from './api-types';

export type VerifyOutcome =
  | { ok: true; eventId: string; leafIndex: number; treeSize: number; origin: string; timestamp: number }
  | { ok: false; eventId?: string; failures: readonly ReceiptFailure[] };

/** Verifies a receipt (already fetched or read from a file) against the log key. */
export function verifyWithKey(receipt: unknown, key: LogKey): VerifyOutcome {
  const result = verifyReceipt(receipt, key.publicKey, { origin: key.origin });
  const eventId = typeof receipt === 'object' && receipt !== null ? (receipt as { event?: { id?: unknown } }).event?.id : undefined;
  const id = typeof eventId === 'string' ? eventId : undefined;
  if (result.ok) return { ok: true, eventId: id ?? '', leafIndex: result.leafIndex, treeSize: result.treeSize, origin: result.origin, timestamp: result.timestamp };
  return { ok: false, ...(id ? { eventId: id } : {}), failures: result.failures };
}

/**
 * The audit event recording a transition: events of type `generation.transitioned` name the
 * transition in `payload.transitionId`; the search is narrowed to a window around its time.
 */
export async function transitionEvent(client: ApiClient, transition: GenerationTransition): Promise<AuditEvent | undefined> {
  const at = Date.parse(transition.createdAt);
  const events = await client.auditEvents({
    type: 'generation.transitioned',
    from: new Date(at - 60_000).toISOString(),
    to: new Date(at + 60_000).toISOString(),
  });
  return events.find((e) => e.payload.transitionId === transition.id);
}

/** Fetches the transition's receipt and the log key, and verifies locally. */
export async function verifyTransition(client: ApiClient, transition: GenerationTransition): Promise<VerifyOutcome & { receipt?: unknown }> {
  const event = await transitionEvent(client, transition);
  if (!event) return { ok: false, failures: [{ check: 'receipt-format', message: `no audit event records transition ${transition.id}` }] };
  const [receipt, key] = await Promise.all([client.receipt(event.id), client.logKey()]);
  return { ...verifyWithKey(receipt, key), receipt };
}

/** One line for a notification or the webview. */
export function describeOutcome(outcome: VerifyOutcome): string {
  if (outcome.ok) return `verified: leaf ${outcome.leafIndex} of a ${outcome.treeSize}-entry log (${outcome.origin}), signed checkpoint of ${new Date(outcome.timestamp * 1000).toISOString()}`;
  return `FAILED: ${outcome.failures.map((f) => `${f.check}: ${f.message}`).join('; ')}`;
}
