#!/usr/bin/env node
// @ts-check
// `npm start`: Trunkline in a real VS Code with sample trunk files, nothing else to install.
//
// The bundles are already built (npm start runs esbuild first). Then:
//   - the emulator starts on 127.0.0.1 (for the CLI or curl; the Sandbox account inside VS Code
//     runs its own, in-process) and prints its base URL and sandbox credentials;
//   - with a local `code` on PATH, VS Code opens samples/workspace with the extension loaded as a
//     development extension;
//   - otherwise the browser-based VS Code server from the recipe (code-server, installed and cached
//     by scripts/setup-vscode-server.sh) starts on 127.0.0.1 and the URL to open is printed. It is
//     the workbench a user gets (notifications and all), never the tests' smoke-test mode.
// Ctrl-C stops everything it started.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startUserWorkbench } from './code-server-workbench.mjs';
import { startEmulator } from './emulator-process.mjs';
import { REPO_ROOT, SAMPLES_DIR as SAMPLES } from './repo-paths.mjs';
import { deferCleanup, runWithCleanup } from './run-with-cleanup.mjs';

const PORT = Number(process.env.TRUNKLINE_PORT ?? 8080);

await runWithCleanup(async () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-start-'));
  deferCleanup('temporary directory', () => fs.rmSync(workDir, { recursive: true, force: true }));
  const emulator = await startEmulator({ logFile: path.join(workDir, 'emulator.log') });
  if (emulator) {
    console.log(`Emulator (Twilio and CarrierX APIs) at ${emulator.baseUrl}; sandbox credentials in src/emulator/README.md.`);
  }

  const code = process.env.TRUNKLINE_USE_CODE_SERVER ? undefined : onPath('code');
  if (code) {
    console.log(`Opening VS Code with Trunkline on ${path.relative(REPO_ROOT, SAMPLES)}…`);
    spawn(code, ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLES], { stdio: 'inherit' });
  } else {
    console.log('No `code` on PATH: starting the browser-based VS Code server (first run installs it, ~2 min)…');
    execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-vscode-server.sh')], { stdio: 'inherit' });
    const server = await startUserWorkbench({ workDir, logFile: path.join(workDir, 'code-server.log'), env: emulator?.env ?? {}, folder: SAMPLES, port: PORT });
    const url = server.workbenchUrl([]);
    console.log(`\nOpen this URL in a browser on this machine:\n\n  ${url}\n`);
    console.log('Then: the Trunkline icon in the activity bar → Try the Sandbox; open a *.trunk.yaml file.');
  }
  console.log('Press Ctrl-C to stop.');
  await new Promise(() => {}); // until Ctrl-C: runWithCleanup stops everything
  return 0;
});

function onPath(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
