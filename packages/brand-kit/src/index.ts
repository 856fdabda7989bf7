/**
 * @brandsafe/brand-kit: the brand knowledge graph.
 *
 * - the bs: vocabulary (ontology/bs.ttl) and {@link vocabulary} for editors;
 * - SHACL shapes (shapes/brand.shacl.ttl) validated with shacl-engine;
 * - {@link loadBrand}: Turtle → typed {@link Brand} + problems with source ranges + a
 *   {@link BrandGraph} position index; {@link brandToTurtle} for the way back.
 */
export type * from './model.js';
export { loadBrand, validateBrandText } from './load.js';
export type { BrandLoadResult, LoadBrandOptions } from './load.js';
export { BrandGraph } from './graph.js';
export type { LocatedQuad, QuadHit, TermRef, TripleRole } from './graph.js';
export { brandToTurtle } from './write.js';
export { vocabulary } from './vocabulary.js';
export type { VocabularyTerm } from './vocabulary.js';
export { BS, BSH, localName } from './namespace.js';
export type { Namespace } from './namespace.js';
export { cssSelectorError, VALID_CSS_COMPONENT } from './shacl.js';
export { parseTurtle, TriplePositions } from './turtle.js';
export type { ParsedTurtle, ParseTurtleOptions, TriplePosition, TurtleSyntaxError } from './turtle.js';
export { ontologyTurtle, shapesTurtle } from './assets.js';
export { IndexedDataset } from './dataset.js';
