// End-to-end suites (real VS Code, Neovim, Chromium) are added by the issues that need them.
console.log('No end-to-end suites yet.');
console.log('0 passed, 0 failed');
