/** @brandsafe/generation: Generation: request -> candidates -> check -> heal -> result, with template and Claude providers. */
export {};
