/**
 * The ontology and shapes shipped with the package, read once from the package folder
 * (`ontology/bs.ttl`, `shapes/brand.shacl.ttl`). The paths resolve the same from `src/` (tests,
 * `--conditions source`) and `dist/` (built), which both sit one level below the package root.
 * A bundler must copy the two files next to its output's parent folder, or inline them.
 */
import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

function read(relative: string): string {
  let text = cache.get(relative);
  if (text === undefined) {
    text = readFileSync(new URL(`../${relative}`, import.meta.url), 'utf8');
    cache.set(relative, text);
  }
  return text;
}

/** The Turtle source of the bs: ontology. */
export function ontologyTurtle(): string {
  return read('ontology/bs.ttl');
}

/** The Turtle source of the SHACL shapes that define a valid brand graph. */
export function shapesTurtle(): string {
  return read('shapes/brand.shacl.ttl');
}
