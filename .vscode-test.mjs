// Configuration for @vscode/test-cli (`npx vscode-test`) on machines that can download VS Code.
// It runs the same compiled extension-host tests as `npm run test:vscode` (which uses code-server
// offline): out/client/test/suite/**/*.test.js, mocha bdd. Build first: `npm run build`.
// Needs: npm install --save-dev @vscode/test-cli@0.0.12 @vscode/test-electron@2.5.2 (both run on Node 20).
export default {
  files: "out/client/test/suite/**/*.test.js",
  workspaceFolder: "./samples",
  version: "1.100.3",
  mocha: { ui: "bdd", timeout: 30000 },
  launchArgs: ["--disable-extensions"],
};
