import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { boundResult, type Benchmark } from '../benchmark';

const run = promisify(execFile);
const REPO_ROOT = path.join(__dirname, '..', '..');
const PRODUCTION_DIST = path.join(__dirname, 'dist');
const MAX_MB = 1;
const MB = 1024 * 1024;

/** Build output, dependencies and caches: never part of the package, too big to copy. */
const NOT_COPIED = new Set(['node_modules', 'out', 'dist', '.git', '.cache', 'test-results', '.vscode-test']);

/** The production extension bundles together (the root and dist/extension/*.js). */
function extensionBytes(): number {
  const dir = path.join(PRODUCTION_DIST, 'extension');
  return statSync(path.join(PRODUCTION_DIST, 'extension.js')).size + readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/**
 * The .vsix as `npm run package` makes it (vsce package --no-dependencies, the repository's
 * .vscodeignore deciding what ships), but without touching dist/: the repository is staged in
 * a temporary folder with the production bundles build-bench.js built in its dist/.
 */
export const vsixSize: Benchmark = {
  id: 'vsix',
  async run() {
    const stage = mkdtempSync(path.join(os.tmpdir(), 'trunkline-vsix-'));
    try {
      for (const entry of readdirSync(REPO_ROOT)) {
        if (NOT_COPIED.has(entry) || entry.endsWith('.vsix')) continue;
        cpSync(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true });
      }
      mkdirSync(path.join(stage, 'dist'));
      for (const f of readdirSync(PRODUCTION_DIST)) cpSync(path.join(PRODUCTION_DIST, f), path.join(stage, 'dist', f), { recursive: true });
      const vsix = path.join(stage, 'trunkline.vsix');
      const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
      const { stdout } = await run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, timeout: 120_000 });
      const bytes = statSync(vsix).size;
      const files = /\((\d+) files/.exec(stdout)?.[1];
      const ignoreFile = existsSync(path.join(REPO_ROOT, '.vscodeignore'));
      return [
        boundResult({
          name: '.vsix size',
          unit: 'MB',
          trunkline: [bytes / MB],
          max: MAX_MB,
          goal: `≤ ${MAX_MB} MB`,
          measured: `${(bytes / MB).toFixed(2)} MB (${Math.round(bytes / 1024)} KB)`,
          notes: [
            `vsce package --no-dependencies${ignoreFile ? ' with the repository\'s .vscodeignore' : ' (no .vscodeignore in the repository: everything staged ships)'}: ${files ?? '?'} files; production dist/extension.js ${Math.round(statSync(path.join(PRODUCTION_DIST, 'extension.js')).size / 1024)} KB uncompressed, with the bundles it loads on first use ${Math.round(extensionBytes() / 1024)} KB.`,
          ],
          details: { bytes, files: files === undefined ? null : Number(files) },
        }),
      ];
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  },
};
