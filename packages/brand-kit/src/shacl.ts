/**
 * SHACL validation of a brand graph with shacl-engine, reported as BrandProblems at the triple at
 * fault (https://www.w3.org/TR/shacl/#validation-report).
 */
import { parse as parseCss } from 'css-what';
import { DataFactory, Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import { Validator } from 'shacl-engine';
import type { CompileValidation, ValidationResult } from 'shacl-engine';
import { shapesTurtle } from './assets.js';
import { IndexedDataset } from './dataset.js';
import type { BrandGraph } from './graph.js';
import type { BrandProblem, Range, Severity } from './model.js';
import { BSH, SH, localName } from './namespace.js';

/** The custom component that checks a value parses as a CSS selector list (see brand.shacl.ttl). */
export const VALID_CSS_COMPONENT = BSH('ValidCssConstraintComponent');

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

/** The validator for the shipped shapes, built once (parsing and compiling shapes is not free). */
function brandValidator(): Validator {
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
function resultRange(graph: BrandGraph, result: ValidationResult): Range {
  const focus = result.focusNode.term;
  if (!focus) return ORIGIN;
  const first = graph.subjectLocations(focus)[0] ?? graph.termLocations(focus)[0] ?? ORIGIN;
  const step = result.path?.length === 1 ? result.path[0] : undefined;
  const predicate = step?.quantifier === 'one' && step.start === 'subject' && step.predicates.length === 1 ? step.predicates[0] : undefined;
  if (!predicate) return first;
  const triples = graph.triples(focus, predicate);
  const component = result.constraintComponent.value;
  if (component === `${SH.iri}ClosedConstraintComponent`) return triples[0]?.predicate ?? first;
  if (component === `${SH.iri}MaxCountConstraintComponent`) return triples[triples.length - 1]?.object ?? first;
  const value = result.value?.term;
  if (value) {
    const hit = triples.find((t) => t.quad.object.equals(value));
    if (hit) return hit.object;
  }
  return first;
}

function resultMessage(graph: BrandGraph, result: ValidationResult): string {
  const prefixes = graph.prefixes;
  if (result.constraintComponent.value === `${SH.iri}ClosedConstraintComponent`) {
    const p = result.path?.[0]?.predicates[0];
    return `${p ? compactIri(p.value, prefixes) : 'This property'} is not allowed here: the shape ${compactIri(result.shape.ptr.term?.value ?? '', { bsh: BSH.iri })} does not declare it (misspelt?)`;
  }
  const text = result.message.map((m) => m.value).join('; ');
  // The shape's sh:message wins over the component's, so add the CSS parser's reason here.
  const value = result.value?.term;
  if (result.constraintComponent.equals(VALID_CSS_COMPONENT) && value?.termType === 'Literal') {
    return `${text}: ${JSON.stringify(value.value)} does not parse (${cssSelectorError(value.value) ?? 'unknown reason'})`;
  }
  return text || `Violates ${localName(result.constraintComponent.value)}`;
}

/**
 * Validates the graph against the shipped shapes. Every validation result becomes one `shacl`
 * problem; the SHACL focus node, path and component IRI are kept on it.
 */
export async function validateShacl(graph: BrandGraph, file?: string): Promise<BrandProblem[]> {
  const report = await brandValidator().validate({ dataset: graph.dataset });
  const problems: BrandProblem[] = [];
  for (const result of report.results) {
    const severity = SEVERITIES[result.severity.value];
    if (!severity) continue; // debug and trace results of shacl-engine are not problems
    const path = result.path?.length === 1 ? result.path[0]?.predicates[0]?.value : undefined;
    problems.push({
      kind: 'shacl',
      severity,
      message: resultMessage(graph, result),
      range: resultRange(graph, result),
      ...(file === undefined ? {} : { file }),
      ...(result.focusNode.term ? { focusNode: result.focusNode.term.value } : {}),
      ...(path === undefined ? {} : { path }),
      constraint: result.constraintComponent.value,
    });
  }
  return problems;
}
