/** @brandsafe/selectors: CSS selector parsing, validation, classification, brittleness, normalization, snapshot matching and nearest-approved suggestions. */
export {};
