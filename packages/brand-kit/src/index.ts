/** @brandsafe/brand-kit: the brand knowledge graph (bs: vocabulary, Turtle, SHACL, typed model). */
export type * from './model.js';
