/**
 * A mirror of the Turtle grammar's nesting (W3C Turtle §6.5: triples, predicateObjectList,
 * blankNodePropertyList, collection), fed with n3's lexer tokens alongside n3's parser. It knows,
 * at any token, the subject and verb (predicate) tokens of the innermost statement or `[ ]`
 * property list, which n3 does not expose.
 */

/** A token as n3's Lexer emits it: 1-based line, 0-based UTF-16 columns, end exclusive. */
export interface Token {
  type: string;
  value: string;
  prefix: string;
  line: number;
  start: number;
  end: number;
  endLine?: number;
}

export const DATATYPE_TOKENS = new Set(['type', 'typeIRI', 'langcode', 'dircode']);
const DIRECTIVES = new Set(['@prefix', 'PREFIX', '@base', 'BASE', '@version', 'VERSION']);

type Expect = 'subject' | 'predicate' | 'object' | 'punct' | 'item' | 'directive';

/** One nesting level of the grammar mirror. */
interface Frame {
  kind: 'statement' | 'blank' | 'list';
  expect: Expect;
  /** The range index of the verb token of the triple being read at this level (-1: none). */
  verb: number;
  /** The range index of the statement's subject token (-1: none, or a `[`/`(` subject). */
  subject: number;
  /** For directives: whether it ends with a dot (`@prefix`) rather than after its IRI (`PREFIX`). */
  dotted?: boolean;
}

/**
 * Tracks the subject and verb (predicate) tokens of the innermost statement or `[ ]` property
 * list, so a quad emitted while a token is read can be given its subject's and predicate's range.
 */
export class GrammarMirror {
  private readonly stack: Frame[] = [{ kind: 'statement', expect: 'subject', verb: -1, subject: -1 }];

  constructor(private readonly currentRange: () => number) {}

  /** The verb range index of the innermost non-collection level, or -1. */
  get verb(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i]!;
      if (frame.kind !== 'list') return frame.verb;
    }
    return -1;
  }

  /** The subject range index of the innermost non-collection level, or -1. */
  get subject(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i]!;
      if (frame.kind !== 'list') return frame.subject;
    }
    return -1;
  }

  /** Called before the parser reads the token. */
  enter(token: Token): void {
    const frame = this.stack[this.stack.length - 1]!;
    const type = token.type;
    switch (frame.expect) {
      case 'directive':
        if (type === '.' || (!frame.dotted && (type === 'IRI' || type === 'literal'))) frame.expect = 'subject';
        return;
      case 'subject':
        if (DIRECTIVES.has(type)) {
          frame.expect = 'directive';
          frame.dotted = type.startsWith('@');
          return;
        }
        frame.expect = 'predicate';
        frame.subject = type === '[' || type === '(' ? -1 : this.currentRange();
        this.open(type);
        return;
      case 'predicate':
        if (type === '.') frame.expect = 'subject';
        else if (type !== ';' && type !== ']') {
          frame.verb = this.currentRange();
          frame.expect = 'object';
        }
        return;
      case 'object':
        frame.expect = 'punct';
        this.open(type);
        return;
      case 'punct':
        if (type === ',') frame.expect = 'object';
        else if (type === ';') frame.expect = 'predicate';
        else if (type === '.') frame.expect = 'subject';
        return;
      case 'item':
        if (type !== ')' && !DATATYPE_TOKENS.has(type)) this.open(type);
        return;
    }
  }

  /** Called after the parser has read the token: closing brackets end their level here, so a
   * quad the parser emits while reading `]` still sees the inner level's verb. */
  leave(token: Token): void {
    const frame = this.stack[this.stack.length - 1]!;
    if ((token.type === ']' && frame.kind === 'blank') || (token.type === ')' && frame.kind === 'list')) {
      if (this.stack.length > 1) this.stack.pop();
    }
  }

  private open(type: string): void {
    if (type === '[') this.stack.push({ kind: 'blank', expect: 'predicate', verb: -1, subject: -1 });
    else if (type === '(') this.stack.push({ kind: 'list', expect: 'item', verb: -1, subject: -1 });
  }
}

