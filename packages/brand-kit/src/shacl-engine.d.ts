// Types for the parts of shacl-engine 1.x (untyped JavaScript) that brand-kit uses.
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Literal, Term } from '@rdfjs/types';

  /** A grapoi pointer list; brand-kit only reads the term it points at. */
  export interface Pointer {
    readonly term: Term | undefined;
    readonly terms: Term[];
  }

  export interface PathStep {
    quantifier: 'one' | 'oneOrMore' | 'zeroOrMore' | 'zeroOrOne';
    start: 'subject' | 'object';
    end: 'subject' | 'object';
    predicates: Term[];
  }

  export interface ValidationResult {
    readonly severity: Term;
    readonly constraintComponent: Term;
    readonly focusNode: Pointer;
    readonly path: PathStep[] | null | undefined;
    readonly value: Pointer | undefined;
    readonly message: Literal[];
    readonly shape: { readonly ptr: Pointer };
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    readonly results: ValidationResult[];
  }

  /** What a constraint component's validation function receives. */
  export interface ValidationContext {
    readonly factory: DataFactory;
    readonly valueOrNode: Pointer;
    test(success: boolean, constraintComponent: Term, args: { message?: Literal[]; value?: Pointer; args?: Record<string, unknown> }): void;
  }

  export interface CompiledValidation {
    generic?: (context: ValidationContext) => void;
    node?: (context: ValidationContext) => void;
    property?: (context: ValidationContext) => void;
  }

  export type CompileValidation = (shape: { readonly ptr: Pointer }) => CompiledValidation | null;

  export interface ValidatorOptions {
    factory: DataFactory;
    debug?: boolean;
    details?: boolean;
    coverage?: boolean;
    trace?: boolean;
    /** Extra constraint components, keyed by their parameter's predicate. */
    validations?: Map<Term, CompileValidation>;
  }

  /** A compiled shape (lib/Shape.js); brand-kit repeats Validator.validate's loop over them. */
  export interface Shape {
    readonly ptr: Pointer;
    resolveTargets(context: ValidationContextInternal): Promise<Iterable<Pointer>>;
    validate(context: ValidationContextInternal): Promise<unknown>;
  }

  /** lib/Context.js as Validator.validate uses it. */
  export interface ValidationContextInternal {
    readonly report: { readonly results: ValidationResult[] };
    create(args: { shape?: Shape; focusNode?: Pointer }): ValidationContextInternal;
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: ValidatorOptions);
    readonly factory: DataFactory;
    readonly options: Omit<ValidatorOptions, 'factory'>;
    /** The shapes with a target or a shape type, in the order validate() visits them. */
    readonly shapes: { values(): IterableIterator<Shape> };
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}

declare module 'shacl-engine/lib/Context.js' {
  import type { DataFactory } from '@rdfjs/types';
  import type { Pointer, ValidationContextInternal, Validator } from 'shacl-engine';

  export default class Context implements ValidationContextInternal {
    constructor(args: { factory: DataFactory; focusNode: Pointer; options: Validator['options']; validator: Validator });
    readonly report: ValidationContextInternal['report'];
    create(args: Parameters<ValidationContextInternal['create']>[0]): ValidationContextInternal;
  }
}

declare module 'grapoi' {
  import type { DataFactory, DatasetCore } from '@rdfjs/types';
  import type { Pointer } from 'shacl-engine';

  /** grapoi's list of pointers; iterating it gives one single-pointer list per pointer. */
  export class PathList implements Pointer {
    constructor(args: { dataset: DatasetCore; factory: DataFactory });
    readonly term: Pointer['term'];
    readonly terms: Pointer['terms'];
    [Symbol.iterator](): Iterator<PathList>;
  }
}
