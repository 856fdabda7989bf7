/**
 * A transparency log in memory, shaped like the brandsafe API (checkpoint, consistency, key,
 * receipts, exports), for testing `brandsafe verify` and `brandsafe audit monitor` offline.
 */
import {
  MemoryTree,
  buildReceipt,
  canonicalBytes,
  checkpointJson,
  exportPublicKeyPem,
  generateLogKeyPair,
  logId,
  signCheckpoint,
  toHex,
  type CheckpointJson,
  type JsonValue,
  type LogKeyPair,
  type Receipt,
} from '@brandsafe/audit';

export const ORIGIN = 'brandsafe.test/audit/v1';
const WORKSPACE = '00000000-0000-4000-8000-000000000001';

export function eventAt(i: number, tag = 'a'): JsonValue {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    seq: String(i + 1),
    workspaceId: WORKSPACE,
    type: 'generation.approved',
    actor: 'user:1',
    at: new Date(Date.UTC(2026, 10, 24, 12, 0, i)).toISOString().replace('Z', '000Z'),
    payload: { i, tag },
  };
}

export class FakeLog {
  readonly keys: LogKeyPair;
  readonly tree = new MemoryTree();
  readonly events: JsonValue[] = [];
  /** Test hooks: what the next checkpoint request answers. */
  override?: CheckpointJson;

  constructor(keys: LogKeyPair = generateLogKeyPair()) {
    this.keys = keys;
  }

  append(n: number, tag = 'a'): this {
    for (let k = 0; k < n; k += 1) {
      const e = eventAt(this.events.length, tag);
      this.events.push(e);
      this.tree.appendLeaf(canonicalBytes(e));
    }
    return this;
  }

  checkpoint(size = this.tree.size, timestamp = 1_790_000_000 + size): CheckpointJson {
    return checkpointJson(signCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: this.tree.root(size) }, this.keys.privateKey, timestamp), this.keys.publicKey);
  }

  receipt(index: number, size = this.tree.size): Receipt {
    return buildReceipt({ event: this.events[index]!, leafIndex: index, inclusionProof: this.tree.inclusionProof(index, size), checkpoint: this.checkpoint(size) });
  }

  publicKeyPem(): string {
    return exportPublicKeyPem(this.keys.publicKey);
  }

  /** A compliance export of every event, with checkpoints at `sizes` then the current size. */
  exportFile(sizes: number[]): Record<string, unknown> {
    const chain = [...sizes, this.tree.size];
    return {
      format: 'brandsafe-audit-export/v1',
      origin: ORIGIN,
      logId: logId(this.keys.publicKey),
      publicKey: this.publicKeyPem(),
      verifierKey: '',
      workspaceId: WORKSPACE,
      range: { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
      generatedAt: '2026-11-24T13:00:00.000Z',
      checkpoint: this.checkpoint(),
      checkpoints: chain.map((s) => this.checkpoint(s)),
      consistency: chain.slice(1).map((s, i) => ({ first: chain[i]!, second: s, proof: this.tree.consistencyProof(chain[i]!, s).map(toHex) })),
      receipts: this.events.map((_, i) => this.receipt(i)),
    };
  }

  /** A fetch that answers like the brandsafe API, recording webhook POSTs. */
  fetch(posts: { url: string; body: unknown }[] = []): typeof globalThis.fetch {
    return async (input, init) => {
      const url = new URL(String(input));
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (init?.method === 'POST') {
        posts.push({ url: url.toString(), body: JSON.parse(String(init.body)) });
        return new Response(null, { status: 204 });
      }
      if (url.pathname === '/.well-known/brandsafe-log-key') return json({ publicKey: this.publicKeyPem(), logId: logId(this.keys.publicKey), origin: ORIGIN });
      if (url.pathname === '/api/v1/audit/checkpoint') return json(this.override ?? this.checkpoint());
      if (url.pathname === '/api/v1/audit/consistency') {
        const first = Number(url.searchParams.get('first'));
        const second = Number(url.searchParams.get('second'));
        if (second > this.tree.size || first > second) return json({ code: 'VALIDATION_FAILED' }, 400);
        return json({ first, second, proof: this.tree.consistencyProof(first, second).map(toHex) });
      }
      return json({ code: 'NOT_FOUND' }, 404);
    };
  }
}
