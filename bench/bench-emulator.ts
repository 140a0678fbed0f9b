import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { EmulatorOptions } from '../src/emulator/emulator-server';
import type { StatsSnapshot } from '../src/emulator/request-stats';
import type { EmulatorReply, EmulatorRequest } from './emulator-process';

const START_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** An emulator running in a child process on 127.0.0.1, with its controls. */
export class BenchEmulator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly credentials: { accountSid: string; authToken: string; carrierXToken: string },
  ) {
    child.on('message', (reply: EmulatorReply) => {
      if (reply.type === 'started' || reply.id === undefined) return;
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'failed') waiter?.reject(new Error(`emulator: ${reply.message}`));
      else waiter?.resolve(reply.value);
    });
    child.on('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('the emulator process exited'));
      this.pending.clear();
    });
  }

  /** Forks out/bench/emulator-process.js (built next to this bundle) with these options. */
  static async start(options: EmulatorOptions): Promise<BenchEmulator> {
    const child = fork(path.join(__dirname, 'emulator-process.js'), [JSON.stringify({ seed: 'bench', ...options })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--expose-gc'],
    });
    const started = await new Promise<Extract<EmulatorReply, { type: 'started' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the emulator did not start in time')), START_TIMEOUT_MS);
      child.once('message', (reply: EmulatorReply) => {
        clearTimeout(timer);
        if (reply.type === 'started') resolve(reply);
        else reject(new Error(`emulator: ${reply.type === 'failed' ? reply.message : 'unexpected reply'}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code} before it started`));
      });
    });
    return new BenchEmulator(child, started.baseUrl, started.credentials);
  }

  /** Back to the seeded data and the configured rate limit, stats at zero. */
  reset(): Promise<void> {
    return this.ask({ type: 'reset' }) as Promise<void>;
  }

  stats(): Promise<StatsSnapshot> {
    return this.ask({ type: 'stats' }) as Promise<StatsSnapshot>;
  }

  resetStats(): Promise<void> {
    return this.ask({ type: 'resetStats' }) as Promise<void>;
  }

  /** A full GC in the emulator process (it runs with --expose-gc), so that none lands in a measurement. */
  gc(): Promise<void> {
    return this.ask({ type: 'gc' }) as Promise<void>;
  }

  trunks(): Promise<{ count: number; distinctDomains: number }> {
    return this.ask({ type: 'trunks' }) as Promise<{ count: number; distinctDomains: number }>;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private ask(request: EmulatorRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the emulator did not answer ${request.type} in time`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...request, id });
    });
  }
}
