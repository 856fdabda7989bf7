// Extension test entry (VS Code's extensionTestsPath) of the cloud suite: runs cloud.test.cjs with
// mocha inside the extension host (../../vscode/suite/mocha-entry.cjs reports to the runner).
const path = require('node:path');
const { runMochaFile } = require('../../vscode/suite/mocha-entry.cjs');

exports.run = () => runMochaFile(path.join(__dirname, 'cloud.test.cjs'));
