import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId } from './common.js';

/** `opal_requests`: one call of the Optimizely Opal tool endpoint, for analytics. */
export interface OpalRequestsTable {
  id: GeneratedId;
  workspace_id: string;
  brand_id: string | null;
  token_id: string | null;
  generation_id: string | null;
  test_type: string | null;
  status: string;
  confidence: number | null;
  duration_ms: number;
  error_code: string | null;
  created_at: CreatedAt;
}
export type OpalRequestRow = Selectable<OpalRequestsTable>;
export type NewOpalRequestRow = Insertable<OpalRequestsTable>;
export type OpalRequestRowUpdate = Updateable<OpalRequestsTable>;
