/**
 * The database as a @brandsafe/audit HashSource: complete-subtree hashes by (level, index), read
 * in one query per proof through the definer function of migration 0007.
 */
import { AuditError, CompactRange, type HashSource, type NodeId } from '@brandsafe/audit';
import { auditNodeHashes, type AuditDb } from '@brandsafe/db';

/** Hash source over the stored tree; a missing node is a HASH_SOURCE_FAILED error. */
export function dbHashSource(db: AuditDb): HashSource {
  return {
    async nodeHashes(ids: readonly NodeId[]) {
      const hashes = await auditNodeHashes(db, ids);
      return hashes.map((h, i) => {
        if (!h) throw new AuditError('HASH_SOURCE_FAILED', `tree node (${ids[i]!.level}, ${ids[i]!.index}) is not stored`);
        return h;
      });
    },
  };
}

/** The Merkle frontier of the stored tree of `size` leaves (to resume appending). */
export async function loadFrontier(db: AuditDb, size: number): Promise<CompactRange> {
  const ids = CompactRange.frontierIds(size);
  const hashes = ids.length === 0 ? [] : await dbHashSource(db).nodeHashes(ids);
  return CompactRange.fromFrontier(size, hashes);
}
