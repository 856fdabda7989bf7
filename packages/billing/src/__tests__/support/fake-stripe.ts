// The fake Stripe server lives in test/support/fake-stripe (a test-helper package of its own,
// sigstore-js style); imported by path until it is listed in the root workspaces.
export * from '../../../../../test/support/fake-stripe/src/index.js';
