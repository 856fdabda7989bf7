// Types for @rdfjs/dataset (untyped JavaScript), as the brand-graph benchmark uses it.
declare module '@rdfjs/dataset' {
  import type { DatasetCore, Quad } from '@rdfjs/types';
  const factory: { dataset(quads?: Quad[]): DatasetCore };
  export default factory;
}
