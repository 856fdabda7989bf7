// The extension-host side of the VS Code end-to-end suites (vscode/, vscode-cloud/): runs one
// mocha file inside the extension host and reports each test and the counts on the console, which
// reaches the runner as browser console messages (BRANDSAFE_PASS / BRANDSAFE_FAIL lines, then
// "BRANDSAFE_RESULT {...}").
const mochaModule = require('mocha');

const Mocha = mochaModule.Mocha ?? mochaModule.default ?? mochaModule;

exports.runMochaFile = function runMochaFile(file) {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
      console.log(`BRANDSAFE_RESULT ${JSON.stringify({ passed: passes, failed })}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, error) => console.log(`BRANDSAFE_FAIL ${test.fullTitle()}: ${error && error.stack}`));
    runner.on('pass', (test) => console.log(`BRANDSAFE_PASS ${test.fullTitle()}`));
  });
};
