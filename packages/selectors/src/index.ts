/** @brandsafe/selectors: CSS selector parsing, validation, classification, brittleness, normalization, snapshot matching and nearest-approved suggestions. */
export type { ParseOptions, ParseResult, SelectorParseError } from './types.js';
export { MAX_SELECTOR_LENGTH, isValidSelector, parseSelector } from './parse.js';
export { SelectorsError, type SelectorsErrorCode } from './error.js';
export { normalizeSelector } from './normalize.js';
export { TEST_ID_ATTRIBUTES, classifySelector, type SelectorClassification, type Specificity } from './classify.js';
export { MAX_COMPOUNDS, brittleness, type BrittlenessCode, type BrittlenessWarning } from './brittleness.js';
export { generatedIdSource, hashedClassSource, isGeneratedId, isHashedClass } from './hashed.js';
export { MIN_SUGGESTION_SCORE, identifierWords, nameSimilarity, suggestNearest, type Suggestion } from './suggest.js';
export { MAX_SNAPSHOT_BYTES, PageSnapshot, loadSnapshotsFromDir } from './snapshot.js';
export { checkSelectorHealth, type SelectorHealth, type SelectorUnderTest } from './health.js';
