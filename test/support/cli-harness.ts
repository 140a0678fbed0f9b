import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the folder holding esbuild.js, above this (bundled) file. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'esbuild.js')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}

export const CLI_PATH = path.join(repoRoot(), 'dist', 'cli.js');

/** Builds dist/cli.js when it is missing (`npm run test:unit` builds it before the tests). */
export function ensureCliBuilt(): void {
  if (fs.existsSync(CLI_PATH)) return;
  const build = spawnSync(process.execPath, ['esbuild.js', '--only=cli'], { cwd: repoRoot(), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stderr}`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Added to a clean environment (PATH only), so the developer's TWILIO_* never leak in. */
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Secrets that must appear in no output. */
  secrets?: readonly string[];
}

const RUN_TIMEOUT_MS = 30_000;

/**
 * Runs the bundled `trunkline` binary as a child process (asynchronously: the emulator it talks
 * to runs in this process). Every run is checked for what must never happen: a stack trace, or
 * one of `secrets` in stdout or stderr.
 */
export function runTrunkline(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`trunkline ${args.join(' ')} did not finish in ${RUN_TIMEOUT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const run = { code, stdout, stderr };
      try {
        assert.doesNotMatch(stderr, /^\s{4}at /m, `a stack trace on stderr:\n${stderr}`);
        assert.doesNotMatch(stdout, /^\s{4}at /m, `a stack trace on stdout:\n${stdout}`);
        for (const secret of options.secrets ?? []) {
          assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `a secret was printed by trunkline ${args.join(' ')}`);
        }
        resolve(run);
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A temporary folder with the given files (relative paths → text); remove it with `fs.rmSync(dir, { recursive: true })`. */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-cli-'));
  for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
  return dir;
}

export function writeFile(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export function readFile(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

/**
 * Credentials the test emulator is started with: canaries that must never show up in the CLI's
 * output (runTrunkline's `secrets`).
 */
export const CANARY_CREDENTIALS = {
  authToken: 'c4n4ryAuthToken0123456789abcdefX',
  apiKeySecret: 'c4n4ryApiKeySecret0123456789abcd',
  carrierXToken: 'c4n4ry-carrierx-token-0123456789',
} as const;

export const CANARY_SECRETS: readonly string[] = Object.values(CANARY_CREDENTIALS);

/** trunkline.config.json for an emulator: Twilio account `acme`, CarrierX account `cx`, reached through its base URL. */
export function emulatorConfig(emulator: { baseUrl: string; credentials: { accountSid: string } }, extra: Record<string, object> = {}): string {
  return JSON.stringify(
    {
      accounts: {
        acme: { provider: 'twilio', accountSid: emulator.credentials.accountSid, baseUrl: emulator.baseUrl },
        cx: { provider: 'carrierx', baseUrl: emulator.baseUrl },
        ...extra,
      },
    },
    null,
    2,
  );
}

/** The credential variables for emulatorConfig's accounts. */
export const CANARY_ENV: Readonly<Record<string, string>> = {
  TWILIO_AUTH_TOKEN: CANARY_CREDENTIALS.authToken,
  CARRIERX_TOKEN: CANARY_CREDENTIALS.carrierXToken,
};
