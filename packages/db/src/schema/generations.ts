import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, GenerationStatus, Json } from './common.js';

/** `generations`: a piece of generated variation code and where it stands in review. */
export interface GenerationsTable {
  id: GeneratedId;
  workspace_id: string;
  brand_id: string;
  brand_version_id: string | null;
  author_id: string | null;
  test_type: string;
  description: string;
  parameters: Json<Record<string, unknown>>;
  template_id: string | null;
  page_type: string | null;
  provider: string;
  code: string;
  status: GenerationStatus;
  findings: Json<unknown[]>;
  confidence: number;
  /** Every attempt the generator made (issue 4 §6: "the result records every attempt"). */
  attempts: Json<unknown[]>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type GenerationRow = Selectable<GenerationsTable>;
export type NewGenerationRow = Insertable<GenerationsTable>;
export type GenerationRowUpdate = Updateable<GenerationsTable>;
