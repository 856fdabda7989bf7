import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId } from './common.js';

/** `brands`: a brand of a workspace; its knowledge lives in `brand_versions`. */
export interface BrandsTable {
  id: GeneratedId;
  workspace_id: string;
  name: string;
  created_by: string | null;
  /** Semver of the newest version, null until the first graph is uploaded. */
  latest_version: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type BrandRow = Selectable<BrandsTable>;
export type NewBrandRow = Insertable<BrandsTable>;
export type BrandRowUpdate = Updateable<BrandsTable>;
