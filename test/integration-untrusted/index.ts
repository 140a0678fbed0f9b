// The entry VS Code's extension host loads for the Restricted Mode run
// (`node scripts/run-vscode-tests.mjs --restricted-mode`): the same mocha runner as
// test/integration/, over the *.test.js files of this folder (bundled here, `__dirname` is this folder).
export { run } from '../integration/index';
