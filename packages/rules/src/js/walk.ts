import type { ESTree } from 'meriyah';

export type Node = ESTree.Node;
export type NodeType = Node['type'];
export type NodeOf<K extends NodeType> = Extract<Node, { type: K }>;

/** Handlers by node type; `parents` is the ancestor stack (root first), valid during the call only. */
export type Visitor = { [K in NodeType]?: (node: NodeOf<K>, parents: readonly Node[]) => void } & {
  /** Called once after the whole program was walked. */
  'Program:exit'?: () => void;
};

type Handler = (node: Node, parents: readonly Node[]) => void;

/**
 * Child keys per ESTree node type (ES2024), in source order, so the walk never looks at `range`,
 * `regex` or other non-node properties. Unknown types fall back to a generic scan.
 */
const KEYS: Partial<Record<NodeType, readonly string[]>> = {
  Program: ['body'],
  ExpressionStatement: ['expression'],
  BlockStatement: ['body'],
  StaticBlock: ['body'],
  WithStatement: ['object', 'body'],
  ReturnStatement: ['argument'],
  LabeledStatement: ['body'],
  IfStatement: ['test', 'consequent', 'alternate'],
  SwitchStatement: ['discriminant', 'cases'],
  SwitchCase: ['test', 'consequent'],
  ThrowStatement: ['argument'],
  TryStatement: ['block', 'handler', 'finalizer'],
  CatchClause: ['param', 'body'],
  WhileStatement: ['test', 'body'],
  DoWhileStatement: ['body', 'test'],
  ForStatement: ['init', 'test', 'update', 'body'],
  ForInStatement: ['left', 'right', 'body'],
  ForOfStatement: ['left', 'right', 'body'],
  FunctionDeclaration: ['id', 'params', 'body'],
  FunctionExpression: ['id', 'params', 'body'],
  ArrowFunctionExpression: ['params', 'body'],
  VariableDeclaration: ['declarations'],
  VariableDeclarator: ['id', 'init'],
  ClassDeclaration: ['decorators', 'id', 'superClass', 'body'],
  ClassExpression: ['decorators', 'id', 'superClass', 'body'],
  ClassBody: ['body'],
  MethodDefinition: ['decorators', 'key', 'value'],
  PropertyDefinition: ['decorators', 'key', 'value'],
  AccessorProperty: ['decorators', 'key', 'value'],
  ArrayExpression: ['elements'],
  ArrayPattern: ['elements'],
  ObjectExpression: ['properties'],
  ObjectPattern: ['properties'],
  Property: ['key', 'value'],
  SpreadElement: ['argument'],
  RestElement: ['argument'],
  UnaryExpression: ['argument'],
  UpdateExpression: ['argument'],
  AwaitExpression: ['argument'],
  YieldExpression: ['argument'],
  BinaryExpression: ['left', 'right'],
  LogicalExpression: ['left', 'right'],
  AssignmentExpression: ['left', 'right'],
  AssignmentPattern: ['left', 'right'],
  MemberExpression: ['object', 'property'],
  ChainExpression: ['expression'],
  ConditionalExpression: ['test', 'consequent', 'alternate'],
  CallExpression: ['callee', 'arguments'],
  NewExpression: ['callee', 'arguments'],
  SequenceExpression: ['expressions'],
  TemplateLiteral: ['quasis', 'expressions'],
  TaggedTemplateExpression: ['tag', 'quasi'],
  ImportExpression: ['source', 'options'],
  ImportDeclaration: ['specifiers', 'source'],
  ExportNamedDeclaration: ['declaration', 'specifiers', 'source'],
  ExportDefaultDeclaration: ['declaration'],
  ExportAllDeclaration: ['source'],
  ParenthesizedExpression: ['expression'],
  Decorator: ['expression'],
  Identifier: [],
  Literal: [],
  ThisExpression: [],
  Super: [],
  TemplateElement: [],
  EmptyStatement: [],
  DebuggerStatement: [],
  BreakStatement: [],
  ContinueStatement: [],
  MetaProperty: [],
  PrivateIdentifier: [],
};

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function genericKeys(node: Node): string[] {
  return Object.keys(node).filter((k) => {
    const v = (node as unknown as Record<string, unknown>)[k];
    return isNode(v) || (Array.isArray(v) && v.some(isNode));
  });
}

/**
 * Walks a program once, depth first in source order, calling every visitor's handler for each node
 * type (ESLint-style dispatch, but with no scope analysis and no token store: that is most of the
 * speed difference, see scripts/bench/checker.ts).
 */
export function walk(program: ESTree.Program, visitors: readonly Visitor[]): void {
  const table = new Map<string, Handler[]>();
  for (const v of visitors) {
    for (const [type, fn] of Object.entries(v)) {
      if (type === 'Program:exit' || typeof fn !== 'function') continue;
      const list = table.get(type) ?? [];
      list.push(fn as Handler);
      table.set(type, list);
    }
  }
  const parents: Node[] = [];
  const visitAll = (list: ReadonlyArray<Node | null | undefined>): void => {
    for (const c of list) if (c) visit(c);
  };
  const visit = (node: Node): void => {
    const handlers = table.get(node.type);
    if (handlers) for (const h of handlers) h(node, parents);
    // The commonest node types get direct property reads (monomorphic, fast); the rest go through
    // the KEYS table.
    switch (node.type) {
      case 'Identifier':
      case 'Literal':
      case 'ThisExpression':
      case 'TemplateElement':
      case 'EmptyStatement':
      case 'Super':
        return;
    }
    parents.push(node);
    switch (node.type) {
      case 'MemberExpression':
        visit(node.object);
        visit(node.property);
        break;
      case 'CallExpression':
      case 'NewExpression':
        visit(node.callee);
        visitAll(node.arguments);
        break;
      case 'ExpressionStatement':
        visit(node.expression);
        break;
      case 'Program':
      case 'BlockStatement':
        visitAll(node.body);
        break;
      case 'VariableDeclaration':
        visitAll(node.declarations);
        break;
      case 'VariableDeclarator':
        visit(node.id);
        if (node.init) visit(node.init);
        break;
      case 'Property':
        visit(node.key);
        visit(node.value);
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'AssignmentExpression':
        visit(node.left);
        visit(node.right);
        break;
      case 'IfStatement':
        visit(node.test);
        visit(node.consequent);
        if (node.alternate) visit(node.alternate);
        break;
      case 'ObjectExpression':
        visitAll(node.properties);
        break;
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        if (node.id) visit(node.id);
        visitAll(node.params);
        if (node.body) visit(node.body);
        break;
      case 'ArrowFunctionExpression':
        visitAll(node.params);
        visit(node.body);
        break;
      case 'ReturnStatement':
        if (node.argument) visit(node.argument);
        break;
      default: {
        const record = node as unknown as Record<string, unknown>;
        for (const key of KEYS[node.type] ?? genericKeys(node)) {
          const child = record[key];
          if (Array.isArray(child)) {
            for (const c of child) if (isNode(c)) visit(c);
          } else if (isNode(child)) visit(child);
        }
      }
    }
    parents.pop();
  };
  visit(program);
  for (const v of visitors) v['Program:exit']?.();
}

/** Calls `fn` for every node below `root` (root included) until it returns true; true if it did. */
export function some(root: Node, fn: (node: Node) => boolean): boolean {
  if (fn(root)) return true;
  const record = root as unknown as Record<string, unknown>;
  for (const key of KEYS[root.type] ?? genericKeys(root)) {
    const child = record[key];
    if (Array.isArray(child)) {
      for (const c of child) if (isNode(c) && some(c, fn)) return true;
    } else if (isNode(child) && some(child, fn)) return true;
  }
  return false;
}

/**
 * Every child key, for {@link shiftOffsets}: the walk's table leaves out children no rule looks at
 * (labels, import attributes, `export * as name`, the identifiers of `new.target`), but every node's
 * offsets must move.
 */
const ALL_KEYS: Partial<Record<NodeType, readonly string[]>> = {
  ...KEYS,
  ImportDeclaration: ['specifiers', 'source', 'attributes'],
  ExportNamedDeclaration: ['declaration', 'specifiers', 'source', 'attributes'],
  ExportAllDeclaration: ['exported', 'source', 'attributes'],
  MetaProperty: ['meta', 'property'],
  LabeledStatement: ['label', 'body'],
  BreakStatement: ['label'],
  ContinueStatement: ['label'],
};

/** The keys under which `node` has child nodes (every child, not only those the walk visits). */
export function childKeys(node: Node): readonly string[] {
  return ALL_KEYS[node.type] ?? genericKeys(node);
}

/**
 * Adds `delta` to the start and end offsets of `root` and of every node below it, in place (the
 * incremental parse in reparse.ts moves the statements after an edit by the edit's length).
 */
export function shiftOffsets(root: Node, delta: number): void {
  const node = root as Node & { start: number; end: number };
  node.start += delta;
  node.end += delta;
  switch (node.type) {
    case 'Identifier':
    case 'Literal':
    case 'ThisExpression':
    case 'TemplateElement':
    case 'EmptyStatement':
    case 'Super':
      return;
    case 'MemberExpression':
      shiftOffsets(node.object, delta);
      shiftOffsets(node.property, delta);
      return;
    case 'CallExpression':
    case 'NewExpression':
      shiftOffsets(node.callee, delta);
      for (const a of node.arguments) shiftOffsets(a, delta);
      return;
    case 'ExpressionStatement':
      shiftOffsets(node.expression, delta);
      return;
  }
  const record = node as unknown as Record<string, unknown>;
  for (const key of childKeys(node)) {
    const child = record[key];
    if (Array.isArray(child)) {
      for (const c of child) if (isNode(c)) shiftOffsets(c, delta);
    } else if (isNode(child)) shiftOffsets(child, delta);
  }
}
