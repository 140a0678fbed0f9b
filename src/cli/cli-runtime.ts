import * as path from 'node:path';
import { version } from '../../package.json';
import { AccountConnections, type SandboxEndpoint } from '../core/accounts/account-connections';
import type { SyncClients } from '../core/documents/apply/sync-clients';
import { DispatcherPool, networkOptionsFromEnv } from '../core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor, type Logger } from '../core/http/redacting-logger';
import { startEmulator, type RunningEmulator } from '../emulator/emulator-server';
import { SANDBOX_SEED } from '../emulator/seeding/emulator-seeder';
import { CliAccounts, type AccountSetup } from './cli-accounts';
import type { GlobalOptions } from './cli-arguments';
import { loadCliConfig } from './cli-config';
import { UsageError } from './cli-error';
import type { CliIo } from './cli-io';
import { FileSyncStateStore } from './file-sync-state';
import { StderrLogger } from './stderr-logger';

/**
 * What one run shares: the redactor every secret is registered with, the logger, the HTTP
 * connection pool, the sandbox emulator (started on first use) and the accounts. `close()`
 * releases them so the process can end by itself.
 */
export class CliRuntime {
  readonly redactor = new SecretRedactor();
  readonly logger: Logger;
  private dispatchers: DispatcherPool | undefined;
  private emulator: Promise<RunningEmulator> | undefined;
  private readonly releases: (() => void)[] = [];

  constructor(
    readonly io: CliIo,
    readonly global: GlobalOptions,
  ) {
    const level = global.debug ? 'debug' : global.verbose ? 'info' : 'off';
    this.logger = new RedactingLogger(new StderrLogger(io.stderr, level), this.redactor);
  }

  /** Where accounts come from (see AccountSetup). `--account` names the account only when there is no config file. */
  accountSetup(command: string, accountFlag: string | undefined, options: { accountChoosesFromConfig?: boolean } = {}): AccountSetup {
    if (this.global.sandbox) {
      if (accountFlag !== undefined && accountFlag !== 'sandbox') throw new UsageError(`With --sandbox the only account is "sandbox", not "${accountFlag}".`, command);
      return { kind: 'sandbox' };
    }
    const config = loadCliConfig(this.global.configPath, this.io.cwd);
    if (config) {
      if (accountFlag !== undefined && !options.accountChoosesFromConfig) {
        throw new UsageError(`--account is for runs without a config file; the accounts here come from ${config.path}.`, command);
      }
      return { kind: 'config', config };
    }
    if (accountFlag !== undefined) return { kind: 'environment', name: accountFlag };
    return { kind: 'none', cwd: this.io.cwd };
  }

  accounts(setup: AccountSetup): CliAccounts {
    return new CliAccounts(setup, this.io.env, (...secrets) => this.redactor.add(...secrets));
  }

  syncClients(accounts: CliAccounts): SyncClients {
    const connections = new AccountConnections(
      { dispatchers: this.dispatcherPool(), logger: this.logger, redactor: this.redactor, userAgent: `trunkline-cli/${version} (node ${process.version})` },
      async (account) => accounts.secretsOf(account),
      () => this.sandboxEndpoint(),
    );
    return accounts.syncClients(connections);
  }

  /**
   * The sync state of this run: `.trunkline/sync-state.json` beside the config file (or in the cwd
   * without one); with --sandbox beside the --sandbox-state file, or none (a fresh sandbox has no
   * history); none with --no-state. Undefined: drift since the last push is not detected.
   */
  syncState(setup: AccountSetup): FileSyncStateStore | undefined {
    const where = this.syncStateLocation(setup);
    return where && FileSyncStateStore.open(where.file, where.root, this.io.cwd, (message) => this.warn(message));
  }

  /** The sync state file syncState opens (apply locks it), or undefined when there is none. */
  syncStateFile(setup: AccountSetup): string | undefined {
    return this.syncStateLocation(setup)?.file;
  }

  private syncStateLocation(setup: AccountSetup): { file: string; root: string } | undefined {
    if (this.global.noState) return undefined;
    if (setup.kind === 'sandbox') {
      if (this.global.sandboxState === undefined) return undefined;
      const file = path.resolve(this.io.cwd, this.global.sandboxState);
      return { file: `${file.replace(/\.json$/i, '')}.sync-state.json`, root: path.dirname(file) };
    }
    const root = setup.kind === 'config' ? setup.config.root : this.io.cwd;
    return { file: path.join(root, '.trunkline', 'sync-state.json'), root };
  }

  /** Runs `release` when the run closes, however it ends. */
  onClose(release: () => void): void {
    this.releases.push(release);
  }

  /** A note on stderr (not with --quiet). */
  note(message: string): void {
    if (!this.global.quiet) this.io.stderr.write(`${this.redactor.redact(message)}\n`);
  }

  /** A warning on stderr, even with --quiet. */
  warn(message: string): void {
    this.io.stderr.write(`trunkline: warning: ${this.redactor.redact(message)}\n`);
  }

  private dispatcherPool(): DispatcherPool {
    // HTTPS_PROXY / NO_PROXY as curl reads them; NODE_EXTRA_CA_CERTS is Node's own.
    this.dispatchers ??= new DispatcherPool(networkOptionsFromEnv(this.io.env));
    return this.dispatchers;
  }

  private async sandboxEndpoint(): Promise<SandboxEndpoint> {
    this.emulator ??= startEmulator({
      seeding: SANDBOX_SEED,
      persistPath: this.global.sandboxState !== undefined ? path.resolve(this.io.cwd, this.global.sandboxState) : undefined,
    });
    const emulator = await this.emulator;
    return { baseUrl: emulator.baseUrl, accountSid: emulator.credentials.accountSid, authToken: emulator.credentials.authToken, carrierxToken: emulator.credentials.carrierXToken };
  }

  async close(): Promise<void> {
    for (const release of this.releases.splice(0)) release();
    const emulator = this.emulator;
    this.emulator = undefined;
    await Promise.allSettled([this.dispatchers?.close(), emulator?.then((e) => e.close())]);
  }
}
