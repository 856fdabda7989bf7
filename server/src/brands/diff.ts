/**
 * The difference between two versions of a brand: selectors, rules and templates added,
 * removed and changed, matched by their `id` (the IRI's local name). Source locations are
 * ignored — moving a block within the Turtle file is not a change.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ApprovedSelector, Brand, CodeRule, Template } from '@brandsafe/brand-kit';

export interface Changed<T> {
  id: string;
  /** The top-level fields whose values differ. */
  fields: string[];
  before: T;
  after: T;
}

export interface EntityDiff<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

export interface BrandDiff {
  selectors: EntityDiff<ApprovedSelector>;
  rules: EntityDiff<CodeRule>;
  templates: EntityDiff<Template>;
}

type Entity = { id: string; location?: unknown };

function withoutLocation<T extends Entity>(item: T): Omit<T, 'location'> {
  const { location: _location, ...rest } = item;
  return rest;
}

/** Diffs two lists of entities by id, in the order of the newer list. */
export function diffEntities<T extends Entity>(before: readonly T[], after: readonly T[]): EntityDiff<T> {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const diff: EntityDiff<T> = { added: [], removed: [], changed: [] };
  for (const item of after) {
    const prev = old.get(item.id);
    if (!prev) {
      diff.added.push(item);
      continue;
    }
    const a = withoutLocation(prev) as Record<string, unknown>;
    const b = withoutLocation(item) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepStrictEqual(a[k], b[k])).sort();
    if (fields.length > 0) diff.changed.push({ id: item.id, fields, before: prev, after: item });
  }
  for (const item of before) if (!now.has(item.id)) diff.removed.push(item);
  return diff;
}

/** Diffs two brand models. */
export function diffBrands(before: Brand, after: Brand): BrandDiff {
  return {
    selectors: diffEntities(before.selectors, after.selectors),
    rules: diffEntities(before.rules, after.rules),
    templates: diffEntities(before.templates, after.templates),
  };
}
