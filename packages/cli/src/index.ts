/** @brandsafe/cli: The brandsafe command: check, validate, verify. */
export {};
