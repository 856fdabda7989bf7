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

  export class Validator {
    constructor(shapes: DatasetCore, options: ValidatorOptions);
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}
