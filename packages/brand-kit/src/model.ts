/**
 * The typed brand model that loading a brand graph produces, and the shared position types.
 *
 * Positions are 0-based (line, character), as in the Language Server Protocol; the CLI adds 1
 * when it prints them. Every model object keeps the location of its subject's first occurrence
 * in the Turtle source so editors can point at it.
 */

/** A 0-based position in a text document (LSP convention; character counts UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end) in a text document. */
export interface Range {
  start: Position;
  end: Position;
}

/** Where something came from: a file (path or URI) and a range within it. */
export interface SourceLocation {
  file?: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info';

/** Selector stability as the brand declares it. */
export type Stability = 'stable' | 'volatile' | 'experimental' | 'deprecated';

export interface PageType {
  iri: string;
  /** Local name of the IRI, e.g. `product-detail`. */
  id: string;
  label: string;
  /** Optional URL pattern (a regular expression source) the page type covers. */
  urlPattern?: string;
  location?: SourceLocation;
}

export interface ApprovedSelector {
  iri: string;
  id: string;
  /** The CSS selector text, exactly as approved. */
  css: string;
  /** Ids of the page types the selector is approved on (empty: all pages). */
  pageTypes: string[];
  stability: Stability;
  description?: string;
  label?: string;
  location?: SourceLocation;
}

/** The kinds of code rule a brand can declare (bs:ForbiddenCallRule etc.). */
export type CodeRuleKind = 'forbidden-call' | 'required-wrapper' | 'network-allowlist' | 'size-budget';

export interface CodeRule {
  iri: string;
  id: string;
  kind: CodeRuleKind;
  severity: Severity;
  message: string;
  docsUrl?: string;
  /** forbidden-call: dotted callee paths such as `document.cookie`, `localStorage.setItem`. */
  callees?: string[];
  /** required-wrapper: the wrapper every DOM access must sit inside, e.g. `utils.waitForElement`. */
  wrapper?: string;
  /** network-allowlist: host names (a leading `*.` allows subdomains). */
  allowedDomains?: string[];
  /** size-budget: maximum size of the variation code in bytes (UTF-8). */
  maxBytes?: number;
  location?: SourceLocation;
}

export type TemplateParameterType = 'selector' | 'text' | 'number' | 'boolean' | 'url' | 'color';

export interface TemplateParameter {
  name: string;
  type: TemplateParameterType;
  description?: string;
  required: boolean;
  default?: string;
  /** For selector parameters: only selectors approved on this page type are accepted. */
  pageType?: string;
}

export interface Template {
  iri: string;
  id: string;
  label: string;
  /** The kind of test, e.g. `banner`, `cta-change`, `price-badge`, `layout-swap`. */
  testType: string;
  description?: string;
  parameters: TemplateParameter[];
  /** Template body with `{{name}}` placeholders. */
  body: string;
  pageTypes: string[];
  location?: SourceLocation;
}

export interface Brand {
  iri: string;
  id: string;
  name: string;
  /** Semver of this brand graph (bs:version). */
  version?: string;
  description?: string;
  /** Host names the brand's sites live on. */
  domains: string[];
  pageTypes: PageType[];
  selectors: ApprovedSelector[];
  rules: CodeRule[];
  templates: Template[];
  /** Built-in rule packs the brand adopts, e.g. `recommended`, `optimizely-web`. */
  rulePacks: string[];
  location?: SourceLocation;
}

/** A problem found while loading a brand graph: a Turtle syntax error or a SHACL violation. */
export interface BrandProblem {
  /** `turtle-syntax`, `shacl`, or `model` (a graph the model cannot be built from). */
  kind: 'turtle-syntax' | 'shacl' | 'model';
  severity: Severity;
  message: string;
  range: Range;
  file?: string;
  /** For SHACL: the focus node, the path and the constraint component IRI. */
  focusNode?: string;
  path?: string;
  constraint?: string;
}
