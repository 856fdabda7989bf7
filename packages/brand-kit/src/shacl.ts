/**
 * SHACL validation of a brand graph with shacl-engine, reported as BrandProblems at the triple at
 * fault (https://www.w3.org/TR/shacl/#validation-report).
 */
import { parse as parseCss } from 'css-what';
import { DataFactory, Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import { Validator } from 'shacl-engine';
import type { CompileValidation } from 'shacl-engine';
import { shapesTurtle } from './assets.js';
import { IndexedDataset } from './dataset.js';
import type { BrandGraph } from './graph.js';
import type { BrandProblem, Range, Severity } from './model.js';
import { BSH, SH, localName } from './namespace.js';
import { mergeSlices, validateSlice } from './shacl-run.js';
import type { ResultRecord } from './shacl-run.js';

/** The custom component that checks a value parses as a CSS selector list (see brand.shacl.ttl). */
export const VALID_CSS_COMPONENT = BSH('ValidCssConstraintComponent');
const VALID_CSS_IRI = VALID_CSS_COMPONENT.value;

const TRAVERSALS = new Set(['child', 'descendant', 'sibling', 'adjacent', 'parent', 'column-combinator']);

/**
 * Why a selector does not parse, or undefined when it does. css-what parses the Selectors Level 4
 * grammar and throws on malformed input; it tolerates a combinator at either end of a complex
 * selector (`div >`, `> a`), which querySelector rejects outside :has(), so those are checked here.
 */
export function cssSelectorError(css: string): string | undefined {
  if (css.trim() === '') return 'empty selector';
  try {
    for (const tokens of parseCss(css)) {
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (first && TRAVERSALS.has(first.type)) return `a selector cannot start with a combinator (${first.type})`;
      if (last && TRAVERSALS.has(last.type)) return `a selector cannot end with a combinator (${last.type})`;
    }
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const compileValidCss: CompileValidation = () => ({
  generic: (context) => {
    const term = context.valueOrNode.term;
    const reason = term?.termType === 'Literal' ? cssSelectorError(term.value) : 'not a string literal';
    context.test(reason === undefined, VALID_CSS_COMPONENT, {
      message: [DataFactory.literal(`${JSON.stringify(term?.value ?? '')} is not a valid CSS selector: ${reason ?? ''}`)],
      value: context.valueOrNode,
    });
  },
});

let validator: Validator | undefined;

/** The validator for the shipped shapes, built once per thread (parsing and compiling shapes is not free). */
export function brandValidator(): Validator {
  if (!validator) {
    const shapes = new IndexedDataset(new Parser({ format: 'text/turtle' }).parse(shapesTurtle()));
    validator = new Validator(shapes, {
      factory: DataFactory as unknown as RDF.DataFactory,
      validations: new Map([[BSH('validCss'), compileValidCss]]),
    });
  }
  return validator;
}

const SEVERITIES: Record<string, Severity> = {
  [`${SH.iri}Violation`]: 'error',
  [`${SH.iri}Warning`]: 'warning',
  [`${SH.iri}Info`]: 'info',
};

/** Writes an IRI with the document's prefixes when one fits, else in angle brackets. */
export function compactIri(iri: string, prefixes: Readonly<Record<string, string>>): string {
  for (const [prefix, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The range a result points at: the object of the offending triple when the result names a value,
 * the predicate for a closed-shape violation, the extra value for maxCount, and the focus node's
 * first occurrence as a subject otherwise (a missing property has no triple of its own).
 */
function resultRange(graph: BrandGraph, result: ResultRecord<RDF.Term>): Range {
  const focus = result.focus;
  if (!focus) return ORIGIN;
  const first = graph.subjectLocations(focus)[0] ?? graph.termLocations(focus)[0] ?? ORIGIN;
  const predicate = result.simplePredicate;
  if (predicate === undefined) return first;
  const triples = graph.triples(focus, predicate);
  const component = result.constraint;
  if (component === `${SH.iri}ClosedConstraintComponent`) return triples[0]?.predicate ?? first;
  if (component === `${SH.iri}MaxCountConstraintComponent`) return triples[triples.length - 1]?.object ?? first;
  const value = result.value;
  if (value) {
    const hit = triples.find((t) => t.quad.object.equals(value));
    if (hit) return hit.object;
  }
  return first;
}

function resultMessage(graph: BrandGraph, result: ResultRecord<RDF.Term>): string {
  const prefixes = graph.prefixes;
  if (result.constraint === `${SH.iri}ClosedConstraintComponent`) {
    const p = result.firstPredicate;
    return `${p ? compactIri(p, prefixes) : 'This property'} is not allowed here: the shape ${compactIri(result.shape ?? '', { bsh: BSH.iri })} does not declare it (misspelt?)`;
  }
  const text = result.message;
  // The shape's sh:message wins over the component's, so add the CSS parser's reason here.
  const value = result.value;
  if (result.constraint === VALID_CSS_IRI && value?.termType === 'Literal') {
    return `${text}: ${JSON.stringify(value.value)} does not parse (${cssSelectorError(value.value) ?? 'unknown reason'})`;
  }
  return text || `Violates ${localName(result.constraint)}`;
}

/** Turns result records (in report order) into `shacl` problems at the triples at fault. */
export function recordsToProblems(graph: BrandGraph, records: readonly ResultRecord<RDF.Term>[], file?: string): BrandProblem[] {
  const problems: BrandProblem[] = [];
  for (const result of records) {
    const severity = SEVERITIES[result.severity];
    if (!severity) continue; // debug and trace results of shacl-engine are not problems
    problems.push({
      kind: 'shacl',
      severity,
      message: resultMessage(graph, result),
      range: resultRange(graph, result),
      ...(file === undefined ? {} : { file }),
      ...(result.focus ? { focusNode: result.focus.value } : {}),
      ...(result.pathPredicate === undefined ? {} : { path: result.pathPredicate }),
      constraint: result.constraint,
    });
  }
  return problems;
}

/**
 * Validates the graph against the shipped shapes in this thread. Every validation result becomes
 * one `shacl` problem; the SHACL focus node, path and component IRI are kept on it.
 */
export async function validateShacl(graph: BrandGraph, file?: string): Promise<BrandProblem[]> {
  return recordsToProblems(graph, mergeSlices([await validateSlice(brandValidator(), graph.dataset)]), file);
}
