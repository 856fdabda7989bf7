import type { Tx } from '../scope.js';
import type { CodeCorrectionRow } from '../schema/code-corrections.js';

/** A human fix to generated code (issue 4 §7), with its unified diff and the re-check's findings. */
export interface CodeCorrection {
  id: string;
  generationId: string;
  authorId: string | null;
  kind: string;
  reason: string;
  code: string;
  /** Unified diff from the code before the correction to `code`. */
  diff: string;
  findings: unknown[];
  createdAt: Date;
}

/** Maps a `code_corrections` row to the domain type. */
export function toCodeCorrection(row: CodeCorrectionRow): CodeCorrection {
  return {
    id: row.id,
    generationId: row.generation_id,
    authorId: row.author_id,
    kind: row.kind,
    reason: row.reason,
    code: row.code,
    diff: row.diff,
    findings: row.findings,
    createdAt: row.created_at,
  };
}

/** Stores a correction. */
export async function insertCodeCorrection(
  trx: Tx,
  c: { workspaceId: string; generationId: string; authorId: string | null; kind: string; reason: string; code: string; diff: string; findings: unknown[] },
): Promise<CodeCorrection> {
  const row = await trx
    .insertInto('code_corrections')
    .values({
      workspace_id: c.workspaceId,
      generation_id: c.generationId,
      author_id: c.authorId,
      kind: c.kind,
      reason: c.reason,
      code: c.code,
      diff: c.diff,
      findings: JSON.stringify(c.findings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCodeCorrection(row);
}

/** A generation's corrections, oldest first. */
export async function listCodeCorrections(trx: Tx, generationId: string): Promise<CodeCorrection[]> {
  const rows = await trx
    .selectFrom('code_corrections')
    .selectAll()
    .where('generation_id', '=', generationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toCodeCorrection);
}
