/**
 * @brandsafe/generation: request → candidates → check → heal → result, with a template provider
 * (offline, deterministic, typed parameters) and a Claude provider (@anthropic-ai/sdk).
 */
export { generate, MAX_RETRIES } from './generate.js';
export { GenerationError, isGenerationError, type GenerationErrorCode, type GenerationErrorDetails } from './error.js';
export { templateProvider, generateFromTemplate } from './template-provider.js';
export { createClaudeProvider, providerFromEnv, DEFAULT_CLAUDE_MODEL, type ClaudeProviderOptions } from './claude-provider.js';
export { chooseTemplate, rankTemplates, testTypeScore, lexicalScore, parameterScore, type RankedTemplate } from './choose.js';
export { resolveParameters, parseParameter } from './parameters.js';
export { resolveSelector, nearestSelectors, selectorsForPage } from './selector-param.js';
export { renderTemplate, placeholderNames, PLACEHOLDER } from './render.js';
export { emitValue, type ParamValue, type PlaceholderContext } from './literal.js';
export { confidence, severityCounts } from './confidence.js';
export { systemPrompt, conversation, feedbackMessage, requestMessage, extractCode, PROMPT_TEMPLATES, type PromptMessage } from './prompt.js';
export type * from './types.js';
