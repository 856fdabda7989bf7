/**
 * Editing features served from what validation recorded and the brand in use: code actions,
 * hover, completion, definition, and the rule catalogue. Each handler answers `null`/`[]` and
 * logs to the client when something fails, never throwing at the client.
 */
import { dirname } from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BrandEntry } from './brands.js';
import { codeActions, type FixRecord } from './code-actions.js';
import type { Engine } from './engine.js';
import { documentKind, uriToPath } from './languages.js';
import { RulesRequest } from './protocol.js';
import { hoveredSelector, selectorAt, selectorCompletions, selectorHover } from './selector-features.js';
import { turtleCompletions, turtleHover, type TurtleIndex } from './turtle-features.js';

export interface FeatureDeps {
  documents: TextDocuments<TextDocument>;
  engine: Engine;
  record: FixRecord;
  turtleIndex: TurtleIndex;
  /** The brand a document is checked against, if one is found. */
  brandFor(uri: string): Promise<BrandEntry | undefined>;
  folders(): string[];
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function registerFeatures(connection: Connection, deps: FeatureDeps): void {
  const { documents, engine, record, turtleIndex, brandFor } = deps;
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActions(record, document, params) : [];
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    try {
      const kind = documentKind(document.languageId, document.uri);
      if (kind.kind === 'turtle') return turtleHover(engine, document, params.position) ?? null;
      if (kind.kind !== 'code') return null;
      const path = uriToPath(document.uri);
      const uses = engine.selectorsIn({ text: document.getText(), language: kind.language, ...(path ? { filename: path } : {}) });
      const selector = hoveredSelector(document, params.position, uses);
      if (!selector) return null;
      const entry = await brandFor(document.uri);
      const root = entry ? dirname(dirname(entry.file)) : undefined;
      return selectorHover(selector, entry?.brand, root ? await engine.snapshotMatches(selector.value, root) : []);
    } catch (error) {
      connection.console.error(`brandsafe hover failed: ${errorText(error)}`);
      return null;
    }
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      const kind = documentKind(document.languageId, document.uri);
      if (kind.kind === 'turtle') return turtleCompletions(engine, document, params.position);
      const selector = kind.kind === 'code' ? selectorAt(document, params.position) : undefined;
      const brand = selector ? (await brandFor(document.uri))?.brand : undefined;
      return selector && brand ? selectorCompletions(document, selector, brand) : [];
    } catch (error) {
      connection.console.error(`brandsafe completion failed: ${errorText(error)}`);
      return [];
    }
  });

  connection.onDefinition(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || documentKind(document.languageId, document.uri).kind !== 'turtle') return [];
    try {
      return await turtleIndex.definition(document, params.position, uriToPath(document.uri), deps.folders());
    } catch (error) {
      connection.console.error(`brandsafe definition failed: ${errorText(error)}`);
      return [];
    }
  });

  connection.onRequest(RulesRequest.type, () =>
    engine.rules.map((r) => ({
      id: r.id,
      description: r.description,
      docsUrl: r.docsUrl,
      defaultSeverity: r.defaultSeverity,
      fixable: r.fixable,
      requiresBrand: r.requiresBrand,
    })),
  );

}
