// Extension test entry (VS Code's extensionTestsPath): runs extension.test.cjs with mocha inside
// the extension host (mocha-entry.cjs reports to the runner).
const path = require('node:path');
const { runMochaFile } = require('./mocha-entry.cjs');

exports.run = () => runMochaFile(path.join(__dirname, 'extension.test.cjs'));
