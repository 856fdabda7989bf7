// One mocha run for the fast suite: TypeScript through tsx, packages resolved to their src/
// through the "source" export condition, so `npm test` needs no build step.
// `npx mocha <files or globs>` runs only those: the default spec applies when none are named.
const named = process.argv.slice(2).some((a) => !a.startsWith('-') && /\.(ts|js|mjs)$|\*/.test(a));

module.exports = {
  'node-option': ['import=tsx', 'conditions=source'],
  ...(named
    ? {}
    : {
        spec: [
          'packages/*/src/**/__tests__/**/*.test.ts',
          'lsp/src/**/__tests__/**/*.test.ts',
          'server/src/**/__tests__/**/*.test.ts',
          'extension/src/**/__tests__/**/*.test.ts',
        ],
      }),
  'forbid-only': Boolean(process.env.CI),
  reporter: require.resolve('./scripts/mocha-summary-reporter.cjs'),
  timeout: 20000,
};
