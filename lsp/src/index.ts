/** @brandsafe/lsp: the brandsafe language server (any LSP client). */
export { startServer, type ServerOptions } from './server.js';
export type { Engine, GraphIndex, LoadedBrand, SnapshotMatch, VocabularyTerm } from './engine.js';
export { SNAPSHOT_DIR, createDefaultEngine } from './engine-default.js';
export { DEFAULT_SETTINGS, settingsFrom, type RunMode, type Settings } from './settings.js';
export * from './protocol.js';
