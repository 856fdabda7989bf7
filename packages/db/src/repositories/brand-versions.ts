import type { Tx } from '../scope.js';
import type { BrandVersionRow } from '../schema/brand-versions.js';

/** One stored version of a brand graph. `model` and `problems` are brand-kit values as JSON. */
export interface BrandVersion {
  id: string;
  brandId: string;
  version: string;
  turtle: string;
  model: unknown;
  problems: unknown[];
  createdBy: string | null;
  createdAt: Date;
}

/** A version in a listing (without the Turtle and the model). */
export type BrandVersionSummary = Omit<BrandVersion, 'turtle' | 'model'>;

/** Maps a `brand_versions` row to the domain type. */
export function toBrandVersion(row: BrandVersionRow): BrandVersion {
  return {
    id: row.id,
    brandId: row.brand_id,
    version: row.version,
    turtle: row.turtle,
    model: row.model,
    problems: row.problems,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Splits `major.minor.patch` (SemVer 2.0.0 core, no pre-release) into numbers, or undefined. */
export function parseSemver(version: string): [number, number, number] | undefined {
  const m = SEMVER.exec(version);
  if (!m) return undefined;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])] as const;
  return parts.every((n) => Number.isSafeInteger(n) && n <= 2_147_483_647) ? [...parts] : undefined;
}

/** Stores a version; a duplicate version of the same brand raises a unique violation. */
export async function insertBrandVersion(
  trx: Tx,
  values: { workspaceId: string; brandId: string; version: string; turtle: string; model: unknown; problems: unknown[]; createdBy: string | null },
): Promise<BrandVersion> {
  const parts = parseSemver(values.version);
  if (!parts) throw new RangeError(`not a semver version: ${values.version}`);
  const row = await trx
    .insertInto('brand_versions')
    .values({
      workspace_id: values.workspaceId,
      brand_id: values.brandId,
      version: values.version,
      major: parts[0],
      minor: parts[1],
      patch: parts[2],
      turtle: values.turtle,
      model: JSON.stringify(values.model),
      problems: JSON.stringify(values.problems),
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBrandVersion(row);
}

/** A brand's versions, newest (highest semver) first. */
export async function listBrandVersions(trx: Tx, brandId: string): Promise<BrandVersionSummary[]> {
  const rows = await trx
    .selectFrom('brand_versions')
    .select(['id', 'brand_id', 'version', 'problems', 'created_by', 'created_at'])
    .where('brand_id', '=', brandId)
    .orderBy('major', 'desc')
    .orderBy('minor', 'desc')
    .orderBy('patch', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    brandId: r.brand_id,
    version: r.version,
    problems: r.problems,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** One version of a brand by semver, or the highest when `version` is omitted. */
export async function getBrandVersion(trx: Tx, brandId: string, version?: string): Promise<BrandVersion | undefined> {
  let q = trx.selectFrom('brand_versions').selectAll().where('brand_id', '=', brandId);
  q = version === undefined ? q.orderBy('major', 'desc').orderBy('minor', 'desc').orderBy('patch', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  return row && toBrandVersion(row);
}
