import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, GenerationStatus, Json } from './common.js';

/** `generation_transitions`: one move of a generation through the review pipeline. */
export interface GenerationTransitionsTable {
  id: GeneratedId;
  workspace_id: string;
  generation_id: string;
  from_status: GenerationStatus;
  to_status: GenerationStatus;
  actor_id: string | null;
  note: string | null;
  override_reason: string | null;
  findings: Json<unknown[]> | null;
  created_at: CreatedAt;
}
export type GenerationTransitionRow = Selectable<GenerationTransitionsTable>;
export type NewGenerationTransitionRow = Insertable<GenerationTransitionsTable>;
export type GenerationTransitionRowUpdate = Updateable<GenerationTransitionsTable>;
