import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Json } from './common.js';

/**
 * `brand_versions`: one uploaded Turtle graph of a brand, immutable once written. `model` is the
 * typed brand (`Brand` from @brandsafe/brand-kit) as loaded, so reads need no re-parse;
 * `problems` keeps the non-blocking problems (warnings) found when it was loaded.
 */
export interface BrandVersionsTable {
  id: GeneratedId;
  workspace_id: string;
  brand_id: string;
  version: string;
  major: number;
  minor: number;
  patch: number;
  turtle: string;
  model: Json<unknown>;
  problems: Json<unknown[]>;
  created_by: string | null;
  created_at: CreatedAt;
}
export type BrandVersionRow = Selectable<BrandVersionsTable>;
export type NewBrandVersionRow = Insertable<BrandVersionsTable>;
export type BrandVersionRowUpdate = Updateable<BrandVersionsTable>;
