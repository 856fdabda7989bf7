// One mocha run for the fast suite: TypeScript through tsx, packages resolved to their src/
// through the "source" export condition, so `npm test` needs no build step.
module.exports = {
  'node-option': ['import=tsx', 'conditions=source'],
  spec: [
    'packages/*/src/**/__tests__/**/*.test.ts',
    'lsp/src/**/__tests__/**/*.test.ts',
    'server/src/**/__tests__/**/*.test.ts',
  ],
  'forbid-only': Boolean(process.env.CI),
  reporter: require.resolve('./scripts/mocha-summary-reporter.cjs'),
  timeout: 20000,
};
