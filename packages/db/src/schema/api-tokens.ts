import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Timestamp, TokenScope } from './common.js';

/** `api_tokens`: personal API tokens, stored only as the SHA-256 of the secret. */
export interface ApiTokensTable {
  id: GeneratedId;
  workspace_id: string;
  user_id: string;
  name: string;
  /** The first characters of the secret, shown in listings so a person can tell tokens apart. */
  prefix: string;
  token_hash: string;
  scopes: TokenScope[];
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type NewApiTokenRow = Insertable<ApiTokensTable>;
export type ApiTokenRowUpdate = Updateable<ApiTokensTable>;
