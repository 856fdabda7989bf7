// Extension test entry (VS Code's extensionTestsPath) of the cloud suite: runs cloud.test.cjs with mocha inside
// the extension host and reports the counts on the console, which reaches the runner as a browser
// console message ("BRANDSAFE_RESULT {...}").
const path = require('node:path');
const mochaModule = require('mocha');

const Mocha = mochaModule.Mocha ?? mochaModule.default ?? mochaModule;

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'cloud.test.cjs'));
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
