/** @brandsafe/rules: the checker. */
export type * from './types.js';
