import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { AccountSetup } from './cli-accounts';
import { stringOption } from './cli-arguments';
import type { CommandContext } from './cli-command';
import { CliError, UsageError } from './cli-error';
import { ExitCode } from './exit-codes';
import { displayPath } from './find-trunk-files';

/** Who holds the lock: what the lock file says. */
export interface LockHolder {
  /** The trunkline command that holds it (apply, export). */
  command: string;
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  startedAt: string;
}

export interface AcquireOptions {
  /** How long to wait for another run to finish; 0 refuses at once. */
  waitMs: number;
  /** Told once when the run starts to wait, and when a dead run's lock is taken over. */
  note: (message: string) => void;
  /** Stops the wait (Ctrl-C). */
  signal: AbortSignal;
  /** As the user should read the lock file's name. */
  display?: string;
  /** The command taking the lock, for the message another run prints. */
  command: string;
  pollMs?: number;
}

/**
 * One `trunkline apply` at a time per sync state: two runs would plan from the same state and
 * interleave their writes to it and to the trunk files. The lock is a file created atomically
 * with its content (a hard link of a complete temporary file, which fails when the lock
 * exists), holding the holder's pid, host and start time. A lock whose process is no longer
 * alive on this host is taken over, under a second, short-lived `.takeover` lock so that two
 * waiting runs cannot both take it.
 */
export class ApplyLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(
    readonly file: string,
    private readonly holder: LockHolder,
  ) {
    // A run ended by a second Ctrl-C (process.exit) still removes its lock.
    process.once('exit', this.onExit);
  }

  static async acquire(file: string, options: AcquireOptions): Promise<ApplyLock> {
    const display = options.display ?? file;
    const me: LockHolder = { command: options.command, pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
    const deadline = Date.now() + options.waitMs;
    let waiting = false;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (;;) {
      if (createExclusive(file, me)) return new ApplyLock(file, me);
      const holder = readHolder(file);
      if (holder === undefined) continue; // released meanwhile: try again at once
      if (holder !== 'unreadable' && isDead(holder) && takeOver(file, holder)) {
        options.note(`Took over the lock ${display}: process ${holder.pid}, which took it at ${holder.startedAt}, is no longer running.`);
        continue;
      }
      // Else alive, elsewhere, or being taken over by another run: wait as for a live holder.
      const who = holder === 'unreadable' ? 'another trunkline run' : `another trunkline ${holder.command} (process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, since ${holder.startedAt})`;
      if (Date.now() >= deadline) {
        throw new CliError(
          `Not applying: ${who} holds the lock ${display}. Wait for it to finish and run apply again${options.waitMs > 0 ? '' : ', or give --lock-timeout SECONDS to wait for it'}; if that process is gone, delete ${display}.`,
          ExitCode.setup,
          'locked',
        );
      }
      if (!waiting) {
        waiting = true;
        options.note(`Waiting up to ${Math.ceil(options.waitMs / 1000)} s for ${who} to finish: it holds the lock ${display}.`);
      }
      try {
        await delay(Math.min(options.pollMs ?? 200, Math.max(deadline - Date.now(), 1)), undefined, { signal: options.signal });
      } catch {
        throw new CliError(`Interrupted while waiting for the lock ${display}: nothing was applied.`, ExitCode.interrupted, 'interrupted');
      }
    }
  }

  /** Removes the lock file, if it is still this run's. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    const current = readHolder(this.file);
    if (current && current !== 'unreadable' && current.pid === this.holder.pid && current.startedAt === this.holder.startedAt) fs.rmSync(this.file, { force: true });
  }
}

/** Creates `file` holding `holder`, complete from its first instant; false when it exists. */
function createExclusive(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(holder)}\n`);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CliError(`Cannot create the lock ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readHolder(file: string): LockHolder | 'unreadable' | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  try {
    const json = JSON.parse(text) as Partial<LockHolder>;
    if (typeof json.pid === 'number' && typeof json.host === 'string' && typeof json.startedAt === 'string') {
      return { command: typeof json.command === 'string' ? json.command : 'run', pid: json.pid, host: json.host, startedAt: json.startedAt };
    }
  } catch {
    // Not ours, or damaged: treated as held, and the message says which file to delete.
  }
  return 'unreadable';
}

/** Only a process on this host can be checked; one elsewhere is presumed alive. */
function isDead(holder: LockHolder): boolean {
  if (holder.host !== os.hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the dead `holder`'s lock unless another run is doing so or did; true when this run removed it. */
function takeOver(file: string, holder: LockHolder): boolean {
  const guard = `${file}.takeover`;
  const me: LockHolder = { command: 'takeover', pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  if (!createExclusive(guard, me)) {
    const other = readHolder(guard);
    // A run that died while taking over leaves its guard behind.
    if (other && other !== 'unreadable' && isDead(other)) fs.rmSync(guard, { force: true });
    return false;
  }
  try {
    const current = readHolder(file);
    if (!current || current === 'unreadable' || current.pid !== holder.pid || current.startedAt !== holder.startedAt) return false;
    fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** The seconds --lock-timeout gives (default 60). */
const DEFAULT_WAIT_SECONDS = 60;

/**
 * Takes the lock of the run's sync state before it is read (apply's plan must be made from the
 * state the previous apply left; export must not lose what an apply records), and releases it
 * when the run closes. No sync state (--no-state, or --sandbox without --sandbox-state):
 * nothing shared, no lock. `setup` defaults to apply's.
 */
export async function holdApplyLock({ io, line, runtime, signal }: CommandContext, command: 'apply' | 'export' = 'apply', setup?: AccountSetup): Promise<void> {
  const raw = stringOption(line.values, 'lock-timeout');
  const seconds = raw === undefined ? DEFAULT_WAIT_SECONDS : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || raw?.trim() === '') throw new UsageError(`--lock-timeout must be a number of seconds (0 or more), not ${JSON.stringify(raw)}.`, command);
  const stateFile = runtime.syncStateFile(setup ?? runtime.accountSetup(command, stringOption(line.values, 'account')));
  if (stateFile === undefined) return;
  const file = `${stateFile}.lock`;
  const lock = await ApplyLock.acquire(file, { command, waitMs: seconds * 1000, note: (m) => runtime.note(m), signal, display: displayPath(file, io.cwd) });
  runtime.onClose(() => lock.release());
}
