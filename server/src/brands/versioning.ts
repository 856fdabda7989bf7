/**
 * Choosing the semver of an uploaded brand graph: the version asked for (query parameter), else
 * the one the graph declares (`bs:version`), else the next patch after the latest (1.0.0 for the
 * first). Versions only go up, so a diff between "older" and "newer" is always meaningful.
 */
import { parseSemver } from '@brandsafe/db';
import { ProblemError } from '../http/problem.js';

/** Orders two valid semver core versions (-1, 0, 1). */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) throw new RangeError(`not semver: ${a} / ${b}`);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
  return 0;
}

/** The version to store, or a 400/409 problem explaining why the requested one cannot be. */
export function chooseVersion(latest: string | null, requested: string | undefined, declared: string | undefined): string {
  const wanted = requested ?? declared;
  const source = requested ? 'the version parameter' : 'the graph (bs:version)';
  if (wanted !== undefined) {
    if (!parseSemver(wanted)) {
      throw new ProblemError('VALIDATION_FAILED', `${source} is not a semver version (major.minor.patch): ${wanted}`, {
        errors: [{ field: 'version', message: 'expected major.minor.patch' }],
      });
    }
    if (latest && compareSemver(wanted, latest) <= 0) {
      throw new ProblemError('CONFLICT', `${source} asks for ${wanted}, but versions must increase: the latest is ${latest}`, { latest });
    }
    return wanted;
  }
  if (!latest) return '1.0.0';
  const [major, minor, patch] = parseSemver(latest) as [number, number, number];
  return `${major}.${minor}.${patch + 1}`;
}
