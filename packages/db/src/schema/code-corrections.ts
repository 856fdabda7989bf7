import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId } from './common.js';

/** `code_corrections`: a human fix to generated code, kept with its diff for the learning loop. */
export interface CodeCorrectionsTable {
  id: GeneratedId;
  workspace_id: string;
  generation_id: string;
  author_id: string | null;
  kind: string;
  reason: string;
  code: string;
  diff: string;
  findings: ColumnType<unknown[], string | undefined, string>;
  created_at: CreatedAt;
}
export type CodeCorrectionRow = Selectable<CodeCorrectionsTable>;
export type NewCodeCorrectionRow = Insertable<CodeCorrectionsTable>;
export type CodeCorrectionRowUpdate = Updateable<CodeCorrectionsTable>;
