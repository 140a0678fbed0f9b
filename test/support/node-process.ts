import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

/** The built bundles (`node esbuild.js`), from out/test/support where this file is bundled to. */
export const DIST_DIR = path.resolve(__dirname, '..', '..', '..', 'dist');

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a built script (dist/cli.js, …) in a child Node process and collects what it printed.
 * Asynchronous on purpose: an emulator in the test's own process keeps answering meanwhile.
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST_DIR, script), ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface EmulatorProcess {
  baseUrl: string;
  /** Every `key: value` line it printed on start. */
  startup: Record<string, string>;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then the exit: resolves with everything it printed. */
  stop(): Promise<string>;
}

/** dist/emulator.js in its own process (`npm run emulator`), on a free loopback port. */
export function startEmulatorProcess(args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<EmulatorProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST_DIR, 'emulator.js'), '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const startup: Record<string, string> = {};
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the emulator did not start within 20 s:\n${printed}`));
    }, 20_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      printed += `${line}\n`;
      const match = /^([a-z-]+): (.*)$/.exec(line);
      if (match) startup[match[1]!] = match[2]!;
      if (match?.[1] === 'carrierx-base-url') {
        clearTimeout(timer);
        resolve({
          baseUrl: startup['base-url']!,
          startup,
          output: () => printed,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
            return printed;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} during start-up:\n${printed}`));
    });
  });
}
