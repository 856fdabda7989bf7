import type { Tx } from '../scope.js';
import type { TokenScope } from '../schema/common.js';
import type { ApiTokenRow } from '../schema/api-tokens.js';

/** A personal API token as listed (never with its secret or hash). */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Maps an `api_tokens` row to the domain type, dropping the hash. */
export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Stores a new token by the SHA-256 of its secret. */
export async function createApiToken(
  trx: Tx,
  values: { workspaceId: string; userId: string; name: string; prefix: string; tokenHash: string; scopes: TokenScope[]; expiresAt?: Date | null },
): Promise<ApiToken> {
  const row = await trx
    .insertInto('api_tokens')
    .values({
      workspace_id: values.workspaceId,
      user_id: values.userId,
      name: values.name,
      prefix: values.prefix,
      token_hash: values.tokenHash,
      scopes: values.scopes,
      expires_at: values.expiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApiToken(row);
}

/** A user's tokens in the scope's workspace, newest first, revoked ones included. */
export async function listApiTokens(trx: Tx, userId: string): Promise<ApiToken[]> {
  const rows = await trx.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toApiToken);
}

/** Revokes one of a user's live tokens; returns it, or undefined when there was none. */
export async function revokeApiToken(trx: Tx, userId: string, id: string): Promise<ApiToken | undefined> {
  const row = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row && toApiToken(row);
}
